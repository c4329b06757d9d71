// A task's ground for the team's GPS device (GPX) and Google Earth (KML):
// its hazardous areas and the land already released in them, as the task's
// page maps them, so the team finds on the ground what it sees on screen.
import "server-only";
import type { MultiPolygon, Polygon } from "geojson";
import { createTranslator } from "next-intl";
import { programmeDay } from "@/lib/domain/calendar";
import { type GpsLayers, gpxText, kmlFoldersText } from "@/lib/exports/gps";
import { formatM2, formatProgrammeDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import ar from "@/lib/i18n/messages/ar.json";
import ckb from "@/lib/i18n/messages/ckb.json";
import en from "@/lib/i18n/messages/en.json";
import { refusal } from "@/lib/i18n/refusals";
import { roleWord } from "@/lib/i18n/words";
import type { ExportFilter } from "@/lib/schemas/export-filter";
import { CommandError } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { getTaskWorkspace } from "@/lib/server/queries/tasks";
import { type ExportResponse, namePart } from "./file-name";

const CATALOGUES = { en, ar, ckb };
type Areal = Polygon | MultiPolygon;

async function taskLayers(
  db: Db,
  actor: Actor,
  f: ExportFilter,
  locale: Locale,
): Promise<GpsLayers & { code: string }> {
  if (!can(actor, "task:read"))
    throw new CommandError("forbidden", refusal("roleMayNotReadTasks", { role: roleWord(actor.role) }));
  if (!f.task) throw new CommandError("invalid_request", refusal("sayWhichTask"));
  const task = await getTaskWorkspace(db, actor, f.task);
  if (!task) throw new CommandError("not_found", refusal("noSuchVisibleTask"));
  const t = createTranslator({ locale, messages: CATALOGUES[locale] });
  const codeOf = new Map(task.hazardAreas.map((h) => [h.id, h.code]));
  return {
    code: task.code,
    title: t("gpsFile.title", { code: task.code, title: task.title }),
    hazardAreas: {
      folder: t("gpsFile.hazardAreas"),
      areas: task.hazardAreas.map((h) => ({
        name: h.code,
        description: t("gpsFile.areaDescription", { name: h.name, area: formatM2(h.areaM2, locale) }),
        geometry: h.geometry as unknown as Areal,
      })),
    },
    released: {
      folder: t("gpsFile.released"),
      areas: task.approvedReleases
        .filter((r) => r.countedGeometry)
        .map((r) => {
          const method = t(`method.${r.method}`);
          return {
            name: t("gpsFile.releasedName", { code: codeOf.get(r.hazardAreaId) ?? "", method }),
            description: t("gpsFile.releasedDescription", {
              method,
              area: formatM2(r.countedAreaM2, locale),
              day: r.reviewedAt ? formatProgrammeDay(r.reviewedAt, locale) : "—",
            }),
            geometry: r.countedGeometry as unknown as Areal,
          };
        }),
    },
  };
}

const fileName = (code: string, now: Date, extension: string) =>
  `task-areas_${namePart(code) || "task"}_as-of_${programmeDay(now)}.${extension}`;
const count = (l: GpsLayers) => l.hazardAreas.areas.length + l.released.areas.length;

const FORMATS = {
  gpx: { contentType: "application/gpx+xml", text: (l: GpsLayers) => gpxText(l, "Mine action dashboard") },
  kml: { contentType: "application/vnd.google-earth.kml+xml", text: kmlFoldersText },
} as const;

/**
 * A task's areas as a document: `gpx` for a handheld GPS (a waypoint and a boundary track per hazardous area, a
 * track per released polygon), `kml` with the hazardous areas and the released land in two folders.
 */
const taskAreasFile =
  (format: keyof typeof FORMATS) =>
  async (db: Db, actor: Actor, f: ExportFilter, now: Date, locale: Locale): Promise<ExportResponse> => {
    const layers = await taskLayers(db, actor, f, locale);
    return {
      body: new TextEncoder().encode(FORMATS[format].text(layers)),
      contentType: FORMATS[format].contentType,
      fileName: fileName(layers.code, now, format),
      rows: count(layers),
    };
  };

export const taskAreasGpx = taskAreasFile("gpx");
export const taskAreasKml = taskAreasFile("kml");
