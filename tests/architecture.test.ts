import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layering the README describes, checked on every import: app → components → lib → db, never upward
 * (the pure lib/domain/ and the enum lists in lib/options.ts are leaves any layer may use), and SQL only
 * under db/ (nothing in app/ imports drizzle-orm).
 */
const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

/** Every module a file imports or re-exports, as a path from the project root when it is the project's own. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^"';]*?from\s+["']([^"']+)["']/g)].map(
    (m) => m[1] ?? "",
  );
  return specifiers.map((s) => {
    if (s.startsWith("@/")) return s.slice(2);
    if (s.startsWith(".")) return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s));
    return s;
  });
}

const LEAVES = [/^lib\/domain\//, /^lib\/options$/];

const RULES: { layer: string; forbidden: RegExp[]; allowed?: RegExp[] }[] = [
  { layer: "app", forbidden: [/^drizzle-orm/] },
  { layer: "components", forbidden: [/^app\//] },
  { layer: "lib", forbidden: [/^app\//, /^components\//] },
  { layer: "db", forbidden: [/^app\//, /^components\//, /^lib\//], allowed: LEAVES },
];

describe("layering", () => {
  for (const rule of RULES) {
    it(`nothing under ${rule.layer}/ imports what the layers above it own`, () => {
      const violations = sourceFiles(rule.layer).flatMap((file) =>
        importsOf(file)
          .filter((target) => rule.forbidden.some((re) => re.test(target)))
          .filter((target) => !rule.allowed?.some((re) => re.test(target)))
          .map((target) => `${file} → ${target}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it("sees the imports it checks (a rule that matches nothing proves nothing)", () => {
    expect(importsOf("app/(app)/clients/actions.ts")).toContain("db/queries/clients");
    expect(importsOf("db/schema/economics.ts")).toContain("lib/options");
  });
});

describe("client modules", () => {
  // A server component that imports a value from a "use client" module gets a reference to it, not the value:
  // a colour table imported that way reads as undefined on the server. Client modules export components
  // (functions) and types only; shared constants live in plain modules (e.g. components/ui/tones.ts).
  it('"use client" modules export no constants', () => {
    const files = ["app", "components"].flatMap(sourceFiles);
    const violations = files.flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      if (!/^\s*["']use client["']/.test(text)) return [];
      return [...text.matchAll(/^export (?:const|let|var|enum|class) (\w+)/gm)].map((m) => `${file}: ${m[1]}`);
    });
    expect(violations).toEqual([]);
  });
});
