// Starts the app the way a user does (`npm start`: build if needed, migrate,
// seed, serve) on its own port and a fresh embedded database, for the specs.
// The specs wait for it to answer (e2e/server-ready.ts); the other tests run meanwhile.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The app's output; beside it, `exit-code` once it has stopped (see e2e/server-ready.ts). */
    serverLog: string;
  }
}

const PORT = Number(process.env.E2E_PORT ?? 3100);

async function portIsFree(url: string): Promise<boolean> {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

export default async function setup(project: TestProject) {
  // Something else answering on the port would be tested instead of this build.
  if (!(await portIsFree(`http://localhost:${PORT}/`))) {
    throw new Error(`Port ${PORT} is already in use. Stop what runs there, or set E2E_PORT to a free port.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mine-action-e2e-"));
  const baseUrl = `http://localhost:${PORT}`;
  // The browser tests run the default installation: the embedded database, demo data.
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(PORT),
    PGLITE_DIR: path.join(dataDir, "pglite"),
    NEXTAUTH_URL: baseUrl,
  };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const serverLog = path.join(dataDir, "server.log");
  const log = fs.openSync(serverLog, "a");
  const server = spawn("npm", ["start"], {
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", log, log],
  });
  server.on("exit", (code) => {
    if (fs.existsSync(dataDir)) fs.writeFileSync(path.join(dataDir, "exit-code"), String(code));
  });
  // Not awaited: the build and first start take minutes, in which the unit and
  // integration tests run; each spec waits for the server (e2e/server-ready.ts).
  project.provide("baseUrl", baseUrl);
  project.provide("serverLog", serverLog);

  return async () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
