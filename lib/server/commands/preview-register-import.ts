// An authority's file of hazardous areas, read and checked row by row before
// anything is registered: its columns mapped to the register's fields, each
// row's values and polygon checked as single registration checks them, its
// place in the authority's governorates, its code against the register and
// the file, and the land it shares with the register or earlier rows. The
// rows that pass are kept for the commit; every problem is reported by row.
import { bbox } from "@turf/turf";
import { programmeDay } from "@/lib/domain/calendar";
import { CHECK_BUDGET_MS } from "@/lib/domain/geometry-budget";
import type { RowOverlaps } from "@/lib/domain/import-geometry";
import { KNOWN_COLUMNS } from "@/lib/domain/import-vocabulary";
import {
  duplicateCodes,
  type ImportProblem,
  importProblem,
  mapImportRow,
  type RegisterRow,
} from "@/lib/domain/register-import";
import type { Areal } from "@/lib/geo/boolean";
import { locate } from "@/lib/geo/locate";
import { refusal } from "@/lib/i18n/refusals";
import { ZImportRequest } from "@/lib/schemas/register-import";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { runInWorker } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { governorateBoundaries } from "@/lib/server/queries/governorates";
import { hazardAreasInBoxes } from "@/lib/server/queries/hazard-areas";
import { actsInRegionOf } from "@/lib/server/scopes";
import { lockRegister } from "./hazard-area-change-record";
import {
  checkRowGeometries,
  chunks,
  type ImportFile,
  inTurns,
  mapColumns,
  previewRecord,
  ROWS_PER_JOB,
  readImportFile,
  rowsOf,
} from "./import-file";
import { previewReleaseImport } from "./preview-release-import";

export { IMPORT_LIMITS } from "./import-file";

type Box = [number, number, number, number];
const boxOf = (g: Areal) => bbox(g).slice(0, 4) as Box;
const meets = (a: Box, b: Box) => !(a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]);

export async function previewRegisterImport(
  db: Db,
  actor: Actor,
  file: ImportFile,
  body: unknown,
  today = programmeDay(),
) {
  if (!can(actor, "register:import") || !actor.organisationId)
    throw new CommandError("forbidden", refusal("onlyAuthorityImports"));
  const request = parseOrRefuse(ZImportRequest, body, "importRequestMalformed");
  if (request.kind === "releases") return previewReleaseImport(db, actor, file, request, today);
  const read = await readImportFile(file, request.utmZone);
  const { columns, mapping } = mapColumns(read, request, KNOWN_COLUMNS, ["code", "kind", "contamination"]);
  const problems: ImportProblem[] = [];

  const rows = rowsOf(read);
  const mapped = new Map<number, RegisterRow>();
  for (const r of rows) {
    const { value, problems: found } = mapImportRow(r.attributes, mapping, r.row, today);
    problems.push(...found);
    if (value) mapped.set(r.row, value);
    if (!r.geometry)
      problems.push(importProblem(r.row, "geometry", "NOT_A_POLYGON", "importNoPolygon", { row: r.row }));
  }
  const { checked, problems: geometryProblems } = await checkRowGeometries(rows);
  problems.push(...geometryProblems);

  // Where each row lies: in one of the authority's governorates, or refused.
  const boundaries = await governorateBoundaries(db);
  const placed = new Map<number, string>();
  for (const [row, c] of checked) {
    const governorate = locate(c.geometry, boundaries);
    if (!governorate)
      problems.push(importProblem(row, "geometry", "OUTSIDE_GOVERNORATES", "importOutsideGovernorates", { row }));
    else if (!actsInRegionOf(actor, governorate.properties.authorityId))
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
        ...previewRecord(actor, file, read, {
          columns,
          mapping,
          problems,
          rows: rows.length,
          accepted: accepted.length,
        }),
        registerAsOf,
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
