import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import { columnName, forReaders, sheetName } from "./columns";
import { TABLES } from "./index";

const tables = Object.values(TABLES).map((t) => t.spec);
const headers = [...new Set(tables.flatMap((s) => s.columns.map((c) => c.header)))];
const columns = tables.flatMap((s) => s.columns);

describe("spreadsheet names for readers", () => {
  it.each(LOCALES)("every column of every table has a name in %s", (locale) => {
    expect(headers.filter((h) => !columnName(h, locale)?.trim())).toEqual([]);
  });

  it.each(LOCALES)("every table has a sheet name Excel accepts in %s", (locale) => {
    for (const spec of tables) {
      const name = sheetName(spec.name, locale);
      expect(name, spec.name).toBeTruthy();
      // Excel refuses a sheet name over 31 characters or with any of : \ / ? * [ ].
      expect(name!.length, name!).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
      // A sheet name is static text, so it writes its numbers as the language does (المادة ٧).
      if (locale !== "en") expect(name).not.toMatch(/[0-9]/);
    }
  });

  it("names no column that no table has (a renamed column loses its stale name)", () => {
    expect(Object.keys(en.exportTables.columns).filter((k) => !headers.includes(k))).toEqual([]);
  });

  it("gives a column its reader's name with the unit, keeping its HXL tag and values", () => {
    const reports = TABLES.reports.spec;
    const counted = (locale: "en" | "ar" | "ckb") =>
      forReaders(reports, locale).columns.find((c) => c.hxl === "#output+area+counted")!;
    expect(counted("en").header).toBe("Counted area (m²)");
    expect(counted("ar").header).toBe("المساحة المحتسَبة (m²)");
    expect(counted("ckb").header).toBe("ڕووبەری هەژمارکراو (m²)");
    expect(forReaders(reports, "ar").title).toBe("تقارير الإفراج عن الأراضي");
    // The spec itself keeps the machine names CSV writes.
    expect(reports.columns.map((c) => c.header)).toContain("countedAreaM2");
    expect(counted("ar").value).toBe(reports.columns.find((c) => c.header === "countedAreaM2")!.value);
  });
});

describe("spreadsheet values for readers", () => {
  it("shows areas to the whole m² and money to the cent, thousands grouped, in every number column of a kind", () => {
    const numbers = columns.filter((c) => c.type === "number");
    const formats = Object.fromEntries(numbers.map((c) => [c.header, c.format]));
    for (const [header, format] of Object.entries(formats)) {
      expect(format, header).toBe(/M2$/.test(header) ? "#,##0" : "#,##0.00");
    }
    expect(formats.countedAreaM2).toBe("#,##0");
    expect(formats.amountUsd).toBe("#,##0.00");
  });
});
