import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "./client-messages";

const root = path.resolve(import.meta.dirname, "../..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });

describe("messages sent to the browser", () => {
  it("include every namespace a client component translates with", () => {
    const used = new Set<string>();
    for (const file of [...files(path.join(root, "components")), ...files(path.join(root, "app"))]) {
      const source = readFileSync(file, "utf8");
      if (!source.startsWith('"use client"')) continue;
      for (const m of source.matchAll(/useTranslations\("(\w+)"\)/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((n) => !(CLIENT_NAMESPACES as readonly string[]).includes(n)).sort()).toEqual([]);
  });
});
