// Rows merged into the register at commit ("merge into the registered
// area"): their land not yet registered is added to the authority's area they
// share most land with. An area the register held before the import has its
// boundary revised, in its history with the boundary it had (so withdrawing
// the import can give it back); an area the import itself created earlier is
// simply drawn grown, its import being its history.
import type { Prisma } from "@/generated/prisma/client";
import { programmeDay } from "@/lib/domain/calendar";
import type { Areal } from "@/lib/geo/boolean";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { toJson } from "@/lib/server/json";
import type { Actor } from "@/lib/server/permissions";
import { lockHazardArea } from "@/lib/server/queries/land-release";
import { recordChange, settleReleasedArea } from "./hazard-area-change-record";

type Tx = Prisma.TransactionClient;

/** An area's boundary as a batch's merges leave it, with the rows merged into it. */
export type GrownArea = { code: string; geometry: Areal; areaM2: number; rows: number[] };

/** The areas the batch's merges grew (none of them created by this batch), each saved grown; by code, its id and whether the import made it. */
export async function growMergedAreas(
  tx: Tx,
  actor: Actor,
  importId: string,
  fileName: string,
  grown: readonly GrownArea[],
): Promise<Map<string, { id: string; own: boolean }>> {
  if (!grown.length) return new Map();
  // Locked in id order, as approvals and release imports lock areas, and read under the lock.
  const ids = await tx.hazardArea.findMany({ where: { code: { in: grown.map((g) => g.code) } }, select: { id: true } });
  for (const { id } of ids.sort((a, b) => (a.id < b.id ? -1 : 1))) await lockHazardArea(tx, id);
  const areas = await tx.hazardArea.findMany({
    where: { code: { in: grown.map((g) => g.code) } },
    select: { id: true, code: true, status: true, areaM2: true, releasedM2: true, geometry: true, importId: true },
  });
  for (const g of grown) {
    const area = areas.find((a) => a.code === g.code)!;
    // The box is made again by the table's trigger, from the new boundary.
    await tx.hazardArea.update({
      where: { id: area.id },
      data: { geometry: toJson(g.geometry), areaM2: g.areaM2 },
    });
    if (area.importId === importId) continue;
    await recordChange({ tx, actor }, area.id, {
      kind: "BOUNDARY_REVISED",
      effectiveDate: programmeDay(),
      evidence: `${fileName}, rows ${g.rows.join(", ")}`,
      // The boundary it had is kept here: withdrawing the import gives it back.
      before: { geometry: area.geometry, areaM2: area.areaM2 },
      after: { areaM2: g.areaM2, import: importId, rows: g.rows },
    });
    await settleReleasedArea({ tx, actor }, { ...area, areaM2: g.areaM2 }, area.releasedM2, { import: importId });
  }
  return new Map(areas.map((a) => [a.code, { id: a.id, own: a.importId === importId }]));
}

/**
 * The areas held before the import that its merges grew, given back the
 * boundary they had; refused once one of them has changed since or had a
 * report, which were made against the grown boundary.
 */
export async function revertMerges(tx: Tx, actor: Actor, importId: string) {
  const merges = await tx.hazardAreaChange.findMany({
    where: { kind: "BOUNDARY_REVISED", after: { path: ["import"], equals: importId } },
    orderBy: { at: "asc" },
    select: { hazardAreaId: true, before: true, at: true },
  });
  const first = new Map<string, (typeof merges)[number]>();
  for (const m of merges) if (!first.has(m.hazardAreaId)) first.set(m.hazardAreaId, m);
  const ids = [...first.keys()];
  if (!ids.length) return [];
  const areas = await tx.hazardArea.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      code: true,
      status: true,
      areaM2: true,
      releasedM2: true,
      geometry: true,
      changes: { select: { at: true, kind: true, after: true } },
      reports: { select: { submittedAt: true, reviewedAt: true } },
      tasks: { select: { task: { select: { createdAt: true } } } },
    },
  });
  const since = (a: (typeof areas)[number]) => first.get(a.id)!.at;
  const changed = areas.filter(
    (a) =>
      a.status === "SUPERSEDED" ||
      a.changes.some(
        (c) =>
          c.at > since(a) &&
          (c.after as { import?: string } | null)?.import !== importId &&
          c.kind !== "CLOSED" &&
          c.kind !== "REOPENED",
      ) ||
      // A report approved since was accounted against the grown boundary, even one submitted before the merge.
      a.reports.some((r) => r.submittedAt > since(a) || (r.reviewedAt !== null && r.reviewedAt > since(a))) ||
      a.tasks.some((t) => t.task.createdAt > since(a)),
  );
  if (changed.length)
    throw new CommandError(
      "conflict",
      refusal("importMergedInUse", {
        codes: changed
          .slice(0, 10)
          .map((a) => a.code)
          .join(", "),
      }),
    );
  for (const area of areas) {
    const before = first.get(area.id)!.before as unknown as { geometry: Areal; areaM2: number };
    await tx.hazardArea.update({
      where: { id: area.id },
      data: { geometry: toJson(before.geometry), areaM2: before.areaM2 },
    });
    await recordChange({ tx, actor }, area.id, {
      kind: "BOUNDARY_REVISED",
      effectiveDate: programmeDay(),
      evidence: "",
      before: { geometry: area.geometry, areaM2: area.areaM2 },
      after: { areaM2: before.areaM2, importWithdrawn: importId },
    });
    await settleReleasedArea({ tx, actor }, { ...area, areaM2: before.areaM2 }, area.releasedM2, {
      importWithdrawn: importId,
    });
  }
  return areas.map((a) => a.code);
}
