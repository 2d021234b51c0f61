// Starts the app for the end-to-end tests on a fresh, seeded database: a new PGlite directory, or — when
// DATABASE_URL is set — a new database on that (local) Postgres server. Refuses any non-local server.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import postgres from "postgres";

const port = process.argv[2] ?? "3210";
const env = { ...process.env, DEMO_MODE: "1", AUTH_TRUST_HOST: "true" };

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(url.hostname)) {
    console.error(`Refusing to run end-to-end tests against a non-local database (${url.hostname}).`);
    process.exit(1);
  }
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists portal_e2e with (force)");
  await admin.unsafe("create database portal_e2e");
  await admin.end();
  url.pathname = "/portal_e2e";
  env.DATABASE_URL = url.toString();
} else {
  env.PGLITE_DIR = ".data/e2e-pglite";
  fs.rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  fs.rmSync(`${env.PGLITE_DIR}.lock`, { force: true });
}

const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "seed"], { env, stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

// The production server as `npm start` runs it (scripts/server.mjs records each connection's address).
const server = spawn("node", ["scripts/server.mjs", "-p", port, "-H", "127.0.0.1"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
