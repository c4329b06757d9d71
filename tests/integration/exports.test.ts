import JSZip from "jszip";
import Papa from "papaparse";
import readXlsxFile, { readSheet } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { readGeometryFile } from "@/lib/geo/read";
import type { Locale } from "@/lib/i18n/locales";
import { type ExportFile, ZExportFilter } from "@/lib/schemas/export-filter";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { buildExport } from "@/lib/server/exports";
import { getDashboard } from "@/lib/server/queries/progress";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1);

async function bytesOf(body: ReadableStream<Uint8Array> | Uint8Array): Promise<Uint8Array> {
  return body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
}

describe.each(DATABASE_KINDS)("exports on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const run = async (
    email: string,
    file: ExportFile,
    query: Record<string, string | undefined> = {},
    locale: Locale = "en",
  ) => {
    const actor = await actorFor(t().db, email);
    const filter = ZExportFilter.parse(query);
    const out = await buildExport(t().db, actor, file, filter, new Date("2026-11-26T10:00:00Z"), locale);
    return { ...out, bytes: await bytesOf(out.body) };
  };
  const csvRows = (bytes: Uint8Array) => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff); // BOM: Excel reads UTF-8
    return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
  };

  it("approved reports as CSV add up to the dashboard's released figure, for the country and for a partner", async () => {
    const partner = await t().db.organisation.findFirstOrThrow({ where: { name: { startsWith: "Zagros" } } });
    for (const view of [
      {},
      { partner: partner.id },
      { region: "kurdistan" as const, from: "2025-01-01", to: "2025-12-31" },
    ]) {
      const out = await run("donor@demo.test", "reports.csv", view);
      const rows = csvRows(out.bytes);
      expect(rows.length).toBe(out.rows);
      expect(rows.every((r) => r.status === "approved")).toBe(true);
      const dashboard = await getDashboard(t().db, view);
      expect(sum(rows.map((r) => Number(r.countedAreaM2)))).toBeCloseTo(dashboard.releasedM2.total, 4);
    }
  });

  it("names the file after what and when, and records the export in the audit trail", async () => {
    const out = await run("partner@demo.test", "reports.csv", {
      region: "kurdistan",
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(out.fileName).toBe("reports_approved_kurdistan_2025-01-01_to_2025-12-31_as-of_2026-11-26.csv");
    const event = await t().db.auditEvent.findFirstOrThrow({
      where: { action: "export", entityId: "reports.csv" },
      orderBy: { id: "desc" },
    });
    expect(event.after).toMatchObject({ file: out.fileName, rows: out.rows, filter: { region: "kurdistan" } });
  });

  it("names the partner and the governorate, not their ids; a partner sharing its short name with another by its full name", async () => {
    const db = t().db;
    const zagros = await db.organisation.findFirstOrThrow({ where: { name: { startsWith: "Zagros" } } });
    const erbil = await db.governorate.findFirstOrThrow({ where: { nameEn: "Erbil" } });
    const view = { partner: zagros.id, governorate: erbil.pcode };
    expect((await run("admin@demo.test", "reports.csv", view)).fileName).toBe(
      "reports_approved_Erbil_partner-ZCL-demo_as-of_2026-11-26.csv",
    );
    const twin = await db.organisation.create({
      data: { name: "Zagros Clearance Lebanon", shortName: "zcl-DEMO", roles: ["OPERATOR"], operatorKind: "NGO" },
    });
    try {
      expect((await run("admin@demo.test", "reports.csv", view)).fileName).toBe(
        "reports_approved_Erbil_partner-Zagros-Clearance-demo-partner_as-of_2026-11-26.csv",
      );
    } finally {
      await db.organisation.delete({ where: { id: twin.id } });
    }
  });

  it("a partner sees every approved report and its own unapproved ones, never another partner's; a donor no unapproved one", async () => {
    const db = t().db;
    const partner = await actorFor(db, "partner@demo.test");
    const rows = csvRows((await run("partner@demo.test", "reports.csv", { status: "all" })).bytes);
    const visible = await db.landReleaseReport.count({
      where: { OR: [{ status: { in: ["APPROVED", "SUPERSEDED"] } }, { partnerId: partner.organisationId }] },
    });
    expect(rows.length).toBe(visible);
    const unapproved = rows.filter((r) => r.status === "submitted" || r.status === "rejected").map((r) => r.reportId!);
    expect(unapproved.length).toBeGreaterThan(0);
    const owners = await db.landReleaseReport.findMany({
      where: { id: { in: unapproved } },
      select: { partnerId: true },
    });
    expect(owners.every((o) => o.partnerId === partner.organisationId)).toBe(true);
    expect(csvRows((await run("donor@demo.test", "reports.csv", { status: "submitted" })).bytes)).toEqual([]);
  });

  it("every report, corrected ones included, adds up to the dashboard: a superseded report's area no longer counts", async () => {
    const db = t().db;
    const [partner, dma] = [await actorFor(db, "partner@demo.test"), await actorFor(db, "dma@demo.test")];
    const original = await db.landReleaseReport.findFirstOrThrow({
      where: {
        partnerId: partner.organisationId,
        status: "APPROVED",
        hazardArea: { authority: { shortName: "DMA" } },
        task: { status: { in: ["ASSIGNED", "IN_PROGRESS"] } },
      },
    });
    const correction = await submitLandReleaseReport(db, partner, original.taskId!, {
      method: original.method.toLowerCase(),
      clearanceDepthCm: original.clearanceDepthCm ?? undefined,
      periodStart: "2026-11-01",
      periodEnd: "2026-11-10",
      geometry: original.submittedGeometry,
      supersedesId: original.id,
    });
    await reviewLandReleaseReport(db, dma, correction.id, { decision: "approve" });
    const rows = csvRows((await run("admin@demo.test", "reports.csv", { status: "all" })).bytes);
    expect(rows.find((r) => r.reportId === original.id)).toMatchObject({ status: "superseded", countedAreaM2: "" });
    expect(Number(rows.find((r) => r.reportId === correction.id)!.countedAreaM2)).toBeGreaterThan(0);
    expect(sum(rows.map((r) => Number(r.countedAreaM2)))).toBeCloseTo((await getDashboard(db)).releasedM2.total, 4);
  });

  it("refuses datasets the role may not read", async () => {
    expect((await refusal(run("partner@demo.test", "grants.csv"))).code).toBe("forbidden");
    expect((await refusal(run("donor@demo.test", "tasks.xlsx"))).code).toBe("forbidden");
    expect((await refusal(run("donor@demo.test", "hazard-areas.geojson"))).code).toBe("forbidden");
  });

  it("a donor's grants are its own; the HXL row follows the header", async () => {
    const donor = await actorFor(t().db, "donor@demo.test");
    const out = await run("donor@demo.test", "grants.csv", { hxl: "1" });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(out.bytes).slice(1);
    const [header, hxl] = Papa.parse<string[]>(text).data;
    expect(header![0]).toBe("grantCode");
    expect(hxl![0]).toBe("#activity+code+grant");
    const grants = await t().db.grant.findMany({ where: { donorId: donor.organisationId } });
    expect(out.rows).toBe(grants.length);
  });

  it("XLSX: one sheet per table, typed cells that add up like the CSV", async () => {
    const out = await run("admin@demo.test", "tables.xlsx");
    const file = Buffer.from(out.bytes);
    expect((await readXlsxFile(file)).map((s) => s.sheet)).toEqual([
      "Land release reports",
      "Devices destroyed",
      "Tasks",
      "Grants",
      "Funding transactions",
      "Risk education sessions",
      "Casualties",
      "Remaining by type (Article 7)",
    ]);
    const rows = await readSheet(file, "Land release reports");
    const header = rows[0]!;
    // A person reads the workbook: each column named in their language, with its unit.
    const counted = header.indexOf("Counted area (m²)");
    const periodEnd = header.indexOf("Period end");
    expect(typeof rows[1]![counted]).toBe("number");
    expect(rows[1]![periodEnd]).toBeInstanceOf(Date);
    const dashboard = await getDashboard(t().db);
    expect(sum(rows.slice(1).map((r) => r[counted] as number))).toBeCloseTo(dashboard.releasedM2.total, 4);
    const sheet = await (await JSZip.loadAsync(file)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
  });

  it("XLSX for a reader of Arabic: the sheet, its columns and their units in Arabic, right to left; CSV keeps the machine names", async () => {
    const out = await run("partner@demo.test", "reports.xlsx", {}, "ar");
    const file = Buffer.from(out.bytes);
    expect((await readXlsxFile(file)).map((s) => s.sheet)).toEqual(["تقارير الإفراج عن الأراضي"]);
    const [header, ...rows] = await readSheet(file);
    expect(header!.slice(0, 4)).toEqual(["معرّف التقرير", "الحالة", "الطريقة", "رمز المهمة"]);
    const counted = header!.indexOf("المساحة المحتسَبة (m²)");
    expect(counted).toBeGreaterThan(0);
    expect(sum(rows.map((r) => r[counted] as number))).toBeCloseTo((await getDashboard(t().db)).releasedM2.total, 4);
    const sheet = await (await JSZip.loadAsync(file)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<sheetView [^>]*rightToLeft="(1|true)"/);
    const csv = new TextDecoder().decode((await run("partner@demo.test", "reports.csv", {}, "ar")).bytes);
    expect(csv.split("\r\n")[0]).toMatch(/^reportId,status,method,taskCode,/);
  });

  it("XLSX for a reader of Arabic: statuses, methods, regions and governorates in Arabic words; areas numbers shown to the whole m²", async () => {
    const out = await run("admin@demo.test", "tables.xlsx", { status: "all" }, "ar");
    const file = Buffer.from(out.bytes);
    const [header, ...rows] = await readSheet(file, "تقارير الإفراج عن الأراضي");
    const column = (name: string) => rows.map((r) => r[header!.indexOf(name)]);
    const words = (name: string) => new Set(column(name));
    expect(words("الحالة")).toContain("معتمد");
    expect(words("الطريقة")).toContain("مطهّرة");
    expect([...words("الطريقة")].filter((m) => !["ملغاة", "مخفّضة", "مطهّرة"].includes(m as string))).toEqual([]);
    expect(words("المنطقة")).toEqual(new Set(["العراق الاتحادي", "إقليم كوردستان"]));
    const governorates = await t().db.governorate.findMany({ select: { nameEn: true, nameAr: true } });
    const arabic = new Set(governorates.map((g) => g.nameAr));
    expect([...words("المحافظة")].filter((g) => !arabic.has(g as string))).toEqual([]);
    // No code and no English name is left for the reader (CSV keeps them: its header, below).
    const text = rows.flatMap((r) => r.filter((c) => typeof c === "string")) as string[];
    const english = new Set([
      "approved",
      "cleared",
      "reduced",
      "kurdistan",
      "federal",
      ...governorates.map((g) => g.nameEn),
    ]);
    expect(text.filter((c) => english.has(c))).toEqual([]);
    const [typeHeader, ...types] = await readSheet(file, "معاملات التمويل");
    expect(new Set(types.map((r) => r[typeHeader!.indexOf("نوع المعاملة")]))).toContain("التزام وارد");
    const [deviceHeader, ...devices] = await readSheet(file, "الذخائر المدمَّرة");
    expect(devices.map((r) => r[deviceHeader!.indexOf("نوع الذخيرة")])).not.toContain("ap_mine");
    expect((await readXlsxFile(file)).map((s) => s.sheet)).toContain("المتبقي حسب النوع (المادة ٧)");
    const csv = csvRows((await run("admin@demo.test", "reports.csv", { status: "all" }, "ar")).bytes);
    expect(new Set(csv.map((r) => r.region))).toEqual(new Set(["federal", "kurdistan"]));
    expect(csv.map((r) => r.status)).toContain("approved");
    expect(csv.every((r) => governorates.some((g) => g.nameEn === r.governorate))).toBe(true);

    // A counted area is still a number (it adds up in Excel), shown with its thousands grouped and no decimals.
    const counted = header!.indexOf("المساحة المحتسَبة (m²)");
    const zip = await JSZip.loadAsync(file);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const formatId = /<numFmt numFmtId="(\d+)" formatCode="#,##0"\/>/.exec(styles)![1];
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf [^>]*?\/?>/g)!;
    const style = xfs.findIndex((xf) => xf.includes(`numFmtId="${formatId}"`));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const letter = String.fromCharCode(65 + (counted % 26));
    const prefix = counted >= 26 ? String.fromCharCode(64 + Math.floor(counted / 26)) : "";
    const row = rows.findIndex((r) => typeof r[counted] === "number" && !Number.isInteger(r[counted]));
    const cell = new RegExp(`<c r="${prefix}${letter}${row + 2}"([^>]*)><v>([^<]+)</v>`).exec(sheet)!;
    expect(cell[1]).not.toMatch(/t="/); // a number, not text
    expect(cell[1]).toContain(`s="${style}"`);
    // The whole figure is kept: only the format rounds it.
    expect(Number(cell[2])).toBe(rows[row]![counted]);
    expect(Number.isInteger(Number(cell[2]))).toBe(false);
  });

  it("text that a spreadsheet would run as a formula is neutralised in CSV and XLSX", async () => {
    const db = t().db;
    const grant = await db.grant.findFirstOrThrow({ orderBy: { code: "asc" } });
    await db.grant.update({ where: { id: grant.id }, data: { title: '=HYPERLINK("http://evil.example","Click")' } });
    try {
      const csv = csvRows((await run("admin@demo.test", "grants.csv")).bytes);
      expect(csv.find((r) => r.grantCode === grant.code)!.title).toBe('\'=HYPERLINK("http://evil.example","Click")');
      const rows = await readSheet(Buffer.from((await run("admin@demo.test", "grants.xlsx")).bytes));
      expect(rows.find((r) => r[0] === grant.code)![1]).toBe('\'=HYPERLINK("http://evil.example","Click")');
    } finally {
      await db.grant.update({ where: { id: grant.id }, data: { title: grant.title } });
    }
  });

  it.each(["geojson", "kml", "zip"] as const)(
    "released land as %s re-imports with the counted areas, which add up to the dashboard",
    async (format) => {
      const out = await run("donor@demo.test", `released.${format}`);
      const back = await readGeometryFile(
        { name: `released.${format}`, bytes: out.bytes },
        { limits: { maxFeatures: 10_000, maxVertices: 1_000_000 } },
      );
      const area = new Map<number, number>();
      for (const p of back.polygons) area.set(p.feature, (area.get(p.feature) ?? 0) + geodesicAreaM2(p.geometry));
      const reports = await t().db.landReleaseReport.findMany({
        where: { status: "APPROVED", countedAreaM2: { gt: 0 } },
        select: { countedAreaM2: true },
      });
      expect(area.size).toBe(out.rows);
      const dashboard = await getDashboard(t().db);
      expect(relative(sum([...area.values()]), dashboard.releasedM2.total)).toBeLessThan(1e-6);
      expect(relative(sum([...area.values()]), sum(reports.map((r) => r.countedAreaM2)))).toBeLessThan(1e-6);
    },
  );

  it("hazardous areas as a shapefile carry their attributes and areas", async () => {
    const out = await run("dma@demo.test", "hazard-areas.zip", { region: "federal" });
    const zip = await JSZip.loadAsync(out.bytes);
    expect(Object.keys(zip.files).sort()).toEqual([
      "hazard_areas.cpg",
      "hazard_areas.dbf",
      "hazard_areas.prj",
      "hazard_areas.shp",
      "hazard_areas.shx",
    ]);
    const back = await readGeometryFile({ name: "areas.zip", bytes: out.bytes });
    const areas = await t().db.hazardArea.findMany({
      where: { authority: { name: "Directorate of Mine Action" }, governorate: { region: "FEDERAL" } },
      select: { name: true, areaM2: true },
    });
    expect(out.rows).toBe(areas.length);
    expect(
      relative(sum(back.polygons.map((p) => geodesicAreaM2(p.geometry))), sum(areas.map((a) => a.areaM2))),
    ).toBeLessThan(1e-9);
  });
});
