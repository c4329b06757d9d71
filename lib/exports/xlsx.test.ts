import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TableSpec } from "./table";
import { xlsxWorkbook } from "./xlsx";

type Row = { code: string; areaM2: number };
const spec: TableSpec<Row> = {
  name: "hazard-areas",
  title: "Hazardous areas",
  columns: [
    { header: "Code", type: "string", value: (r) => r.code },
    { header: "Area (m²)", type: "number", value: (r) => r.areaM2, format: "#,##0" },
  ],
};
const rows: Row[] = [
  { code: "CHA-NIN-0001", areaM2: 240_000 },
  { code: "CHA-ERB-0002", areaM2: 47_480.82263672352 },
];

describe("XLSX workbooks", () => {
  afterEach(() => vi.useRealTimers());

  it("are the same bytes whenever they are built, so a dropped download can resume", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-04T10:00:00Z"));
    const first = await xlsxWorkbook([{ spec, rows } as never]);
    vi.setSystemTime(new Date("2026-12-04T10:00:07Z"));
    const again = await xlsxWorkbook([{ spec, rows } as never]);
    expect(first.equals(again)).toBe(true);
  });

  it("lay a sheet out right to left for a reader of Arabic or Sorani, left to right otherwise", async () => {
    const sheetView = async (rightToLeft: boolean) => {
      const zip = await JSZip.loadAsync(await xlsxWorkbook([{ spec, rows } as never], { rightToLeft }));
      return /<sheetView [^>]*>/.exec(await zip.file("xl/worksheets/sheet1.xml")!.async("string"))![0];
    };
    expect(await sheetView(true)).toMatch(/rightToLeft="(1|true)"/);
    expect(await sheetView(false)).not.toMatch(/rightToLeft="(1|true)"/);
  });

  it("keep a number whole in its cell and show it in its column's format, so Excel sums the full figures", async () => {
    const zip = await JSZip.loadAsync(await xlsxWorkbook([{ spec, rows } as never]));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const id = /<numFmt numFmtId="(\d+)" formatCode="#,##0"\/>/.exec(styles)?.[1];
    expect(id).toBeDefined();
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf [^>]*?\/?>/g)!;
    const style = xfs.findIndex((xf) => xf.includes(`numFmtId="${id}"`));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain(`<c r="B3" s="${style}"><v>47480.82263672352</v></c>`);
  });
});
