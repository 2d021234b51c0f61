// Generates AUTH_SECRET into .env.local on first run, so the app starts with no set-up. Next reads .env.local.
import { randomBytes } from "node:crypto";
import fs from "node:fs";

const file = ".env.local";
const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(existing)) {
  const line = `AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;
  fs.writeFileSync(file, existing && !existing.endsWith("\n") ? `${existing}\n${line}` : existing + line);
  console.log("Generated AUTH_SECRET in .env.local");
}
