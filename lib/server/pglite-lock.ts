// PGlite has no cross-process lock, and two processes writing one data
// directory silently lose writes. Whoever opens the directory (the server, or
// a script while the server is stopped) holds this pid file; others refuse.
import fs from "node:fs";
import path from "node:path";

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? "data/pglite");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws a readable error naming the process that holds it. Returns the release function. */
export function acquirePgliteLock(dir: string, holder: string): () => void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, holder }), { flag: "wx" });
      const release = () => {
        try {
          const held = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number };
          if (held.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let held: { pid: number; holder: string } | undefined;
      try {
        held = JSON.parse(fs.readFileSync(lockFile, "utf8"));
      } catch {
        held = undefined;
      }
      if (held && held.pid !== process.pid && isAlive(held.pid)) {
        throw new Error(
          `The embedded database ${dir} is open in another process (${held.holder}, pid ${held.pid}). ` +
            `Stop it first: PGlite cannot be shared between processes.`,
        );
      }
      // A stale lock from a process that died (e.g. kill -9): take it over.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database ${dir}.`);
}
