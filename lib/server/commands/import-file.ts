// What every import does with its file before its rows mean anything: read
// it in a geometry worker (any format, any of Iraq's datums), map its columns
// to the fields of what it brings (hazardous areas, past releases), and check
// each row's polygon as single registration does, a batch per job.
import type { MultiPolygon, Polygon } from "geojson";
import { CHECK_BUDGET_MS } from "@/lib/domain/geometry-budget";
import type { CheckedRow } from "@/lib/domain/import-geometry";
import {
  type ImportField,
  type ImportMapping,
  type ImportProblem,
  importProblem,
  recogniseColumns,
} from "@/lib/domain/register-import";
import type { Areal } from "@/lib/geo/boolean";
import { GeometryError } from "@/lib/geo/errors";
import type { ReadLimits, ReadResult } from "@/lib/geo/read";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError, geometryRefusal } from "@/lib/server/command-error";
import { runInWorker } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import type { Actor } from "@/lib/server/permissions";

/**
 * A national register: 20,000 areas of up to a few hundred vertices each,
 * as a zipped shapefile of up to 100 MB. Reading it is one job with its own
 * budget; the checks run a batch of rows per job, so other users' geometry
 * waits for one batch at most.
 */
export const IMPORT_LIMITS: ReadLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxVertices: 6_000_000,
  maxFeatures: 20_000,
  maxUnzippedBytes: 400 * 1024 * 1024,
};
const READ_BUDGET_MS = 120_000;
/** Rows per geometry job: a batch of ordinary polygons takes well under a second. */
export const ROWS_PER_JOB = 50;

export type ImportFile = { name: string; bytes: Uint8Array };

/**
 * Each item's job, two at a time: both geometry workers busy, and no more
 * than two of the import's jobs ahead of another user's check in the queue.
 */
export async function inTurns<T, R>(items: readonly T[], job: (item: T) => Promise<R>, atOnce = 2): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(atOnce, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await job(items[i]!);
      }
    }),
  );
  return out;
}

export const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The file's polygons, one Polygon or MultiPolygon per feature, with each feature's attributes. */
export function rowsOf(
  read: ReadResult,
): { row: number; attributes: Record<string, unknown>; geometry: Areal | null }[] {
  const parts = new Map<number, Polygon[]>();
  for (const p of read.polygons) (parts.get(p.feature) ?? parts.set(p.feature, []).get(p.feature)!).push(p.geometry);
  return read.attributes.map((attributes, i) => {
    const polygons = parts.get(i);
    const geometry: Areal | null = !polygons
      ? null
      : polygons.length === 1
        ? polygons[0]!
        : ({ type: "MultiPolygon", coordinates: polygons.map((p) => p.coordinates) } satisfies MultiPolygon);
    // Numbered as the file's reader would: a spreadsheet's first area is on its row 2, under the header.
    return { row: read.rowNumbers?.[i] ?? i + 1, attributes, geometry };
  });
}

/**
 * Polygons over the check's budget a file may have before it is refused as a
 * whole: each holds a geometry worker for the full budget (15 s), so a file
 * of thousands would keep both workers from other users for hours.
 */
const MAX_TOO_COMPLEX = 3;

/**
 * Checks a batch of polygons in a worker; a batch over its budget is checked
 * row by row, so only the slow row is refused, until the file has had
 * MAX_TOO_COMPLEX such rows.
 */
async function checkGeometries(
  items: { row: number; geometry: Areal }[],
  overruns: { count: number },
): Promise<CheckedRow[]> {
  try {
    return await runInWorker("checkImportGeometries", [items], CHECK_BUDGET_MS);
  } catch (err) {
    if (!(err instanceof GeometryError)) throw err;
    if (err.code === "GEOMETRY_TOO_COMPLEX" && ++overruns.count > MAX_TOO_COMPLEX)
      throw new CommandError("unprocessable", refusal("importTooComplex", { count: MAX_TOO_COMPLEX }));
    if (items.length === 1) return [{ row: items[0]!.row, ok: false, problems: [...err.problems] }];
    const out: CheckedRow[] = [];
    for (const item of items) out.push(...(await checkGeometries([item], overruns)));
    return out;
  }
}

/** The file read to WGS84 polygons, or its problem as a refusal. */
export async function readImportFile(file: ImportFile, utmZone: 37 | 38 | undefined): Promise<ReadResult> {
  try {
    return await runInWorker(
      "readGeometryFile",
      [file, { limits: IMPORT_LIMITS, ...(utmZone ? { utmZone } : {}) }],
      READ_BUDGET_MS,
    );
  } catch (err) {
    if (err instanceof GeometryError) throw geometryRefusal(err);
    throw err;
  }
}

/**
 * The file's columns and the mapping its rows are read with: columns
 * recognised by name, then the user's (a saved mapping's columns this file
 * lacks are left to recognition). A mapped column the file lacks, or a
 * required field with no column, refuses the file once, not once per row.
 */
export function mapColumns(
  read: ReadResult,
  request: { mapping?: ImportMapping | undefined; savedMapping?: boolean | undefined },
  known: Partial<Record<ImportField, readonly string[]>>,
  required: readonly ImportField[],
): { columns: string[]; mapping: ImportMapping } {
  const columns = [...new Set(read.attributes.flatMap((a) => Object.keys(a)))];
  const given = Object.entries(request.mapping?.fields ?? {}).filter(
    ([field, column]) => field in known && (!request.savedMapping || columns.includes(column)),
  );
  const mapping: ImportMapping = {
    fields: { ...recogniseColumns(columns, known), ...Object.fromEntries(given) },
    values: request.mapping?.values ?? {},
  };
  const problems: ImportProblem[] = [];
  for (const [field, column] of Object.entries(mapping.fields))
    if (!columns.includes(column))
      problems.push(
        importProblem(0, field as ImportField, "COLUMN_NOT_IN_FILE", "importColumnNotInFile", {
          field,
          column,
          columns: columns.join(", ") || "—",
        }),
      );
  for (const field of required)
    if (!mapping.fields[field])
      problems.push(
        importProblem(0, field, "COLUMN_NOT_MAPPED", "importNoColumnFor", {
          field,
          columns: columns.join(", ") || "—",
        }),
      );
  if (problems.length)
    throw new CommandError("unprocessable", refusal("importColumnsUnmapped"), {
      problems,
      columns,
      mapping,
      fields: Object.keys(known),
    });
  return { columns, mapping };
}

/** Every drawn row's polygon checked, two jobs at a time: the valid ones, and each problem of the others by row. */
export async function checkRowGeometries(rows: ReturnType<typeof rowsOf>) {
  const checked = new Map<number, Extract<CheckedRow, { ok: true }>>();
  const problems: ImportProblem[] = [];
  const drawn = rows.filter((r): r is typeof r & { geometry: Areal } => r.geometry !== null);
  const overruns = { count: 0 };
  const results = await inTurns(chunks(drawn, ROWS_PER_JOB), (batch) =>
    checkGeometries(
      batch.map((r) => ({ row: r.row, geometry: r.geometry })),
      overruns,
    ),
  );
  for (const c of results.flat()) {
    if (c.ok) checked.set(c.row, c);
    else
      for (const p of c.problems)
        problems.push(
          importProblem(c.row, "geometry", p.code, "importRowGeometry", { row: c.row, problem: (l) => p.text[l] }),
        );
  }
  return { checked, problems };
}

/** What every import records of its preview: the file as read, who made it for whom, its mapping and problems. */
export function previewRecord(
  actor: Actor,
  file: ImportFile,
  read: ReadResult,
  preview: { columns: string[]; mapping: ImportMapping; problems: ImportProblem[]; rows: number; accepted: number },
) {
  return {
    fileName: file.name,
    sourceCrs: read.sourceCrs,
    authorityId: actor.organisationId,
    // An administrator's import is national: only an administrator works with it.
    national: actor.role === "ADMIN",
    createdById: actor.id,
    mapping: toJson(preview.mapping),
    columns: toJson(preview.columns),
    problems: toJson(preview.problems),
    rowCount: preview.rows,
    acceptedCount: preview.accepted,
  };
}
