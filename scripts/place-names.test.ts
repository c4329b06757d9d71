import { describe, expect, it } from "vitest";
import { placeRows } from "./place-names";

// Rows in GeoNames' cities500 layout (19 tab-separated fields), as the script reads them.
const row = (id: number, name: string, alternates: string, code: string, population: number, country = "IQ") =>
  [
    id,
    name,
    name,
    alternates,
    "36.9",
    "43.1",
    "P",
    code,
    country,
    "",
    "08",
    "",
    "",
    "",
    population,
    "",
    "0",
    "Asia/Baghdad",
    "2023-01-01",
  ].join("\t");

describe("the place-name extract", () => {
  it("keeps Iraq's places, seats of government first, with an Arabic and a Sorani name told apart by their letters", () => {
    const rows = placeRows(
      [
        row(1, "Zaxo", "Zakho,zakhw,زاخو,زاخۆ", "PPLA2", 95052),
        row(2, "Karbala", "كةربالا,كربلاء,کەربەلا", "PPLA", 1218732),
        row(3, "Bushehr", "بوشهر", "PPLA", 200000, "IR"),
        row(4, "Qaryat", "", "PPL", 900),
      ].join("\n"),
    );
    expect(rows.map((r) => r[4])).toEqual(["Karbala", "Zaxo", "Qaryat"]);
    // A Kurdish spelling with ة inside a word is not taken as the Arabic name.
    expect(rows[0]!.slice(5)).toEqual(["كربلاء", "کەربەلا"]);
    expect(rows[1]!.slice(5)).toEqual(["زاخو", "زاخۆ"]);
    expect(rows[2]!.slice(4)).toEqual(["Qaryat", "", ""]);
    expect(rows[1]!.slice(0, 4)).toEqual([43.1, 36.9, 95052, 2]);
  });
});
