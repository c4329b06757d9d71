// A file of past land releases, read and checked row by row before anything
// is counted: each row's area must be in the register and in the authority's
// governorates, its operator an organisation the register has, its dates real
// days, its polygon valid; then each area's rows are accounted oldest first as
// successive approvals would be, so the preview says what each release will
// count, what was already released and what lies outside its area.

import { programmeDay } from "@/lib/domain/calendar";
import type { ImportedReleaseAccount } from "@/lib/domain/land-release";
import { type ImportProblem, importProblem } from "@/lib/domain/register-import";
import { mapReleaseRow, RELEASE_COLUMNS, type ReleaseRow, type StoredRelease } from "@/lib/domain/release-import";
import type { Areal } from "@/lib/geo/boolean";
import type { ZImportRequest } from "@/lib/schemas/register-import";
import { runInWorker } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { asAreal } from "@/lib/server/queries/land-release";
import { releaseOperators } from "@/lib/server/queries/organisations";
import { actsInRegionOf } from "@/lib/server/scopes";
import {
  checkRowGeometries,
  chunks,
  type ImportFile,
  inTurns,
  mapColumns,
  previewRecord,
  readImportFile,
  rowsOf,
} from "./import-file";

/** Releases per accounting job, as a commit batch takes them, and the job's budget. */
const ROWS_PER_JOB = 200;
const ACCOUNT_BUDGET_MS = 60_000;

/** Oldest first, so each m² is counted to the release that first released it; then in file order. */
const byDate = (a: { value: ReleaseRow; row: number }, b: { value: ReleaseRow; row: number }) =>
  a.value.periodEnd.localeCompare(b.value.periodEnd) ||
  a.value.periodStart.localeCompare(b.value.periodStart) ||
  a.row - b.row;

export async function previewReleaseImport(
  db: Db,
  actor: Actor,
  file: ImportFile,
  request: ReturnType<typeof ZImportRequest.parse>,
  today = programmeDay(),
) {
  const read = await readImportFile(file, request.utmZone);
  const { columns, mapping } = mapColumns(read, request, RELEASE_COLUMNS, [
    "hazardAreaCode",
    "method",
    "operator",
    "periodEnd",
  ]);
  // A release is counted to its operator: a partner, or an authority's own national teams (an admin's file: any).
  const operators = await releaseOperators(db, actor);
  const problems: ImportProblem[] = [];
  const rows = rowsOf(read);
  const mapped = new Map<number, ReleaseRow>();
  for (const r of rows) {
    const { value, problems: found } = mapReleaseRow(r.attributes, mapping, r.row, today, operators);
    problems.push(...found);
    if (value) mapped.set(r.row, value);
    if (!r.geometry)
      problems.push(importProblem(r.row, "geometry", "NOT_A_POLYGON", "importNoPolygon", { row: r.row }));
  }
  const { checked, problems: geometryProblems } = await checkRowGeometries(rows);
  problems.push(...geometryProblems);

  const codes = [...new Set([...mapped.values()].map((v) => v.hazardAreaCode))];
  const areas = new Map(
    (
      await db.hazardArea.findMany({
        where: { code: { in: codes }, status: { not: "WITHDRAWN" } },
        select: {
          id: true,
          code: true,
          status: true,
          authorityId: true,
          governoratePcode: true,
          geometry: true,
          releasedGeometry: true,
        },
      })
    ).map((a) => [a.code, a]),
  );
  const placed: { row: number; value: ReleaseRow; geometry: Areal; areaM2: number; areaId: string }[] = [];
  for (const [row, value] of mapped) {
    const code = value.hazardAreaCode;
    const area = areas.get(code);
    if (!area) problems.push(importProblem(row, "hazardAreaCode", "UNKNOWN_AREA", "importUnknownArea", { row, code }));
    else if (!actsInRegionOf(actor, area.authorityId))
      problems.push(importProblem(row, "hazardAreaCode", "NOT_YOUR_AREA", "importAreaNotYours", { row, code }));
    else if (area.status === "SUPERSEDED")
      problems.push(importProblem(row, "hazardAreaCode", "AREA_SUPERSEDED", "importAreaSuperseded", { row, code }));
    else if (checked.has(row)) {
      const c = checked.get(row)!;
      placed.push({ row, value, geometry: c.geometry, areaM2: c.areaM2, areaId: area.id });
    }
  }

  // Each area's releases, oldest first, accounted against its released land as it stands and each other.
  placed.sort(byDate);
  const byArea = new Map<string, typeof placed>();
  for (const p of placed) (byArea.get(p.areaId) ?? byArea.set(p.areaId, []).get(p.areaId)!).push(p);
  const areaById = new Map([...areas.values()].map((a) => [a.id, a]));
  const accounts = new Map<number, ImportedReleaseAccount>();
  // Jobs of at most ROWS_PER_JOB releases, so each stays well inside its budget: small areas packed together, an
  // area with more releases in jobs of its own, one after another, each taking the released land the last left.
  const account = async (parts: { areaId: string; released: Areal | null; list: typeof placed }[]) => {
    const results = await runInWorker(
      "accountImportedReleases",
      [
        parts.map(({ areaId, released, list }) => ({
          hazard: asAreal(areaById.get(areaId)!.geometry)!,
          released,
          rows: list.map((p) => ({ row: p.row, geometry: p.geometry })),
        })),
      ],
      ACCOUNT_BUDGET_MS,
    );
    for (const r of results) for (const a of r.accounts) accounts.set(a.row, a);
    return results;
  };
  const jobs: (() => Promise<unknown>)[] = [];
  let packed: { areaId: string; released: Areal | null; list: typeof placed }[] = [];
  let packedRows = 0;
  for (const [areaId, list] of byArea) {
    const released = asAreal(areaById.get(areaId)!.releasedGeometry);
    if (list.length > ROWS_PER_JOB) {
      jobs.push(async () => {
        let left = released;
        for (const part of chunks(list, ROWS_PER_JOB))
          left = (await account([{ areaId, released: left, list: part }]))[0]!.releasedAfter;
      });
      continue;
    }
    if (packedRows + list.length > ROWS_PER_JOB) {
      const parts = packed;
      jobs.push(() => account(parts));
      [packed, packedRows] = [[], 0];
    }
    packed.push({ areaId, released, list });
    packedRows += list.length;
  }
  if (packed.length) {
    const parts = packed;
    jobs.push(() => account(parts));
  }
  await inTurns(jobs, (job) => job());
  const outside = placed.filter((p) => accounts.get(p.row)!.outsideHazardM2 >= accounts.get(p.row)!.submittedAreaM2);
  for (const p of outside)
    problems.push(
      importProblem(p.row, "geometry", "OUTSIDE_AREA", "importReleaseOutsideArea", {
        row: p.row,
        code: p.value.hazardAreaCode,
      }),
    );
  const accepted = placed.filter((p) => !outside.includes(p));
  const totals = accepted.reduce(
    (t, p) => {
      const a = accounts.get(p.row)!;
      return {
        counted: t.counted + a.countedAreaM2,
        already: t.already + a.alreadyReleasedM2,
        outside: t.outside + a.outsideHazardM2,
      };
    },
    { counted: 0, already: 0, outside: 0 },
  );

  problems.sort((a, b) => a.row - b.row);
  const saved = await db.$transaction(async (tx) => {
    const created = await tx.registerImport.create({
      data: {
        kind: "RELEASES",
        ...previewRecord(actor, file, read, {
          columns,
          mapping,
          problems,
          rows: rows.length,
          accepted: accepted.length,
        }),
      },
      select: { id: true },
    });
    for (const batch of chunks(
      accepted.map((p, order) => ({ p, order })),
      500,
    ))
      await tx.registerImportRow.createMany({
        data: batch.map(({ p, order }) => {
          const { row: _, counted: __, ...preview } = accounts.get(p.row)!;
          const value: StoredRelease = { ...p.value, hazardAreaId: p.areaId, preview };
          return {
            importId: created.id,
            row: p.row,
            commitOrder: order,
            value: toJson(value),
            geometry: JSON.stringify(p.geometry),
            areaM2: p.areaM2,
            governoratePcode: areaById.get(p.areaId)!.governoratePcode,
            overlaps: toJson({ register: [], rows: [] }),
            hazardAreaId: p.areaId,
          };
        }),
      });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "registerImport.preview",
      entityType: "RegisterImport",
      entityId: created.id,
      after: { kind: "releases", fileName: file.name, rows: rows.length, accepted: accepted.length },
    });
    return created;
  });
  return {
    id: saved.id,
    kind: "releases" as const,
    status: "previewed" as const,
    rows: rows.length,
    accepted: accepted.length,
    overlapping: 0,
    acceptedM2: accepted.reduce((s, p) => s + p.areaM2, 0),
    countedM2: totals.counted,
    alreadyReleasedM2: totals.already,
    outsideM2: totals.outside,
    problems,
    columns,
    mapping,
    sourceCrs: read.sourceCrs,
    notes: read.notes,
  };
}
