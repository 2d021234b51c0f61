import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules import "server-only" to keep them out of client bundles; tests run on the server side.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    env: { NODE_ENV: "test", AUTH_SECRET: "test-secret-that-is-at-least-32-characters-long" },
    setupFiles: ["./tests/setup.ts"],
    // Every database test file opens its own fresh database (db/testing.ts), so files run side by side on
    // every core; Vitest's default leaves one core idle, which on a two-core machine means one file at a time.
    maxWorkers: availableParallelism(),
    // Worker threads rather than child processes: on two cores the whole run took 36 s against 56 s, with
    // about a quarter less CPU (most of it is the database files, each starting its own PGlite).
    pool: "threads",
    // After the usual output, the ten slowest tests with their durations.
    reporters: ["default", "./tests/slowest-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
