// Attachments through the real route handlers: attaching, the same file sent
// twice arriving once, limits and wrong types leaving nothing written, and
// record-level scope (another partner neither lists, reads nor attaches to the
// demo partner's report under review).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/attachments/[id]/route";
import { GET as thumbnail } from "@/app/api/attachments/[id]/thumbnail/route";
import { GET as archive } from "@/app/api/attachments/archive/route";
import { POST as attach, GET as list } from "@/app/api/attachments/route";
import { MAX_FILE_BYTES } from "@/lib/domain/attachments";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { issueApiToken } from "@/lib/server/commands/issue-api-token";
import { openAccount } from "@/lib/server/commands/open-account";
import { buildExport } from "@/lib/server/exports";
import type { Db } from "@/lib/server/prisma";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

const fixture = (name: string) => readFileSync(`tests/fixtures/attachments/${name}`);
type Who = "PARTNER" | "OTHER_PARTNER" | "DMA" | "IKMAA" | "DONOR";
// biome-ignore lint/suspicious/noExplicitAny: each route's own params type; the test passes the ones it needs.
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

describe.each(DATABASE_KINDS)("attachments on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const tokens = {} as Record<Who, string>;
  let submitted: string;
  let approved: string;
  let completion: string;
  let session: string;
  let accident: string;

  function upload(who: Who, subjectType: string, subjectId: string, name: string, bytes: Uint8Array) {
    const form = new FormData();
    form.set("subjectType", subjectType);
    form.set("subjectId", subjectId);
    form.set("file", new File([bytes as BlobPart], name, { type: "image/jpeg" }));
    const req = new Request("http://localhost/api/attachments", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens[who]}` },
      body: form,
    });
    return attach(req, { params: Promise.resolve({}) });
  }
  function get(handler: Handler, who: Who, query = "", params: Record<string, string> = {}) {
    const req = new Request(`http://localhost/api/attachments${query}`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    return handler(req, { params: Promise.resolve(params) });
  }
  const rows = async (db: Db) => ({
    attachments: await db.attachment.count(),
    contents: await db.attachmentContent.count(),
    audit: await db.auditEvent.count({ where: { action: "attachment.add" } }),
  });

  beforeAll(async () => {
    const db = t().db;
    (globalThis as { __mineActionDb?: Promise<Db> }).__mineActionDb = Promise.resolve(db);
    const admin = await actorFor(db, "admin@demo.test");
    const twoRivers = await db.organisation.findFirstOrThrow({ where: { name: { startsWith: "Two Rivers" } } });
    const other = await openAccount(db, admin, {
      email: `attach-${kind}@two-rivers.example.org`,
      name: "Two Rivers Officer",
      role: "PARTNER",
      organisationId: twoRivers.id,
      password: "first password, handed over",
    });
    const otherActor = { id: other.id, role: "PARTNER" as const, organisationId: twoRivers.id };
    await db.user.update({ where: { id: other.id }, data: { mustChangePassword: false } });
    tokens.OTHER_PARTNER = (await issueApiToken(db, otherActor, "attachments")).token;
    for (const [who, email] of [
      ["PARTNER", "partner@demo.test"],
      ["DMA", "dma@demo.test"],
      ["IKMAA", "ikmaa@demo.test"],
      ["DONOR", "donor@demo.test"],
    ] as const)
      tokens[who] = (await issueApiToken(db, await actorFor(db, email), "attachments")).token;
    const ninewa = await db.task.findUniqueOrThrow({ where: { code: "DEMO-TASK-001" }, include: { reports: true } });
    submitted = ninewa.reports.find((r) => r.status === "SUBMITTED")!.id;
    approved = ninewa.reports.find((r) => r.status === "APPROVED")!.id;
    const partner = await actorFor(db, "partner@demo.test");
    // The demo partner has no completed task: one of its tasks is given a completion report, as completeTask writes it.
    const task = await db.task.findFirstOrThrow({
      where: { partnerId: partner.organisationId, completions: { none: {} } },
      select: { id: true },
    });
    completion = (
      await db.completionReport.create({
        data: { taskId: task.id, completedOn: new Date("2026-11-30T00:00:00Z"), submittedById: partner.id },
      })
    ).id;
    await db.task.update({ where: { id: task.id }, data: { status: "COMPLETED" } });
    session = (await db.riskEducationSession.findFirstOrThrow({ where: { partnerId: partner.organisationId } })).id;
    accident = (await db.casualtyIncident.findFirstOrThrow({ where: { authority: { shortName: "DMA" } } })).id;
  });

  it("attaches a photo with its EXIF position and time, and the same photo sent again arrives once", async () => {
    const db = t().db;
    const before = await rows(db);
    const first = await upload(
      "PARTNER",
      "landReleaseReport",
      submitted,
      "marker.jpg",
      fixture("marker-photo-gps.jpg"),
    );
    expect(first.status).toBe(201);
    const { attachment } = (await first.json()) as { attachment: Record<string, unknown> };
    expect(attachment).toMatchObject({
      subjectType: "landReleaseReport",
      subjectId: submitted,
      fileName: "marker.jpg",
      mediaType: "image/jpeg",
      sizeBytes: fixture("marker-photo-gps.jpg").length,
      takenAt: "2026-11-20T06:41:07.000Z",
      position: { lon: 44.01, lat: 36.19 },
    });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);

    const again = await upload(
      "PARTNER",
      "landReleaseReport",
      submitted,
      "IMG_0001.jpg",
      fixture("marker-photo-gps.jpg"),
    );
    expect(again.status).toBe(200);
    expect(((await again.json()) as { attachment: { id: string } }).attachment.id).toBe(attachment.id);
    expect(await rows(db)).toEqual({
      attachments: before.attachments + 1,
      contents: before.contents + 1,
      audit: before.audit + 1,
    });

    // Its bytes come back as sent, the thumbnail is a re-encoded JPEG without the GPS tags.
    const file = await get(download, "DMA", "", { id: attachment.id as string });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toContain('filename="marker.jpg"');
    expect(Buffer.from(await file.arrayBuffer()).equals(fixture("marker-photo-gps.jpg"))).toBe(true);
    const thumb = await get(thumbnail, "PARTNER", "", { id: attachment.id as string });
    expect(thumb.status).toBe(200);
    const thumbBytes = Buffer.from(await thumb.arrayBuffer());
    expect([thumbBytes[0], thumbBytes[1]]).toEqual([0xff, 0xd8]);
    expect(thumbBytes.includes(Buffer.from("GPS"))).toBe(false);
    expect(thumbBytes.includes(Buffer.from("Exif"))).toBe(false);
  });

  it("keeps a PDF and a PNG, lists them in order, and zips them with their names", async () => {
    expect((await upload("PARTNER", "eoreSession", session, "attendance.pdf", fixture("signed-form.pdf"))).status).toBe(
      201,
    );
    expect((await upload("PARTNER", "eoreSession", session, "sketch.png", fixture("sketch.png"))).status).toBe(201);
    const listed = await get(list, "PARTNER", `?subjectType=eoreSession&subjectId=${session}`);
    const { attachments } = (await listed.json()) as { attachments: { fileName: string; mediaType: string }[] };
    expect(attachments.map((a) => [a.fileName, a.mediaType])).toEqual([
      ["attendance.pdf", "application/pdf"],
      ["sketch.png", "image/png"],
    ]);
    const zip = await get(archive, "PARTNER", `?subjectType=eoreSession&subjectId=${session}`);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const files = await JSZip.loadAsync(await zip.arrayBuffer());
    expect(Object.keys(files.files).sort()).toEqual(["attendance.pdf", "sketch.png"]);
    expect(Buffer.from(await files.file("sketch.png")!.async("uint8array")).equals(fixture("sketch.png"))).toBe(true);
  });

  it("refuses content that is not an accepted type whatever its name, and a file over 10 MB, writing nothing", async () => {
    const db = t().db;
    const before = await rows(db);
    const html = await upload("PARTNER", "landReleaseReport", submitted, "photo.jpg", fixture("not-a-photo.jpg"));
    expect(html.status).toBe(415);
    const refused = (await html.json()) as { error: { message: string; details: { found: string } } };
    expect(refused.error.details.found).toBe("text");
    expect(refused.error.message).toMatch(/text.*JPEG, PNG, HEIC\/HEIF, PDF/);

    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(fixture("sketch.png"));
    const tooBig = await upload("PARTNER", "landReleaseReport", submitted, "huge.png", big);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(/10 MB/);
    expect(await rows(db)).toEqual(before);
  });

  it("refuses a file that would take a record over 50 MB, saying what it holds", async () => {
    const db = t().db;
    // Five files of 10 MB already there, written as the upload would have.
    const partner = await actorFor(db, "partner@demo.test");
    for (let i = 0; i < 5; i++)
      await db.attachment.create({
        data: {
          subjectType: "eoreSession",
          subjectId: session,
          fileName: `scan-${i}.pdf`,
          mediaType: "application/pdf",
          sizeBytes: MAX_FILE_BYTES,
          sha256: String(i).repeat(64),
          uploadedById: partner.id,
          content: { create: { bytes: new Uint8Array([i]) } },
        },
      });
    const before = await rows(db);
    const res = await upload("PARTNER", "eoreSession", session, "one-more.jpg", fixture("marker-photo-gps.jpg"));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { message: string; details: { limit: string } } };
    expect(body.error.details.limit).toBe("record");
    expect(body.error.message).toMatch(/50 MB/);
    expect(await rows(db)).toEqual(before);
  });

  it("another partner neither lists, reads nor attaches to the demo partner's report under review", async () => {
    const db = t().db;
    const [own] = (
      (await (await get(list, "PARTNER", `?subjectType=landReleaseReport&subjectId=${submitted}`)).json()) as {
        attachments: { id: string }[];
      }
    ).attachments;
    expect(own).toBeDefined();
    const before = await rows(db);
    const q = `?subjectType=landReleaseReport&subjectId=${submitted}`;
    expect((await get(list, "OTHER_PARTNER", q)).status).toBe(404);
    expect((await get(archive, "OTHER_PARTNER", q)).status).toBe(404);
    expect((await get(download, "OTHER_PARTNER", "", { id: own!.id })).status).toBe(404);
    expect((await get(thumbnail, "OTHER_PARTNER", "", { id: own!.id })).status).toBe(404);
    expect((await get(download, "IKMAA", "", { id: own!.id })).status).toBe(404);
    const res = await upload("OTHER_PARTNER", "landReleaseReport", submitted, "x.jpg", fixture("sketch.png"));
    expect(res.status).toBe(404);
    expect(await rows(db)).toEqual(before);
  });

  it("reads attachments of an approved report in anyone's scope, but only its own side attaches to it", async () => {
    expect((await get(list, "OTHER_PARTNER", `?subjectType=landReleaseReport&subjectId=${approved}`)).status).toBe(200);
    expect((await upload("OTHER_PARTNER", "landReleaseReport", approved, "x.png", fixture("sketch.png"))).status).toBe(
      403,
    );
    expect((await upload("DMA", "landReleaseReport", approved, "qa.png", fixture("sketch.png"))).status).toBe(201);
    expect((await upload("DONOR", "landReleaseReport", approved, "x.png", fixture("sketch.png"))).status).toBe(403);
  });

  it("attaches to completion reports, handovers once recorded, and accidents in the caller's region", async () => {
    const db = t().db;
    const c = await db.completionReport.findUniqueOrThrow({ where: { id: completion }, include: { task: true } });
    const own = c.task.authorityId === (await actorFor(db, "dma@demo.test")).organisationId ? "DMA" : "IKMAA";
    const otherAuthority = own === "DMA" ? "IKMAA" : "DMA";
    expect((await upload("PARTNER", "completionReport", completion, "qa.png", fixture("sketch.png"))).status).toBe(201);
    expect((await upload(otherAuthority, "completionReport", completion, "qa.png", fixture("sketch.png"))).status).toBe(
      404,
    );
    // No handover yet: there is no handover record to attach its certificate to.
    expect((await upload(own, "handover", c.taskId, "certificate.pdf", fixture("signed-form.pdf"))).status).toBe(404);
    await db.completionReport.update({
      where: { id: completion },
      data: { handoverDate: c.completedOn, recipient: "Village council" },
    });
    // Named by the task's id, as the handover's API answers, it is kept under the completion report's.
    const handed = await upload(own, "handover", c.taskId, "certificate.pdf", fixture("signed-form.pdf"));
    expect(handed.status).toBe(201);
    expect(((await handed.json()) as { attachment: { subjectId: string } }).attachment.subjectId).toBe(completion);
    expect((await upload("DMA", "accident", accident, "site.jpg", fixture("marker-photo-gps.jpg"))).status).toBe(201);
    expect((await upload("IKMAA", "accident", accident, "site.jpg", fixture("marker-photo-gps.jpg"))).status).toBe(403);
    expect((await upload("PARTNER", "accident", accident, "site.jpg", fixture("marker-photo-gps.jpg"))).status).toBe(
      403,
    );
  });

  it("puts the completion's and handover's photos and files in the completion PDF, by name", async () => {
    const db = t().db;
    const c = await db.completionReport.findUniqueOrThrow({ where: { id: completion } });
    expect(
      (await upload("PARTNER", "completionReport", completion, "cleared-lane.jpg", fixture("marker-photo-gps.jpg")))
        .status,
    ).toBe(201);
    const out = await buildExport(
      db,
      await actorFor(db, "partner@demo.test"),
      "completion.pdf",
      ZExportFilter.parse({ task: c.taskId }),
      new Date("2026-12-01T10:00:00Z"),
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pdf-")), "completion.pdf");
    writeFileSync(file, out.body as Uint8Array);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
    expect(text).toContain("Photos and signed forms");
    for (const name of ["cleared-lane.jpg", "qa.png", "certificate.pdf"]) expect(text).toContain(name);
    // The photos are drawn (pdfimages lists each image the PDF holds, after two header lines).
    const images = execFileSync("pdfimages", ["-list", file]).toString("utf8").trim().split("\n").slice(2);
    expect(images.length).toBeGreaterThanOrEqual(2);
  });
});
