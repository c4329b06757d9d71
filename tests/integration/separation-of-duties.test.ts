import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { buildExport } from "@/lib/server/exports";
import { listReports } from "@/lib/server/queries/land-release";
import { approvedRelease, authority, hazardArea, partner, task } from "@/tests/factories";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { rectangle, strip } from "@/tests/helpers/shapes";

// Sulaymaniyah and Erbil (Kurdistan Region, IKMAA's), away from the demo sites.
const SITE_A: [number, number] = [45.3, 35.62];
const SITE_B: [number, number] = [45.33, 35.65];

describe.each(DATABASE_KINDS)("separation of duties on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("IKMAA tasks its own team, whose report IKMAA approves and which is recorded as approved by the operator's own authority", async () => {
    const db = t().db;
    const officer = await actorFor(db, "ikmaa@demo.test");
    const team = await actorFor(db, "ikmaa-team@demo.test");
    expect(team.organisationId).toBe(officer.organisationId);
    const boundary = rectangle(SITE_A, 400, 300);
    const area = await hazardArea(db, officer, { geometry: boundary });
    // IKMAA accredited its own teams (the demo seed's record): it may task itself, as any accredited operator.
    const order = await task(db, officer, { hazardAreas: [area], partnerId: officer.organisationId });
    expect(order).toMatchObject({ partnerId: officer.organisationId, status: "ASSIGNED" });
    const report = await approvedRelease(db, { partner: team, reviewer: officer }, order.id, {
      geometry: strip(boundary, 0, 0.5),
    });
    expect(report).toMatchObject({ status: "APPROVED", reviewedById: officer.id, reviewedByOwnAuthority: true });
    const approval = await db.auditEvent.findFirstOrThrow({
      where: { entityId: report.id, action: "report.approve" },
    });
    expect(approval.after).toMatchObject({ reviewedByOwnAuthority: true });

    // The reports list, and the CSV and the workbook (in each reader's language), say so.
    const listed = await listReports(db, officer, { status: "APPROVED", perPage: 500 });
    expect(listed.rows.find((r) => r.id === report.id)?.reviewedByOwnAuthority).toBe(true);
    const exported = async (file: "reports.csv" | "reports.xlsx", locale: Locale) => {
      const filter = ZExportFilter.parse({ status: "approved", partner: officer.organisationId });
      const out = await buildExport(db, officer, file, filter, new Date(), locale);
      return out.body instanceof Uint8Array ? out.body : new Uint8Array(await new Response(out.body).arrayBuffer());
    };
    const csv = new TextDecoder().decode(await exported("reports.csv", "en")).replace(/^\uFEFF/, "");
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.reportId === report.id)?.approvedByOwnAuthority).toBe("yes");
    for (const [locale, column, yes] of [
      ["en", "Approved by the operator's own authority", "Yes"],
      ["ar", "وافقت عليه سلطة المشغّل نفسه", "نعم"],
    ] as const) {
      const [header, ...cells] = await readSheet(Buffer.from(await exported("reports.xlsx", locale)));
      const own = header!.indexOf(column);
      expect(own).toBeGreaterThan(0);
      expect(cells.find((c) => c.includes(report.id))?.[own]).toBe(yes);
    }
  });

  it("an operator's report approved by the authority of its region is not marked as its own authority's", async () => {
    const db = t().db;
    const ikmaa = await authority(db, "KURDISTAN");
    const { organisation, actor: operator } = await partner(db);
    const boundary = rectangle(SITE_B, 400, 300);
    const area = await hazardArea(db, ikmaa, { geometry: boundary });
    const order = await task(db, ikmaa, { hazardAreas: [area], partnerId: organisation.id });
    const report = await approvedRelease(db, { partner: operator, reviewer: ikmaa }, order.id, {
      geometry: strip(boundary, 0, 0.4),
    });
    expect(report).toMatchObject({ status: "APPROVED", reviewedByOwnAuthority: false });
    const listed = await listReports(db, ikmaa, { status: "APPROVED", perPage: 500 });
    expect(listed.rows.find((r) => r.id === report.id)?.reviewedByOwnAuthority).toBe(false);
  });

  it("the submitter of a report never approves or rejects it, even after becoming an authority officer; another officer does", async () => {
    const db = t().db;
    const officer = await actorFor(db, "ikmaa@demo.test");
    const team = await actorFor(db, "ikmaa-team@demo.test");
    const boundary = rectangle([SITE_A[0] + 0.05, SITE_A[1] + 0.05], 400, 300);
    const area = await hazardArea(db, officer, { geometry: boundary });
    const order = await task(db, officer, { hazardAreas: [area], partnerId: officer.organisationId });
    const submitted = await submitLandReleaseReport(db, team, order.id, {
      method: "cleared",
      clearanceDepthCm: 30,
      periodStart: "2026-10-01",
      periodEnd: "2026-10-31",
      geometry: strip(boundary, 0, 0.3),
    });
    // The team leader is made an officer of the authority (same organisation, new role) and meets their own report.
    await db.user.update({ where: { id: team.id }, data: { role: "AUTHORITY" } });
    const promoted = { ...team, role: "AUTHORITY" as const };
    const audits = await db.auditEvent.count();
    for (const decision of [{ decision: "approve" }, { decision: "reject", reason: "Polygon too coarse" }]) {
      const refused = await refusal(reviewLandReleaseReport(db, promoted, submitted.id, decision));
      expect([refused.code, refused.message]).toEqual([
        "forbidden",
        "You submitted this report: another officer of the authority reviews it, never its submitter.",
      ]);
    }
    expect(await db.landReleaseReport.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
      status: "SUBMITTED",
      reviewedById: null,
    });
    expect(await db.auditEvent.count()).toBe(audits);
    await reviewLandReleaseReport(db, officer, submitted.id, { decision: "approve" });
    expect(await db.landReleaseReport.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
      status: "APPROVED",
      reviewedById: officer.id,
      reviewedByOwnAuthority: true,
    });
  });
});
