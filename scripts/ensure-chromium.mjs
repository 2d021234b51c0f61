// The end-to-end tests drive Debian's Chromium. Install it with apt when it is missing and we can; otherwise
// stop with a message that says how.
import { execSync } from "node:child_process";
import fs from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(path)) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
      stdio: "inherit",
    });
  } else {
    console.error(
      `Chromium was not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) ` +
        "or set CHROMIUM_PATH to a Chromium or Chrome binary, then run the tests again.",
    );
    process.exit(1);
  }
}
