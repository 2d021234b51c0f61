// The PDF test reads the report's text with pdftotext (Debian's poppler-utils). Install it with apt when it is
// missing and we can; otherwise stop with a message that says how.
import { execSync } from "node:child_process";
import fs from "node:fs";

const path = process.env.PDFTOTEXT_PATH ?? "/usr/bin/pdftotext";
if (!fs.existsSync(path)) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && fs.existsSync("/usr/bin/apt-get")) {
    console.log("pdftotext is missing: installing Debian's poppler-utils package…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils", {
      stdio: "inherit",
    });
  } else {
    console.error(
      `pdftotext was not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install -y poppler-utils) ` +
        "or set PDFTOTEXT_PATH, then run the tests again.",
    );
    process.exit(1);
  }
}
