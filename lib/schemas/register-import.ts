import { z } from "zod";
import { REGISTER_FIELDS, RELEASE_FIELDS } from "@/lib/domain/register-import";

/** What can be imported: hazardous areas, or past land releases on areas already registered. */
export const IMPORT_KINDS = ["hazard-areas", "releases"] as const;
const IMPORT_FIELDS = [...REGISTER_FIELDS, ...RELEASE_FIELDS.filter((f) => f !== "sourceReference")] as const;

/**
 * How a file's columns and words map to the register's fields and values:
 * `{ "fields": { "code": "HAZ_LOCALI" }, "values": { "kind": { "Confirmed": "CHA" } } }`.
 * A field left out is recognised by its column's name when it can be.
 */
export const ZImportMapping = z
  .object({
    fields: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200)).default({}),
    values: z
      .partialRecord(z.enum(IMPORT_FIELDS), z.record(z.string().max(200), z.string().min(1).max(200)))
      .default({}),
  })
  .strict();

export const ZImportRequest = z
  .object({
    kind: z.enum(IMPORT_KINDS, { error: "kind is hazard-areas or releases." }),
    mapping: ZImportMapping.optional(),
    /** The mapping is a saved one (GET /api/imports/mappings): its columns this file lacks are not refused. */
    savedMapping: z.boolean().optional(),
    utmZone: z.union([z.literal(37), z.literal(38)]).optional(),
  })
  .strict();

/** How rows sharing land with the register (or with earlier rows) are taken at commit. */
export const ZImportCommit = z.object({ overlaps: z.enum(["skip", "remainder", "merge"]).optional() }).strict();

/** A mapping saved under a name, for the next file of the same source. */
export const ZSavedImportMapping = z
  .object({
    name: z.string().trim().min(1).max(80),
    mapping: ZImportMapping,
  })
  .strict();
