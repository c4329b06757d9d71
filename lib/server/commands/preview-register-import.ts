// An authority's file of hazardous areas, read and checked row by row before
// anything is registered: its columns mapped to the register's fields, each
// row's values and polygon checked as single registration checks them, its
// place in the authority's governorates, its code against the register and
// the file, and the land it shares with the register or earlier rows. The
// rows that pass are kept for the commit; every problem is reported by row.
import { bbox } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { programmeDay } from "@/lib/domain/calendar";
import { CHECK_BUDGET_MS } from "@/lib/domain/geometry-budget";
import type { CheckedRow, RowOverlaps } from "@/lib/domain/import-geometry";
import {
  duplicateCodes,
  type ImportMapping,
  type ImportProblem,
  importProblem,
  mapImportRow,
  REGISTER_FIELDS,
  type RegisterRow,
  recogniseColumns,
} from "@/lib/domain/register-import";
import type { Areal } from "@/lib/geo/boolean";
import { GeometryError } from "@/lib/geo/errors";
import { locate } from "@/lib/geo/locate";
import type { ReadLimits, ReadResult } from "@/lib/geo/read";
import { refusal } from "@/lib/i18n/refusals";
import { ZImportRequest } from "@/lib/schemas/register-import";
import { CommandError, geometryRefusal, parseOrRefuse } from "@/lib/server/command-error";
import { runInWorker } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { governorateBoundaries } from "@/lib/server/queries/governorates";
import { hazardAreasInBoxes } from "@/lib/server/queries/hazard-areas";
import { lockRegister } from "./hazard-area-change-record";

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
const ROWS_PER_JOB = 50;

export type ImportFile = { name: string; bytes: Uint8Array };

/**
 * Each item's job, two at a time: both geometry workers busy, and no more
 * than two of the import's jobs ahead of another user's check in the queue.
 */
async function inTurns<T, R>(items: readonly T[], job: (item: T) => Promise<R>, atOnce = 2): Promise<R[]> {
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

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

type Box = [number, number, number, number];
const boxOf = (g: Areal) => bbox(g).slice(0, 4) as Box;
const meets = (a: Box, b: Box) => !(a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]);

/** The file's polygons, one Polygon or MultiPolygon per feature, with each feature's attributes. */
function rowsOf(read: ReadResult): { row: number; attributes: Record<string, unknown>; geometry: Areal | null }[] {
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

export async function previewRegisterImport(
  db: Db,
  actor: Actor,
  file: ImportFile,
  body: unknown,
  today = programmeDay(),
) {
  if (!can(actor, "hazardArea:write") || !actor.organisationId)
    throw new CommandError("forbidden", refusal("onlyAuthorityImports"));
  const request = parseOrRefuse(ZImportRequest, body, "importRequestMalformed");
  let read: ReadResult;
  try {
    read = await runInWorker(
      "readGeometryFile",
      [file, { limits: IMPORT_LIMITS, ...(request.utmZone ? { utmZone: request.utmZone } : {}) }],
      READ_BUDGET_MS,
    );
  } catch (err) {
    if (err instanceof GeometryError) throw geometryRefusal(err);
    throw err;
  }

  const columns = [...new Set(read.attributes.flatMap((a) => Object.keys(a)))];
  // A saved mapping was made for another file of the source: a column this file lacks is left to recognition.
  const given = Object.entries(request.mapping?.fields ?? {}).filter(
    ([, column]) => !request.savedMapping || columns.includes(column),
  );
  const mapping: ImportMapping = {
    fields: { ...recogniseColumns(columns), ...Object.fromEntries(given) },
    values: request.mapping?.values ?? {},
  };
  const problems: ImportProblem[] = [];
  for (const [field, column] of Object.entries(mapping.fields))
    if (!columns.includes(column))
      problems.push(
        importProblem(0, field as ImportProblem["field"], "COLUMN_NOT_IN_FILE", "importColumnNotInFile", {
          field,
          column,
          columns: columns.join(", ") || "—",
        }),
      );
  // A required field with no column is said once for the file, not once per row.
  for (const field of ["code", "kind", "contamination"] as const)
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
      fields: REGISTER_FIELDS,
    });

  const rows = rowsOf(read);
  const mapped = new Map<number, RegisterRow>();
  for (const r of rows) {
    const { value, problems: found } = mapImportRow(r.attributes, mapping, r.row, today);
    problems.push(...found);
    if (value) mapped.set(r.row, value);
    if (!r.geometry)
      problems.push(importProblem(r.row, "geometry", "NOT_A_POLYGON", "importNoPolygon", { row: r.row }));
  }

  const checked = new Map<number, Extract<CheckedRow, { ok: true }>>();
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

  // Where each row lies: in one of the authority's governorates, or refused.
  const boundaries = await governorateBoundaries(db);
  const placed = new Map<number, string>();
  for (const [row, c] of checked) {
    const governorate = locate(c.geometry, boundaries);
    if (!governorate)
      problems.push(importProblem(row, "geometry", "OUTSIDE_GOVERNORATES", "importOutsideGovernorates", { row }));
    else if (governorate.properties.authorityId !== actor.organisationId)
      problems.push(
        importProblem(row, "geometry", "NOT_YOUR_GOVERNORATE", "importNotYourGovernorate", {
          row,
          governorate: governorate.properties.nameEn,
        }),
      );
    else placed.set(row, governorate.properties.pcode);
  }

  const codes = [...mapped.entries()].map(([row, v]) => ({ row, code: v.code }));
  const taken = new Set(
    (await db.hazardArea.findMany({ where: { code: { in: codes.map((c) => c.code) } }, select: { code: true } })).map(
      (h) => h.code,
    ),
  );
  const codeProblems = [
    ...codes
      .filter((c) => taken.has(c.code))
      .map((c) => importProblem(c.row, "code", "CODE_TAKEN", "importCodeTaken", { row: c.row, code: c.code })),
    ...duplicateCodes(codes.filter((c) => !taken.has(c.code))),
  ];
  problems.push(...codeProblems);
  const refusedCode = new Set(codeProblems.map((p) => p.row));

  const accepted = rows
    .filter((r) => mapped.has(r.row) && checked.has(r.row) && placed.has(r.row) && !refusedCode.has(r.row))
    .map((r) => ({ value: mapped.get(r.row)!, ...checked.get(r.row)!, pcode: placed.get(r.row)! }));
  // Before the register is read, under its lock: every writer stamps an area's time while holding it, so an area
  // stamped before this has been committed, and one registered or redrawn after it is measured again at commit.
  const registerAsOf = await db.$transaction(async (tx) => {
    await lockRegister(tx);
    return new Date();
  });
  const overlaps = await findOverlaps(db, accepted);

  problems.sort((a, b) => a.row - b.row);
  const saved = await db.$transaction(async (tx) => {
    const created = await tx.registerImport.create({
      data: {
        fileName: file.name,
        sourceCrs: read.sourceCrs,
        registerAsOf,
        authorityId: actor.organisationId!,
        createdById: actor.id,
        mapping: toJson(mapping),
        columns: toJson(columns),
        problems: toJson(problems),
        rowCount: rows.length,
        acceptedCount: accepted.length,
        overlappingCount: [...overlaps.values()].filter((o) => o.register.length || o.rows.length).length,
      },
      select: { id: true, overlappingCount: true },
    });
    for (const batch of chunks(accepted, 500))
      await tx.registerImportRow.createMany({
        data: batch.map((a) => ({
          importId: created.id,
          row: a.row,
          value: toJson(a.value),
          geometry: JSON.stringify(a.geometry),
          areaM2: a.areaM2,
          governoratePcode: a.pcode,
          overlaps: toJson({ register: overlaps.get(a.row)?.register ?? [], rows: overlaps.get(a.row)?.rows ?? [] }),
        })),
      });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "registerImport.preview",
      entityType: "RegisterImport",
      entityId: created.id,
      after: { fileName: file.name, rows: rows.length, accepted: accepted.length, problems: problems.length },
    });
    return created;
  });
  return {
    id: saved.id,
    status: "previewed" as const,
    rows: rows.length,
    accepted: accepted.length,
    overlapping: saved.overlappingCount,
    acceptedM2: accepted.reduce((s, a) => s + a.areaM2, 0),
    problems,
    columns,
    mapping,
    sourceCrs: read.sourceCrs,
    notes: read.notes,
  };
}

/**
 * The land each accepted row shares with the register (candidates found
 * through the box index, one query per batch) and with earlier accepted
 * rows (candidates found by a grid of boxes in memory), measured by GEOS.
 */
async function findOverlaps(
  db: Db,
  accepted: { row: number; value: RegisterRow; geometry: Areal }[],
): Promise<Map<number, RowOverlaps>> {
  const CELL = 0.05;
  const grid = new Map<string, number[]>();
  const boxes = accepted.map((a) => boxOf(a.geometry));
  const cellsOf = ([w, s, e, n]: Box) => {
    const out: string[] = [];
    for (let x = Math.floor(w / CELL); x <= Math.floor(e / CELL); x++)
      for (let y = Math.floor(s / CELL); y <= Math.floor(n / CELL); y++) out.push(`${x}:${y}`);
    return out;
  };
  // Earlier rows that may share land with each row, by the grid, in file order.
  const earlier = accepted.map((_, i) => {
    const found = new Set<number>();
    for (const cell of cellsOf(boxes[i]!)) for (const j of grid.get(cell) ?? []) found.add(j);
    for (const cell of cellsOf(boxes[i]!)) (grid.get(cell) ?? grid.set(cell, []).get(cell)!).push(i);
    return [...found].filter((j) => meets(boxes[j]!, boxes[i]!));
  });
  const out = new Map<number, RowOverlaps>();
  const batches = chunks(
    accepted.map((_, i) => i),
    ROWS_PER_JOB,
  );
  await inTurns(batches, async (batch) => {
    const registered = await hazardAreasInBoxes(
      db,
      batch.map((i) => ({ key: accepted[i]!.row, box: boxes[i]! })),
    );
    const items = batch.map((i) => ({
      row: accepted[i]!.row,
      geometry: accepted[i]!.geometry,
      registered: registered.get(accepted[i]!.row) ?? [],
      earlier: earlier[i]!.map((j) => ({ row: accepted[j]!.row, geometry: accepted[j]!.geometry })),
    }));
    if (!items.some((i) => i.registered.length || i.earlier.length)) return;
    for (const o of await runInWorker("importOverlaps", [items], CHECK_BUDGET_MS)) out.set(o.row, o);
  });
  return out;
}

export type ImportPreview = Awaited<ReturnType<typeof previewRegisterImport>>;
