import { describe, expect, it } from "vitest";
import {
  DeviceCategory,
  Region,
  ReleaseMethod,
  ReportStatus,
  TaskStatus,
  TransactionType,
} from "@/generated/prisma/enums";
import type { Column } from "@/lib/exports/table";
import { LOCALES } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import { type CodeKind, codeWord, columnName, forReaders, sheetName } from "./columns";
import { TABLES } from "./index";

const tables = Object.values(TABLES).map((t) => t.spec);
const headers = [...new Set(tables.flatMap((s) => s.columns.map((c) => c.header)))];
const columns = tables.flatMap((s) => s.columns);

// Every code each kind can hold, from the schema's enums: a new code without a word fails here.
const CODES: Record<CodeKind, readonly string[]> = {
  reportStatus: Object.values(ReportStatus),
  taskStatus: Object.values(TaskStatus),
  method: Object.values(ReleaseMethod),
  device: Object.values(DeviceCategory),
  region: Object.values(Region),
  transactionType: Object.values(TransactionType),
  yesNo: ["YES", "NO"],
};

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
  const coded = columns.filter((c): c is Column<never> & { codes: CodeKind } => "codes" in c);

  it("knows every column of codes (status, method, region, device, transaction type) as one", () => {
    const codeTags = ["#status", "#activity+type", "#region", "#region+name", "#item+type", "#indicator+type"];
    const untagged = columns.filter((c) => codeTags.includes(c.hxl ?? "") && !("codes" in c));
    expect(untagged.map((c) => c.header)).toEqual([]);
    expect(new Set(coded.map((c) => c.codes))).toEqual(new Set(Object.keys(CODES)));
  });

  it.each(LOCALES)("has the screens' word in %s for every code of every coded column", (locale) => {
    const missing = coded.flatMap((c) =>
      CODES[c.codes]
        .filter((code) => {
          const word = codeWord(c.codes, code, locale);
          // A word, not the code; in Arabic script for a reader of Arabic or Sorani.
          return !word?.trim() || word === code || (locale !== "en" && !/[\u0600-\u06FF]/.test(word));
        })
        .map((code) => `${c.header}: ${code}`),
    );
    expect(missing).toEqual([]);
  });

  it("shows a report's codes and governorate as words in the reader's language; CSV keeps the codes", () => {
    const row = {
      status: "APPROVED",
      method: "CLEARED",
      hazardArea: { governorate: { nameEn: "Duhok", nameAr: "دهوك", nameCkb: "دهۆک", region: "KURDISTAN" } },
    } as never;
    const cells = (spec: typeof TABLES.reports.spec) =>
      Object.fromEntries(
        spec.columns
          .filter((c) => ["#status", "#activity+type", "#adm1+name", "#region+name"].includes(c.hxl!))
          .map((c) => [c.hxl, c.value(row)]),
      );
    expect(cells(TABLES.reports.spec)).toEqual({
      "#status": "approved",
      "#activity+type": "cleared",
      "#adm1+name": "Duhok",
      "#region+name": "kurdistan",
    });
    expect(cells(forReaders(TABLES.reports.spec, "en"))).toEqual({
      "#status": "Approved",
      "#activity+type": "Cleared",
      "#adm1+name": "Duhok",
      "#region+name": "Kurdistan Region",
    });
    expect(cells(forReaders(TABLES.reports.spec, "ar"))).toEqual({
      "#status": "معتمد",
      "#activity+type": "مطهّرة",
      "#adm1+name": "دهوك",
      "#region+name": "إقليم كوردستان",
    });
    expect(cells(forReaders(TABLES.reports.spec, "ckb"))["#adm1+name"]).toBe("دهۆک");
  });

  it("shows areas to the whole m², money to the cent and coordinates to about 10 cm, in every number column of a kind", () => {
    const numbers = columns.filter((c) => c.type === "number");
    const formats = Object.fromEntries(numbers.map((c) => [c.header, c.format]));
    const formatOf = (header: string) =>
      /M2$/.test(header) ? "#,##0" : /^(longitude|latitude)$/.test(header) ? "0.000000" : "#,##0.00";
    for (const [header, format] of Object.entries(formats)) {
      expect(format, header).toBe(formatOf(header));
    }
    expect(formats.countedAreaM2).toBe("#,##0");
    expect(formats.amountUsd).toBe("#,##0.00");
  });
});
