// What an export answers with, and the name its file is given.
import { programmeDay } from "@/lib/domain/calendar";
import type { ExportFile, ExportFilter } from "@/lib/schemas/export-filter";
import type { Db } from "@/lib/server/prisma";

export type ExportResponse = {
  body: ReadableStream<Uint8Array> | Uint8Array;
  contentType: string;
  fileName: string;
  rows: number;
};

/** The names a file name gives in place of the filter's ids: the partner's, the donor's, the governorate's. */
export type FilterNames = { partner?: string; donor?: string; governorate?: string };

// Long enough for "Directorate of Mine Action" or an Arabic organisation's
// name, short enough that a name of every filter stays far below the 255
// bytes a file system allows (an Arabic letter is two bytes).
const MAX_PART = 40;

/**
 * A name as one part of a file name: letters and digits of any script kept
 * (an Arabic or Sorani name stays readable), everything else (spaces,
 * slashes, dots, underscores, direction marks) a single hyphen, cut to 40
 * characters; the case kept, as codes and short names are written. Empty
 * when nothing readable is left.
 */
export function namePart(name: string): string {
  const slug = name
    .normalize("NFKC")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return Array.from(slug).slice(0, MAX_PART).join("").replace(/-+$/, "");
}

/**
 * What the file holds and when, by names a reader knows, e.g.
 * `reports_approved_kurdistan_Erbil_partner-ZCL-demo_2025-01-01_to_2025-12-31_as-of_2026-11-26.csv`.
 * A filter whose name is not known keeps its id, so the name still says what was chosen.
 */
export function exportFileName(file: ExportFile, f: ExportFilter, asOf: Date, names: FilterNames = {}): string {
  const [dataset, format] = [file.slice(0, file.lastIndexOf(".")), file.slice(file.lastIndexOf(".") + 1)];
  const named = (name: string | undefined, id: string) => namePart(name ?? "") || namePart(id);
  const parts = [
    namePart(dataset),
    ["reports", "devices", "tables"].includes(dataset) ? f.status : undefined,
    f.region,
    f.governorate && named(names.governorate, f.governorate),
    f.partner && `partner-${named(names.partner, f.partner)}`,
    f.donor && `donor-${named(names.donor, f.donor)}`,
    f.contamination && namePart(f.contamination),
    f.landUse && namePart(f.landUse),
    f.from || f.to ? `${f.from ?? "start"}_to_${f.to ?? "today"}` : undefined,
    `as-of_${programmeDay(asOf)}`,
  ];
  return `${parts.filter(Boolean).join("_")}.${format}`;
}

/**
 * An organisation as a file name calls it: its short name ("ZCL"), or its
 * full name (unique) when another organisation has the same short name, so
 * two files of two partners never carry the same name.
 */
async function organisationName(db: Db, id: string | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  const org = await db.organisation.findUnique({ where: { id }, select: { name: true, shortName: true } });
  if (!org) return undefined;
  const short = org.shortName?.trim();
  if (!short) return org.name;
  const sharing = await db.organisation.count({
    where: { id: { not: id }, shortName: { equals: short, mode: "insensitive" } },
  });
  return sharing ? org.name : short;
}

/** The names of the filter's partner, donor and governorate (English, as the rest of the file name). */
export async function filterNames(db: Db, f: ExportFilter): Promise<FilterNames> {
  const [partner, donor, governorate] = await Promise.all([
    organisationName(db, f.partner),
    organisationName(db, f.donor),
    f.governorate
      ? db.governorate.findUnique({ where: { pcode: f.governorate }, select: { nameEn: true } })
      : Promise.resolve(null),
  ]);
  return { partner, donor, governorate: governorate?.nameEn };
}
