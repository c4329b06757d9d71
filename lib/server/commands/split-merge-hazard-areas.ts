// Splitting and merging hazardous areas: the areas before are kept as
// SUPERSEDED with their reports and history, and new areas under new codes
// carry their land, their released land report by report (InheritedRelease)
// and their attributes, so every figure is the same after as before.

import { settledStatus } from "@/lib/domain/hazard-area-status";
import type { AreaPart } from "@/lib/domain/register-changes";
import type { Areal } from "@/lib/geo/boolean";
import { refusal } from "@/lib/i18n/refusals";
import type { THazardAreaChange } from "@/lib/schemas/hazard-area-change";
import { CommandError } from "@/lib/server/command-error";
import { runGeometry } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import type { Db } from "@/lib/server/prisma";
import { hazardAreaCodeTaken } from "@/lib/server/queries/field-checks";
import {
  type LivingArea,
  lockAreas,
  releaseSharesOf,
  splitOrMergeBlockers,
} from "@/lib/server/queries/hazard-area-life";
import { asAreal } from "@/lib/server/queries/land-release";
import { type ChangeContext, geometryChangeRefused, recordChange } from "./hazard-area-change-record";

type Input<C extends THazardAreaChange["change"]> = Extract<THazardAreaChange, { change: C }>;

async function refuseBlocked({ tx }: ChangeContext, areas: LivingArea[]) {
  const { pending, openTask } = await splitOrMergeBlockers(
    tx,
    areas.map((a) => a.id),
  );
  if (pending) throw new CommandError("conflict", refusal("changeAwaitsReports", { code: pending }));
  if (openTask) throw new CommandError("conflict", refusal("changeOnOpenTask", openTask));
}

async function refuseTakenCodes({ tx }: ChangeContext, codes: string[]) {
  if (new Set(codes).size < codes.length) throw new CommandError("invalid_request", refusal("newCodesSame"));
  for (const code of codes)
    if (await hazardAreaCodeTaken(tx as Db, code))
      throw new CommandError("conflict", refusal("hazardCodeTaken", { code }));
}

/** A new area carrying on land from `from`: its attributes, the part's land and released land, its reports' shares. */
async function createPart(
  { tx, actor }: ChangeContext,
  from: LivingArea,
  part: AreaPart,
  named: { code: string; name: string },
  attributes: Partial<
    Pick<LivingArea, "kind" | "contamination" | "priorityRank" | "newlyFound" | "needsInvestigation">
  > = {},
) {
  const created = await tx.hazardArea.create({
    data: {
      code: named.code,
      name: named.name,
      kind: attributes.kind ?? from.kind,
      contamination: attributes.contamination ?? from.contamination,
      landUse: from.landUse,
      priorityRank: attributes.priorityRank ?? from.priorityRank,
      governoratePcode: from.governoratePcode,
      authorityId: from.authorityId,
      geometry: toJson(part.geometry),
      areaM2: part.areaM2,
      ...(part.released ? { releasedGeometry: toJson(part.released) } : {}),
      releasedM2: part.releasedM2,
      status: settledStatus(from.status === "SUSPENDED" ? "SUSPENDED" : "ACTIVE", part.areaM2, part.releasedM2),
      newlyFound: attributes.newlyFound ?? from.newlyFound,
      needsInvestigation: attributes.needsInvestigation ?? from.needsInvestigation,
      informationDate: from.informationDate,
      sourceReference: from.sourceReference,
      createdById: actor.id,
    },
    select: { id: true, code: true, areaM2: true, releasedM2: true, status: true },
  });
  if (part.shares.length)
    await tx.inheritedRelease.createMany({
      data: part.shares.map((s) => ({ hazardAreaId: created.id, reportId: s.reportId, m2: s.m2 })),
    });
  return created;
}

/** An area split in two by a polygon drawn across it: the land inside becomes the first part, the rest the second. */
export async function splitHazardArea(ctx: ChangeContext, input: Input<"split">, drawn: { geometry: Areal }) {
  const { tx, area } = ctx;
  await refuseBlocked(ctx, [area]);
  await refuseTakenCodes(
    ctx,
    input.parts.map((p) => p.code),
  );
  const shares = await releaseSharesOf(tx, area.id);
  const split = await runGeometry(
    "splitArea",
    {
      geometry: asAreal(area.geometry)!,
      areaM2: area.areaM2,
      released: asAreal(area.releasedGeometry),
      reports: shares,
    },
    drawn.geometry,
  );
  if ("refused" in split) throw geometryChangeRefused(split.refused);
  const parts = [];
  for (const [i, part] of split.ok.entries()) parts.push(await createPart(ctx, area, part, input.parts[i]!));
  await tx.hazardArea.update({ where: { id: area.id }, data: { status: "SUPERSEDED" } });
  const basis = { effectiveDate: input.effectiveDate, evidence: input.evidence };
  await recordChange(ctx, area.id, {
    kind: "SPLIT",
    ...basis,
    before: { status: area.status, areaM2: area.areaM2, releasedM2: area.releasedM2 },
    after: { status: "SUPERSEDED", parts },
    related: parts.map((p) => p.id),
  });
  for (const p of parts)
    await recordChange(ctx, p.id, {
      kind: "SPLIT",
      ...basis,
      before: { from: area.code },
      after: p,
      related: [area.id],
    });
  return { superseded: [area.code], created: parts };
}

/** This area and others of the caller's in the same governorate merged into one new area. */
export async function mergeHazardAreas(ctx: ChangeContext, input: Input<"merge">) {
  const { tx, actor, area } = ctx;
  if (input.with.includes(area.code)) throw new CommandError("invalid_request", refusal("mergeWithItself"));
  const others = await lockAreas(tx, actor, { codes: input.with });
  const missing = input.with.filter(
    (c) => !others.some((o) => o.code === c && o.status !== "SUPERSEDED" && o.status !== "WITHDRAWN"),
  );
  if (missing.length) throw new CommandError("not_found", refusal("mergeUnknownAreas", { codes: missing.join(", ") }));
  const areas = [area, ...others];
  const elsewhere = areas.filter((a) => a.governoratePcode !== area.governoratePcode);
  if (elsewhere.length)
    throw new CommandError(
      "conflict",
      refusal("mergeAcrossGovernorates", { codes: elsewhere.map((a) => a.code).join(", ") }),
    );
  await refuseBlocked(ctx, areas);
  await refuseTakenCodes(ctx, [input.code]);
  const withShares = [];
  for (const a of areas)
    withShares.push({
      code: a.code,
      geometry: asAreal(a.geometry)!,
      areaM2: a.areaM2,
      released: asAreal(a.releasedGeometry),
      shares: (await releaseSharesOf(tx, a.id)).map(({ reportId, m2 }) => ({ reportId, m2 })),
    });
  const merged = await runGeometry("mergeAreas", withShares);
  if ("refused" in merged) throw geometryChangeRefused(merged.refused);
  const created = await createPart(ctx, area, merged.ok, input, {
    // The merged area is what its most dangerous part was: confirmed if any was, every type any held, the highest priority.
    kind: areas.some((a) => a.kind === "CHA") ? "CHA" : "SHA",
    contamination: [...new Set(areas.flatMap((a) => a.contamination))],
    priorityRank: Math.min(...areas.map((a) => a.priorityRank)),
    newlyFound: areas.some((a) => a.newlyFound),
    needsInvestigation: areas.some((a) => a.needsInvestigation),
  });
  await tx.hazardArea.updateMany({ where: { id: { in: areas.map((a) => a.id) } }, data: { status: "SUPERSEDED" } });
  const basis = { effectiveDate: input.effectiveDate, evidence: input.evidence };
  for (const a of areas)
    await recordChange(ctx, a.id, {
      kind: "MERGED",
      ...basis,
      before: { status: a.status, areaM2: a.areaM2, releasedM2: a.releasedM2 },
      after: { status: "SUPERSEDED", into: created.code },
      related: [created.id],
    });
  await recordChange(ctx, created.id, {
    kind: "MERGED",
    ...basis,
    before: { from: areas.map((a) => a.code) },
    after: created,
    related: areas.map((a) => a.id),
  });
  return { superseded: areas.map((a) => a.code), created: [created] };
}
