import fs from "node:fs";
import path from "node:path";

/**
 * PGlite keeps no lock of its own: two processes opening one data directory silently corrupt it. Every
 * process that opens the embedded database takes this lock first and refuses to start when a live process
 * holds it.
 */
export function acquirePgliteLock(dataDir: string, holder: string): void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const claim = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, claim, { flag: "wx" });
      const release = () => {
        try {
          const current = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number };
          if (current.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          release();
          process.exit(130);
        });
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockFile);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new Error(
          `The embedded database at ${dataDir} is in use by ${owner.holder} (pid ${owner.pid}). ` +
            "Stop that process first (PGlite cannot be shared between processes), or set DATABASE_URL to use a Postgres server.",
        );
      }
      if (owner?.pid === process.pid) return;
      // A stale lock left by a process that died: take it over.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}.`);
}

function readOwner(lockFile: string): { pid: number; holder: string } | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number; holder: string };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
