import { gpx, kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { buildExport } from "@/lib/server/exports";
import { partner as newPartner, partlyReleasedTask } from "@/tests/factories";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useReferenceDatabase } from "@/tests/helpers/databases";

const text = (body: unknown) => new TextDecoder().decode(body as Uint8Array);
const xml = (body: unknown) => new DOMParser().parseFromString(text(body), "text/xml");
const now = new Date("2026-12-06T10:00:00Z");

describe.each(DATABASE_KINDS)("a task's areas for a GPS device on %s", (kind) => {
  const t = useReferenceDatabase(kind);
  let nextCentre = 0;
  const scene = () => partlyReleasedTask(t().db, [42.5 + 0.02 * nextCentre++, 36.4]);
  const file = (actor: Parameters<typeof buildExport>[1], name: "task-areas.gpx" | "task-areas.kml", task: string) =>
    buildExport(t().db, actor, name, ZExportFilter.parse({ task }), now, "en");

  it("GPX holds each hazardous area's boundary and a waypoint by its code, and the land released in it", async () => {
    const s = await scene();
    const released = await t().db.landReleaseReport.findFirstOrThrow({
      where: { taskId: s.task.id, status: "APPROVED" },
    });
    const out = await file(s.partner, "task-areas.gpx", s.task.id);
    expect(out.contentType).toBe("application/gpx+xml");
    expect(out.fileName).toBe(`task-areas_${s.task.code}_as-of_2026-12-06.gpx`);
    const read = gpx(xml(out.body)).features;
    expect(read.filter((f) => f.geometry?.type === "Point").map((f) => f.properties?.name)).toEqual([
      s.hazardArea.code,
    ]);
    const tracks = read.filter((f) => f.geometry?.type !== "Point");
    expect(tracks.map((f) => f.properties?.name)).toEqual([s.hazardArea.code, `${s.hazardArea.code} Cleared`]);
    // The boundary a team walks is the registered one, ring for ring; the released track is the counted polygon.
    const rings = (g: Polygon | MultiPolygon) => (g.type === "Polygon" ? g.coordinates : g.coordinates.flat());
    // togeojson reads a track of one segment as a LineString, of several as a MultiLineString.
    const segments = (g: unknown) => {
      const line = g as { type: string; coordinates: number[][] | number[][][] };
      return line.type === "LineString" ? [line.coordinates] : line.coordinates;
    };
    expect(segments(tracks[0]!.geometry)).toEqual(rings(s.hazardArea.geometry as never));
    expect(segments(tracks[1]!.geometry)).toEqual(rings(released.countedGeometry as never));
    expect(tracks[1]!.properties?.desc).toMatch(/^Cleared, [\d,]+\u00a0m², approved on /);
    expect(out.rows).toBe(2);
  });

  it("KML in the reader's language: two folders, the same placemarks", async () => {
    const s = await scene();
    const out = await buildExport(t().db, s.dma, "task-areas.kml", ZExportFilter.parse({ task: s.task.id }), now, "ar");
    const doc = xml(out.body);
    expect(
      Array.from(doc.getElementsByTagName("Folder"), (f) => f.getElementsByTagName("name")[0]?.textContent),
    ).toEqual(["المناطق الخطرة", "الأراضي المحررة"]);
    expect(kml(doc).features.map((f) => f.properties?.name)).toEqual([s.hazardArea.code, `${s.hazardArea.code} مطهّرة`]);
  });

  it("another partner gets nothing of a task not theirs, and the download is in the audit trail", async () => {
    const s = await scene();
    const other = await newPartner(t().db);
    const refused = await refusal(file(other.actor, "task-areas.gpx", s.task.id));
    expect(refused.code).toBe("not_found");
    await file(s.partner, "task-areas.kml", s.task.id);
    const audit = await t().db.auditEvent.findFirstOrThrow({
      where: { actorUserId: s.partner.id, action: "export", entityId: "task-areas.kml" },
    });
    expect(audit.after).toMatchObject({ task: s.task.id, rows: 2 });
  });
});
