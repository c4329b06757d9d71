// Vitest setup file of the end-to-end specs: waits until the app started by
// e2e/global-setup.ts answers, or fails with the app's own output if it stopped.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

const TIMEOUT_MS = 10 * 60_000;

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
    return res.status < 500;
  } catch {
    return false; // not listening yet
  }
}

const url = `${inject("baseUrl")}/sign-in`;
const log = inject("serverLog");
const exitFile = path.join(path.dirname(log), "exit-code");
const deadline = Date.now() + TIMEOUT_MS;
while (!(await answers(url))) {
  const tail = () => fs.readFileSync(log, "utf8").slice(-4000);
  if (fs.existsSync(exitFile))
    throw new Error(`The app exited with code ${fs.readFileSync(exitFile, "utf8")} before serving:\n${tail()}`);
  if (Date.now() > deadline)
    throw new Error(`The app did not answer at ${url} within ${TIMEOUT_MS / 60_000} minutes:\n${tail()}`);
  await new Promise((r) => setTimeout(r, 500));
}
