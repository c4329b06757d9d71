// IATI 2.03 output against the database: activities, transactions and results as the schema's rules require.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { buildExport } from "@/lib/server/exports";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { iatiBreaches } from "@/tests/helpers/iati-rules";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

async function bytesOf(body: ReadableStream<Uint8Array> | Uint8Array): Promise<Uint8Array> {
  return body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
}

describe.each(DATABASE_KINDS)("IATI export on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const run = async (email: string, file: "iati.xml", query: Record<string, string | undefined> = {}) => {
    const actor = await actorFor(t().db, email);
    const out = await buildExport(
      t().db,
      actor,
      file,
      ZExportFilter.parse(query),
      new Date("2026-11-26T10:00:00Z"),
      "en",
    );
    return { ...out, bytes: await bytesOf(out.body) };
  };

  it("IATI: a donor's and the whole country's activities, results included, are valid against IATI's 2.03 schema", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "iati-"));
    for (const email of ["donor@demo.test", "admin@demo.test"]) {
      const xml = new TextDecoder().decode((await run(email, "iati.xml")).bytes);
      expect(xml).toContain("<result ");
      const file = path.join(dir, `${email}.xml`);
      writeFileSync(file, xml);
      const xsd = path.resolve("tests/fixtures/iati/2.03/iati-activities-schema.xsd");
      // xmllint exits non-zero and names the element and line of every breach; the message is the test's failure.
      expect(execFileSync("xmllint", ["--noout", "--schema", xsd, file], { stdio: "pipe" }).toString()).toBe("");
    }
  });

  it("IATI: a donor's grants and transactions as 2.03 activities, by the schema's rules", async () => {
    const donor = await actorFor(t().db, "donor@demo.test");
    const out = await run("donor@demo.test", "iati.xml");
    const xml = new TextDecoder().decode(out.bytes);
    expect(iatiBreaches(xml)).toEqual([]);
    const grants = await t().db.grant.findMany({
      where: { donorId: donor.organisationId },
      include: { transactions: true },
    });
    expect(out.rows).toBe(grants.length);
    expect(xml.match(/<iati-activity /g)?.length ?? 0).toBe(grants.length);
    const values = [...xml.matchAll(/<value currency="([A-Z]{3})"[^>]*>([\d.-]+)<\/value>/g)];
    expect(values.length).toBe(grants.reduce((s, g) => s + g.transactions.length, 0));
    expect(sum(values.map((v) => Number(v[2])))).toBeCloseTo(
      sum(grants.flatMap((g) => g.transactions.map((x) => Number(x.amountMinor) / 100))),
      2,
    );
    expect((await refusal(run("partner@demo.test", "iati.xml"))).code).toBe("forbidden");
  });

  it("IATI: a grant's results are the land released by method and devices destroyed in its tasks, by share, per year", async () => {
    const donor = await actorFor(t().db, "donor@demo.test");
    const xml = new TextDecoder().decode((await run("donor@demo.test", "iati.xml")).bytes);
    expect(iatiBreaches(xml)).toEqual([]);
    // Independently of the export's queries: the approved reports of the tasks each grant funds, by its share.
    const grants = await t().db.grant.findMany({
      where: { donorId: donor.organisationId },
      select: {
        code: true,
        tasks: {
          select: {
            shareBp: true,
            task: {
              select: {
                reports: {
                  where: { status: "APPROVED" },
                  select: {
                    method: true,
                    periodEnd: true,
                    countedAreaM2: true,
                    reviewedAt: true,
                    devices: { select: { count: true } },
                  },
                },
              },
            },
          },
        },
      },
    });
    const titles = {
      CANCELLED: "Land cancelled by non-technical survey (m²)",
      REDUCED: "Land reduced by technical survey (m²)",
      CLEARED: "Land cleared (m²)",
      devices: "Explosive ordnance items destroyed",
    } as const;
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    let withResults = 0;
    for (const g of grants) {
      const expected = new Map<string, number>();
      const add = (key: string, v: number) => expected.set(key, (expected.get(key) ?? 0) + v);
      for (const gt of g.tasks)
        for (const r of gt.task.reports) {
          const year = r.periodEnd.getUTCFullYear();
          add(`${titles[r.method]}|${year}`, (r.countedAreaM2 * gt.shareBp) / 10_000);
          add(`${titles.devices}|${year}`, (sum(r.devices.map((d) => d.count)) * gt.shareBp) / 10_000);
        }
      const activity = Array.from(doc.getElementsByTagName("iati-activity")).find((a) =>
        a.getElementsByTagName("iati-identifier")[0]!.textContent!.endsWith(`-${g.code}`),
      )!;
      const written = new Map<string, number>();
      const first = (e: Element, name: string) => e.getElementsByTagName(name)[0]!;
      for (const i of Array.from(activity.getElementsByTagName("indicator")))
        for (const p of Array.from(i.getElementsByTagName("period"))) {
          const year = first(p, "period-start").getAttribute("iso-date")!.slice(0, 4);
          written.set(`${first(i, "title").textContent}|${year}`, Number(first(p, "actual").getAttribute("value")));
        }
      const nonZero = [...expected].filter(([, v]) => Math.abs(v) >= 0.005);
      expect([...written.keys()].sort()).toEqual(nonZero.map(([k]) => k).sort());
      for (const [k, v] of nonZero) expect(written.get(k)!, k).toBeCloseTo(v, 2);
      if (written.size) withResults++;
      // The activity's last update is no earlier than the last approval that changed its results.
      const approvals = g.tasks.flatMap((gt) => gt.task.reports.map((r) => r.reviewedAt!.getTime()));
      if (approvals.length)
        expect(Date.parse(activity.getAttribute("last-updated-datetime")!)).toBeGreaterThanOrEqual(
          Math.floor(Math.max(...approvals) / 1000) * 1000,
        );
    }
    expect(withResults).toBeGreaterThan(0);
  });

  it("IATI: filters that match no grant are refused with what to do, not answered with a file the schema rejects", async () => {
    const donor = await actorFor(t().db, "donor@demo.test");
    const grants = await t().db.grant.count({ where: { donorId: donor.organisationId } });
    expect(grants).toBeGreaterThan(0);
    const audited = await t().db.auditEvent.count({ where: { action: "export", entityId: "iati.xml" } });
    const err = await refusal(run("donor@demo.test", "iati.xml", { from: "1990-01-01", to: "1990-12-31" }));
    expect(err.code).toBe("not_found");
    expect(err.message).toMatch(/No grant matches these filters.*Widen the filters/);
    expect(await t().db.auditEvent.count({ where: { action: "export", entityId: "iati.xml" } })).toBe(audited);
    expect(
      iatiBreaches('<?xml version="1.0"?><iati-activities version="2.03" generated-datetime="2026-11-26T10:00:00Z"/>'),
    ).toEqual(["iati-activities holds no iati-activity (the schema requires one or more)"]);
  });
});
