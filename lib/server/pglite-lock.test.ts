import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquirePgliteLock } from "./pglite-lock";

const tempDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-")), "db");

describe("acquirePgliteLock", () => {
  it("refuses while another live process holds the database, naming it", () => {
    const dir = tempDir();
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, holder: "the app server" }));
    expect(() => acquirePgliteLock(dir, "a script")).toThrow(/open in another process \(the app server, pid \d+\)/);
  });

  it("takes over a lock left by a process that died", () => {
    const dir = tempDir();
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, holder: "crashed server" }));
    const release = acquirePgliteLock(dir, "a script");
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
