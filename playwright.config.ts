import { availableParallelism } from "node:os";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium (test tools cannot download their own browsers here); flags keep it off the network.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

// After the usual output, the ten slowest tests with their durations.
const slowest = ["./e2e/slowest-reporter.ts"] as const;

// A browser journey keeps about two cores busy (Chromium and the one server process), so two journeys at once
// gain nothing on a two-core machine and only make each slower; with more cores they run two at a time.
const journeyWorkers = availableParallelism() > 2 ? 2 : 1;

export default defineConfig({
  testDir: "./e2e",
  // No two tests touch the same demo data in conflicting ways (the journeys that write create their own
  // agency or users, or change what no other test reads), so any test may run beside any other.
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], slowest] : [["list"], ["html", { open: "never" }], slowest],
  // Generous: the bounds catch a hang, not slowness, and the test machine's cores are shared.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: BASE_URL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    // Recording a trace costs about a third of a journey's time on two cores: keep it for the retry in CI
    // (locally, `npx playwright test --trace on` when a failure needs one).
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    // Signs in once per principal and saves the session for every test after it.
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    // The page access matrix: plain HTTP with the saved sessions, no browser.
    { name: "http", testMatch: /access\.spec\.ts/, dependencies: ["setup"] },
    // User journeys in the browser.
    {
      name: "chromium",
      testIgnore: /access\.spec\.ts/,
      workers: journeyWorkers,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    // Fresh demo database, then the production build (`next build` runs first in `npm run test:e2e`).
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `${BASE_URL}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
