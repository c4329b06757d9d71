import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HazardAreaChangeKind } from "@/generated/prisma/enums";
import en from "./messages/en.json";

/** Every .ts file under these folders, tests aside. */
const sources = (...dirs: string[]): string[] =>
  dirs.flatMap((dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const file = path.join(dir, e.name);
      return e.isDirectory() ? sources(file) : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [file] : [];
    }),
  );

describe("the audit trail's names", () => {
  it("names every action and record kind the code writes, so the trail reads in the reader's language", () => {
    const text = sources("lib", "prisma", "scripts")
      .map((f) => fs.readFileSync(f, "utf8"))
      .join("\n");
    const actions = [...text.matchAll(/action: "([\w.]+)"/g)].map((m) => m[1]!);
    // Written from a template in record-human-impact.ts: the kind, then what was done.
    for (const kind of ["riskEducation", "casualty"])
      for (const done of ["record", "correct", "withdraw"]) actions.push(`${kind}.${done}`);
    // Written from a template in change-hazard-area.ts: one per kind of change to a hazardous area.
    for (const kind of Object.values(HazardAreaChangeKind)) actions.push(`hazardArea.change.${kind}`);
    const entities = [
      ...text.matchAll(/entityType: "(\w+)"/g),
      ...text.matchAll(/(\w+): "(RiskEducationSession|CasualtyIncident)"/g),
    ].map((m) => m.at(-1)!);
    expect(actions.length).toBeGreaterThan(20);
    expect([...new Set(actions)].filter((a) => !(a.replaceAll(".", "_") in en.audit.actions))).toEqual([]);
    expect([...new Set(entities)].filter((e) => !(e in en.audit.entities))).toEqual([]);
  });
});
