// `npm start` runs this first: build the app when there is no build or the
// sources changed since it, then create, migrate and seed the database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "service-worker",
  "public",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
  "generated",
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), stat.mtimeMs);
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const buildId = ".next/BUILD_ID";
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (SOURCES.some((s) => newestMtime(s) > builtAt)) {
  console.log(
    builtAt
      ? "Sources changed since the last build: rebuilding."
      : "No build yet: building the app (a few minutes on first start).",
  );
  run("npx", ["next", "build"]);
}
run("npx", ["tsx", "scripts/setup-db.ts"]);
