// How one operation of the API description is written (lib/server/openapi.ts):
// its body from the zod schema the handler parses, its forms, query
// parameters and error answers.
import { z } from "zod";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import { ZWithdrawal } from "@/lib/schemas/human-impact";

export const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const error = {
  description: "Error: `{ error: { code, message, details } }`; nothing was changed.",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), error]));

/** Multipart alternative for bodies with a geometry: the GPS file instead of `geometry`. */
const upload = {
  "multipart/form-data": {
    schema: {
      type: "object",
      required: ["file"],
      properties: {
        file: {
          type: "string",
          format: "binary",
          description:
            "GeoJSON, KML or KMZ, GPX, zipped shapefile (.zip with .shp/.dbf/.prj), or CSV or Excel (.xlsx) of turning points or of polygons as WKT; 20 MB at most",
        },
        data: { type: "string", description: "The other fields of the JSON body (without `geometry`), as JSON" },
        utmZone: {
          type: "string",
          enum: ["37", "38"],
          description: "UTM north zone for projected coordinates without a .prj",
        },
      },
    },
  },
};

/** The register import's form: the file, what it holds, and optionally how its columns map and its zone. */
export const importForm = {
  "multipart/form-data": {
    schema: {
      type: "object",
      required: ["file", "kind"],
      properties: {
        file: {
          type: "string",
          format: "binary",
          description:
            "GeoJSON, KML or KMZ, zipped shapefile (.zip with .shp/.dbf and its .prj: UTM 37N/38N and Iraq's datums are read), GeoPackage (.gpkg, its first polygon layer), or CSV or Excel (.xlsx) with each polygon as WKT or EWKT; one feature or row per hazardous area (or per past release) with its attributes; 100 MB and 20,000 rows at most",
        },
        kind: {
          type: "string",
          enum: ["hazard-areas", "releases"],
          description:
            "hazard-areas: areas to register. releases: past land releases on areas already in the register, each committed as an approved report marked as imported (no task), accounted as an approval is (clipped to its area, oldest first, each m² once); the preview's answer adds countedM2, alreadyReleasedM2 and outsideM2",
        },
        mapping: {
          type: "string",
          description:
            'JSON `{ "fields": { "<register field>": "<file column>" }, "values": { "<register field>": { "<file value>": "<register value>" } } }`; register fields: code, name, kind, contamination, landUse, priorityRank, informationDate, sourceReference; release fields: hazardAreaCode, method (CANCELLED, REDUCED, CLEARED), operator (the name or short name of an organisation), periodStart, periodEnd, sourceReference, clearanceDepthCm. Without it, columns named as the register\'s fields or as IMSMA NG exports them (e.g. HAZ_LOCALI, HAZ_TYPE, CONTAMINAT; ACT_TYPE, ORG_NAME, END_DATE) are recognised, and IMSMA\'s words for values ("Confirmed Hazardous Area", "AP mines", "Non-Technical Survey")',
        },
        savedMapping: {
          type: "string",
          enum: ["true"],
          description:
            "`mapping` is a saved one (GET /api/imports/mappings), made for another file of the source: its columns this file lacks are left to recognition instead of refused",
        },
        crs: {
          type: "string",
          enum: ["EPSG:32637", "EPSG:32638"],
          description: "for projected coordinates without a .prj",
        },
      },
    },
  },
};

type QueryParameter = { name: string; description: string };

/** Query parameters as OpenAPI lists them: each an optional string. */
export const queryParameters = (query: QueryParameter[]) =>
  query.map((q) => ({
    name: q.name,
    in: "query",
    required: false,
    description: q.description,
    schema: { type: "string" },
  }));

/** A map view, as the register map's route reads it (ZRegisterView). */
export const MAP_VIEW: QueryParameter[] = [
  { name: "bbox", description: "west,south,east,north in degrees (WGS 84)" },
  { name: "zoom", description: "the map's zoom, 0 to 24" },
  { name: "contamination", description: "only areas with this contamination, e.g. AP_MINES" },
  { name: "partner", description: "only areas on a task order of this partner (organisation id)" },
];

export function op(
  summary: string,
  opts: {
    body?: z.ZodType;
    upload?: boolean;
    /** A multipart form, and no JSON body. */
    form?: typeof importForm;
    ok: number;
    okDescription: string;
    errors: number[];
    params?: string[];
    query?: QueryParameter[];
  },
) {
  return {
    summary,
    ...(opts.params
      ? { parameters: opts.params.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })) }
      : {}),
    ...(opts.query ? { parameters: queryParameters(opts.query) } : {}),
    ...(opts.form ? { requestBody: { required: true, content: opts.form } } : {}),
    ...(opts.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: json(opts.body) }, ...(opts.upload ? upload : {}) },
          },
        }
      : {}),
    // Every body is refused over 25 MB, and any call gets 503 (with Retry-After) while the database is down or full (lib/server/http.ts).
    responses: {
      [String(opts.ok)]: { description: opts.okDescription },
      ...errors(...opts.errors, ...(opts.body || opts.form ? [413] : []), 503),
    },
  };
}

/** Records kept as events (risk education, casualties): listed a page at a time; recorded, corrected or withdrawn one at a time. */
export const recordsKeptAsEvents = (list: string, record: string, body: z.ZodType, what: string) => ({
  get: op(list, { ok: 200, okDescription: "`{ total, page, pageSize, items: [...] }`", errors: [400, 401, 403] }),
  post: op(record, {
    body: z.union([body, ZWithdrawal]),
    ok: 201,
    okDescription: `The recorded ${what} with its \`id\``,
    errors: [400, 401, 403, 404, 409],
  }),
});

/** The values a parameter takes, as the API spells them: "ap_mines | at_mines | …". */
const choices = (values: readonly string[]) => values.map((v) => v.toLowerCase()).join(" | ");

export const PROGRESS_QUERY = [
  { name: "region", description: "federal | kurdistan" },
  { name: "governorate", description: "OCHA P-code, e.g. IQG15" },
  { name: "partner", description: "implementing partner's organisation id" },
  { name: "contamination", description: choices(CONTAMINATION_TYPES) },
  { name: "landUse", description: choices(LAND_USES) },
  { name: "from", description: "first day of the period, YYYY-MM-DD (reports by period end)" },
  { name: "to", description: "last day of the period, YYYY-MM-DD; remaining is measured then" },
];
