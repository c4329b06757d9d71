import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatM2 } from "@/lib/i18n/format";

/** A figure as pdftotext gives it back: the no-break space between figure and unit comes out as a plain one. */
const m2 = (value: number) => formatM2(value, "en").replaceAll("\u00a0", " ");

import { ZExportFilter } from "@/lib/schemas/export-filter";
import { buildExport } from "@/lib/server/exports";
import { getDashboard } from "@/lib/server/queries/progress";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

/** The PDF as a reader gets it: its text (pdftotext -layout) and its pages as PNG (pdftoppm), kept in PDF_PREVIEW_DIR if set. */
function read(pdf: Uint8Array, name: string) {
  const dir = process.env.PDF_PREVIEW_DIR ?? mkdtempSync(path.join(tmpdir(), "pdf-"));
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
  execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(dir, name)]);
  const pages = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .map((f) => readFileSync(path.join(dir, f)));
  // pdftotext ends each page with a form feed: every page must hold more than its footer.
  const pageTexts = text.split("\f").slice(0, pages.length);
  for (const [i, page] of pageTexts.entries())
    expect(page.split("\n").filter((l) => l.trim()).length, `page ${i + 1} of ${name} is empty`).toBeGreaterThan(3);
  return { text, pages };
}

describe.each(DATABASE_KINDS)("PDF reports on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const now = new Date("2026-11-26T10:00:00Z");
  /** A task's completion report, as the account of `email` downloads it on `now`. */
  const completionPdf = async (email: string, taskId: string) =>
    buildExport(t().db, await actorFor(t().db, email), "completion.pdf", ZExportFilter.parse({ task: taskId }), now);

  it("a monthly progress report carries the dashboard's figures for the month and to date, its charts and map", async () => {
    const db = t().db;
    const month = (
      await db.landReleaseReport.findFirstOrThrow({ where: { status: "APPROVED" }, orderBy: { countedAreaM2: "desc" } })
    ).periodEnd
      .toISOString()
      .slice(0, 7);
    const out = await buildExport(
      db,
      { ...(await actorFor(db, "ikmaa@demo.test")), name: "Demo IKMAA" },
      "progress.pdf",
      ZExportFilter.parse({ month, region: "kurdistan" }),
      now,
    );
    expect(out.fileName).toBe(`progress-report-${month}_kurdistan_as-of_2026-11-26.pdf`);
    const { text, pages } = read(out.body as Uint8Array, `progress-${kind}`);
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const [inMonth, toDate] = await Promise.all([
      getDashboard(db, { region: "kurdistan", from: `${month}-01`, to: last }),
      getDashboard(db, { region: "kurdistan", to: last }),
    ]);
    expect(inMonth.releasedM2.total).toBeGreaterThan(0);
    expect(text).toContain(`Monthly progress report, ${month}`);
    expect(text).toContain("Kurdistan Region");
    expect(text).toContain(m2(inMonth.releasedM2.total));
    expect(text).toContain(m2(toDate.releasedToDateM2));
    expect(text).toMatch(/Approved reports this month \(\d+\)/);
    // Methods and devices read as the screens' words in sentence case, never the enum's "cleared" or "ap mine 4".
    const flat = text.replace(/\s+/g, " ");
    expect(text).not.toMatch(/ {2}(cancelled|reduced|cleared) {2}/);
    expect(text).toMatch(/ {2}(Cancelled|Reduced|Cleared) {2}/);
    expect(flat).not.toMatch(/\b(ap|at) mine\b|_/i);
    if (inMonth.devices.length)
      expect(flat).toMatch(
        /Devices destroyed this month: [\d,]+ \((Anti-personnel mines|Anti-vehicle mines|[A-Z][a-z -]+): \d/,
      );
    // A cell too long for its column wraps: no name or figure is cut short ("Zagros Clearance (demo…").
    expect(text).not.toContain("…");
    // One decimal place for every percentage.
    expect(flat).toMatch(/\d+\.\d% released/);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.byteLength).toBeGreaterThan(10_000); // figures and a chart drawn, not a blank page
  });

  it("a national progress report splits remaining into registered areas and the estimate not yet registered", async () => {
    const db = t().db;
    const month = "2025-06";
    const out = await buildExport(
      db,
      { ...(await actorFor(db, "dma@demo.test")), name: "Demo DMA" },
      "progress.pdf",
      ZExportFilter.parse({ month }),
      now,
    );
    const { text } = read(out.body as Uint8Array, `progress-national-${kind}`);
    const toDate = await getDashboard(db, { to: "2025-06-30" });
    expect(toDate.unregisteredEstimateM2).toBeGreaterThan(0);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(
      `Remaining: ${m2(toDate.registeredRemainingM2)} in registered hazardous areas and ${m2(toDate.unregisteredEstimateM2)} of the national estimate not yet registered.`,
    );
  });

  it("a completion report lists the task's release and turning points, with the handover certificate", async () => {
    const db = t().db;
    const task = await db.task.findFirstOrThrow({
      where: { completions: { some: {} } },
    });
    const out = await completionPdf("dma@demo.test", task.id);
    const { text, pages } = read(out.body as Uint8Array, `completion-${kind}`);
    expect(out.fileName).toBe(`completion-report_${task.code}_as-of_2026-11-26.pdf`);
    expect(text).toContain(task.code);
    expect(text).toContain("Handover certificate");
    expect(text).toMatch(/Turning points \(WGS 84\), \d+/);
    const released = await db.landReleaseReport.aggregate({
      where: { taskId: task.id, status: "APPROVED" },
      _sum: { countedAreaM2: true },
    });
    expect(text).toContain(m2(released._sum.countedAreaM2 ?? 0));
    // Devices by the screens' names in sentence case, each with its count: never the enum's "uxo 31".
    const devices = await db.deviceFound.findMany({ where: { report: { taskId: task.id, status: "APPROVED" } } });
    const flat = text.replace(/\s+/g, " ");
    if (devices.length) expect(flat).toMatch(/Devices destroyed: [\d,]+ \([A-Z][a-z-]+( [a-z-]+)*: \d/);
    expect(flat).not.toMatch(/\b(uxo|ied|ap mine|at mine)\b/);
    // IMAS 08.30's parts: marking and benchmark, QC, residual risk and who holds it, the remainder said plainly.
    for (const part of [
      "Marking and benchmark",
      "Quality control (post-clearance inspection) Not inspected since this completion report was filed.",
      "Residual risk held by: The land user",
      "Unreleased remainder:",
    ])
      expect(flat).toContain(part);
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it("writes Arabic and Sorani names and notes in their own script, shaped, not as Latin garbage", async () => {
    const db = t().db;
    const task = await db.task.findFirstOrThrow({
      where: { completions: { some: {} } },
      include: { hazardAreas: true },
    });
    const name = "حقل ألغام قرية تل الرمان";
    const notes =
      "فحص ضمان الجودة عشر الممرات المطهرة ولم يعثر على أي جسم. سلمت الأرض إلى المختار بحضور ممثل السلطة الوطنية وأهالي القرية، وتم توقيع شهادة التسليم في الموقع.";
    await db.hazardArea.update({ where: { id: task.hazardAreas[0]!.hazardAreaId }, data: { name } });
    await db.completionReport.updateMany({ where: { taskId: task.id }, data: { qaNotes: notes } });
    const out = await completionPdf("dma@demo.test", task.id);
    const { text } = read(out.body as Uint8Array, `completion-arabic-${kind}`);
    // Every word comes back from the PDF as the Arabic it is (pdftotext's own ordering of a right-to-left line around
    // punctuation, and its reading of the lam-alef ligature, are its own: those are looked at in the PNG instead).
    const plain = text.replace(/[\u200e\u200f\u202a-\u202e]/g, "").replace(/[\s\u00a0]+/g, " ");
    const words = (s: string) => s.split(/[\s،.]+/).filter((w) => w && !/ل[أإآا]/.test(w));
    for (const word of [...words(name), ...words(notes)]) expect(plain).toContain(word);
    expect(plain).toMatch(/Quality assurance [\u0600-\u06FF]/);
    expect(plain).toContain(task.code);
  });

  it("refuses a completion report for a task the caller may not see, or that is not complete", async () => {
    const db = t().db;
    const done = await db.task.findFirstOrThrow({ where: { completions: { some: {} } } });
    const open = await db.task.findFirstOrThrow({
      where: { completions: { none: {} }, authority: { name: "Directorate of Mine Action" } },
    });
    const refused = async (email: string, taskId: string) => (await refusal(completionPdf(email, taskId))).code;
    const ikmaa = await actorFor(db, "ikmaa@demo.test");
    if (done.authorityId !== ikmaa.organisationId) expect(await refused("ikmaa@demo.test", done.id)).toBe("not_found");
    expect(await refused("dma@demo.test", open.id)).toBe("unprocessable");
    expect(await refused("donor@demo.test", done.id)).toBe("forbidden");
  });
});
