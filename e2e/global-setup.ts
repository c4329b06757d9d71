// Starts the app the way a user does (`npm start`: build if needed, migrate,
// seed, serve) on its own port and a fresh embedded database, for the specs.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const PORT = Number(process.env.E2E_PORT ?? 3100);

async function waitForServer(url: string, server: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited with code ${server.exitCode} before serving:\n${log()}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

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
  let output = "";
  // The browser tests run the default installation: the embedded database, demo data.
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(PORT), PGLITE_DIR: path.join(dataDir, "pglite"), NEXTAUTH_URL: baseUrl };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const server = spawn("npm", ["start"], { env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  await waitForServer(`${baseUrl}/sign-in`, server, () => output.slice(-4000), 10 * 60_000);
  project.provide("baseUrl", baseUrl);

  return async () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
