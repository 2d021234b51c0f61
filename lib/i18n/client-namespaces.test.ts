import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ja from "@/messages/ja.json";
import { MESSAGE_SCOPES, type MessageScope } from "./client-namespaces";

// Every page sends the browser only the message namespaces of its scope (lib/i18n/client-namespaces.ts). This
// follows each route file's imports to the client components it renders and checks that the scope of the
// nearest layout covers every namespace they translate with — a missing one would show message keys.

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROUTE_FILES = /^(page|layout|error|not-found|global-not-found|loading|template)\.tsx$/;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return ROUTE_FILES.test(entry.name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return undefined; // a package
  for (const candidate of [
    base,
    `${base}.tsx`,
    `${base}.ts`,
    path.join(base, "index.tsx"),
    path.join(base, "index.ts"),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/(?:import|export)\s[^"';]*?from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
  return specifiers.flatMap((s) => resolveImport(file, s) ?? []);
}

const isClient = (source: string) => /^\s*["']use client["']/.test(source);

/** The top-level namespaces a client module translates with (useTranslations, scoped or not). */
function namespacesOf(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/useTranslations\(\s*["'`]([\w.]+)["'`]\s*\)/g))
    found.add((m[1] ?? "").split(".")[0] ?? "");
  for (const m of source.matchAll(/(\w+)\s*=\s*useTranslations\(\s*\)/g)) {
    const t = m[1] ?? "";
    // Calls of the unscoped translator (also under another name it is passed on as: `t` by convention).
    for (const name of new Set([t, "t"])) {
      for (const call of source.matchAll(new RegExp(`\\b${name}\\(\\s*["'\`]([\\w]+)[.\\w$\`{]`, "g"))) {
        found.add(call[1] ?? "");
      }
    }
  }
  // A file may also hold scoped translators named `t` (their keys are not namespaces): keep real namespaces.
  return [...found].filter((ns) => ns in ja);
}

/** Namespaces used by the client components `entry` renders (everything a "use client" module imports is client). */
function clientNamespaces(entry: string): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}:${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = fs.readFileSync(file, "utf8");
    const inClient = client || isClient(source);
    if (inClient) {
      const namespaces = namespacesOf(source);
      if (namespaces.length > 0) used.set(path.relative(ROOT, file), namespaces);
    }
    for (const next of importsOf(file)) visit(next, inClient);
  };
  visit(entry, false);
  return used;
}

/** The scope of the nearest layout at or above the route file's folder (within app/). */
function scopeOf(file: string): MessageScope | undefined {
  const self = fs.readFileSync(file, "utf8").match(/scope="(\w+)"/);
  if (self && path.basename(file) !== "page.tsx") return self[1] as MessageScope;
  for (let dir = path.dirname(file); dir.startsWith(path.join(ROOT, "app")); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    if (!fs.existsSync(layout)) continue;
    const scope = fs.readFileSync(layout, "utf8").match(/scope="(\w+)"/);
    if (scope) return scope[1] as MessageScope;
  }
  return undefined;
}

describe("messages sent to the browser", () => {
  const files = routeFiles(path.join(ROOT, "app"));

  it("finds the route files and the client components' namespaces", () => {
    expect(files.length).toBeGreaterThan(10);
    const clients = clientNamespaces(path.join(ROOT, "app/(app)/clients/(book)/page.tsx"));
    expect([...clients.values()].flat()).toContain("clientStatus");
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s: its scope covers its client components", (_, file) => {
    const used = clientNamespaces(file);
    const scope = scopeOf(file);
    const provided: readonly string[] = scope ? MESSAGE_SCOPES[scope] : [];
    const missing = [...used].flatMap(([component, namespaces]) =>
      namespaces.filter((ns) => !provided.includes(ns)).map((ns) => `${component}: ${ns}`),
    );
    expect(missing, `scope ${scope ?? "(none)"}`).toEqual([]);
  });

  // Every provider's messages travel in the page's payload, even those a nearer provider replaces: a page under
  // two scopes (the root layout's and one more) would send both.
  it.each(files.filter((f) => path.basename(f) === "page.tsx").map((f) => [path.relative(ROOT, f), f]))(
    "%s: sits under at most one scope besides its root layout's",
    (_, file) => {
      const scoped: string[] = [];
      for (let dir = path.dirname(file); dir.startsWith(path.join(ROOT, "app")); dir = path.dirname(dir)) {
        const layout = path.join(dir, "layout.tsx");
        if (fs.existsSync(layout) && /scope=/.test(fs.readFileSync(layout, "utf8"))) {
          scoped.push(path.relative(ROOT, layout));
        }
      }
      expect(scoped.length, scoped.join(", ")).toBeLessThanOrEqual(2);
    },
  );

  it("every scope names real namespaces", () => {
    for (const namespaces of Object.values(MESSAGE_SCOPES)) {
      for (const ns of namespaces) expect(Object.keys(ja)).toContain(ns);
    }
  });
});
