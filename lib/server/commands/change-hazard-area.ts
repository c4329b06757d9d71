import { bbox } from "@turf/turf";
import type { Prisma } from "@/generated/prisma/client";
import { blockingOverlaps } from "@/lib/domain/hazard-area-overlap";
import { settledStatus } from "@/lib/domain/hazard-area-status";
import { GeometryError } from "@/lib/geo/errors";
import { locate } from "@/lib/geo/locate";
import { governorateName } from "@/lib/i18n/names";
import { refusal } from "@/lib/i18n/refusals";
import { type THazardAreaChange, ZHazardAreaChange } from "@/lib/schemas/hazard-area-change";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, geometryRefusal, parseOrRefuse } from "@/lib/server/command-error";
import { runGeometry, TRANSACTION_WITH_GEOMETRY_MS } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { findGovernorate, governorateBoundaries } from "@/lib/server/queries/governorates";
import { lockAreas } from "@/lib/server/queries/hazard-area-life";
import { hazardAreasInBox } from "@/lib/server/queries/hazard-areas";
import { asAreal } from "@/lib/server/queries/land-release";
import {
  type ChangeContext,
  geometryChangeRefused,
  lockRegister,
  overlapRefusal,
  recordChange,
} from "./hazard-area-change-record";
import { mergeHazardAreas, splitHazardArea } from "./split-merge-hazard-areas";

/**
 * An authority changes one of its hazardous areas: reclassifies it, revises
 * its boundary, splits it, merges others into it, suspends, reopens or closes
 * it, or closes the investigation of contamination found on released land.
 * Each change is one transaction under the register's lock, recorded in the
 * area's history and the audit trail.
 */
export async function changeHazardArea(db: Db, actor: Actor, id: string, body: unknown) {
  if (!can(actor, "hazardArea:write")) throw new CommandError("forbidden", refusal("onlyAuthorityChangesAreas"));
  const input = parseOrRefuse(ZHazardAreaChange, body, "hazardAreaChangeMalformed");
  // The drawn polygon is checked before any lock is taken: a bad one refuses the change at once.
  const drawn = input.change === "revise" || input.change === "split" ? await validPolygon(input.geometry) : undefined;
  return db.$transaction(
    async (tx) => {
      await lockRegister(tx);
      const [area] = await lockAreas(tx, actor, { ids: [id] });
      if (!area) throw new CommandError("not_found", refusal("noSuchHazardAreaOfYours"));
      if (area.status === "SUPERSEDED" || area.status === "WITHDRAWN")
        throw new CommandError(
          "conflict",
          refusal("hazardAreaNotInRegister", { code: area.code, status: area.status.toLowerCase() }),
        );
      const ctx = { tx, actor, area };
      const result =
        input.change === "split"
          ? await splitHazardArea(ctx, input, drawn!)
          : input.change === "merge"
            ? await mergeHazardAreas(ctx, input)
            : input.change === "revise"
              ? await reviseBoundary(ctx, input, drawn!)
              : input.change === "reclassify"
                ? await reclassify(ctx, input)
                : await changeStatus(ctx, input);
      await bumpDataVersion(tx);
      return result;
    },
    { timeout: TRANSACTION_WITH_GEOMETRY_MS, maxWait: TRANSACTION_WITH_GEOMETRY_MS },
  );
}

async function validPolygon(geometry: unknown) {
  try {
    return await runGeometry("validateHazardArea", geometry);
  } catch (err) {
    if (err instanceof GeometryError) throw geometryRefusal(err);
    throw err;
  }
}

type Input<C extends THazardAreaChange["change"]> = Extract<THazardAreaChange, { change: C }>;

async function reclassify({ tx, actor, area }: ChangeContext, input: Input<"reclassify">) {
  const kind = input.kind ?? area.kind;
  const contamination = input.contamination ?? area.contamination;
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  if (kind === area.kind && same(contamination, area.contamination))
    throw new CommandError("conflict", refusal("reclassifyChangesNothing", { code: area.code }));
  await tx.hazardArea.update({ where: { id: area.id }, data: { kind, contamination } });
  await recordChange({ tx, actor }, area.id, {
    kind: "RECLASSIFIED",
    effectiveDate: input.effectiveDate,
    evidence: input.evidence,
    before: { kind: area.kind, contamination: area.contamination },
    after: { kind, contamination },
  });
  return { id: area.id, code: area.code, kind, contamination };
}

async function reviseBoundary(
  { tx, actor, area }: ChangeContext,
  input: Input<"revise">,
  drawn: { geometry: import("@/lib/geo/boolean").Areal; areaM2: number },
) {
  const released = asAreal(area.releasedGeometry);
  const check = await runGeometry("checkRevision", drawn.geometry, released);
  if ("refused" in check) throw geometryChangeRefused(check.refused);
  const governorate = locate(drawn.geometry, await governorateBoundaries(tx as unknown as Db));
  if (!governorate) throw new CommandError("unprocessable", refusal("outsideEveryGovernorate"));
  const { pcode, authorityId } = governorate.properties;
  if (authorityId !== actor.organisationId) {
    const names = (await findGovernorate(tx as unknown as Db, pcode))!;
    throw new CommandError(
      "forbidden",
      refusal("governorateNotYoursToRegister", { governorate: (l) => governorateName(names, l), pcode }),
    );
  }
  const others = (await hazardAreasInBox(tx, bbox(drawn.geometry))).filter((o) => o.id !== area.id);
  const blocking = blockingOverlaps(
    await runGeometry(
      "overlapsWithRegistered",
      drawn.geometry,
      others.map((o) => ({ ...o, geometry: asAreal(o.geometry)!, released: asAreal(o.releasedGeometry) })),
      released,
    ),
  );
  if (blocking.length) throw overlapRefusal(blocking);
  const status = settledStatus(area.status, check.ok.areaM2, area.releasedM2);
  await tx.hazardArea.update({
    where: { id: area.id },
    data: { geometry: toJson(drawn.geometry), areaM2: check.ok.areaM2, governoratePcode: pcode, status },
  });
  await recordChange({ tx, actor }, area.id, {
    kind: "BOUNDARY_REVISED",
    effectiveDate: input.effectiveDate,
    evidence: input.evidence,
    // The boundary it had is kept here: history is never erased.
    before: { geometry: area.geometry, areaM2: area.areaM2, governoratePcode: area.governoratePcode },
    after: { areaM2: check.ok.areaM2, governoratePcode: pcode, ...(status !== area.status ? { status } : {}) },
  });
  return { id: area.id, code: area.code, areaM2: check.ok.areaM2, status };
}

async function changeStatus(
  { tx, actor, area }: ChangeContext,
  input: Input<"suspend" | "reopen" | "withdraw" | "closeInvestigation">,
) {
  const values = { code: area.code, status: area.status.toLowerCase() };
  let data: Prisma.HazardAreaUpdateInput;
  let kind: "SUSPENDED" | "REOPENED" | "WITHDRAWN" | "INVESTIGATION_CLOSED";
  switch (input.change) {
    case "suspend":
      if (area.status !== "ACTIVE") throw new CommandError("conflict", refusal("onlyActiveSuspended", values));
      [data, kind] = [{ status: "SUSPENDED" }, "SUSPENDED"];
      break;
    case "reopen":
      if (area.status !== "SUSPENDED") throw new CommandError("conflict", refusal("onlySuspendedReopens", values));
      [data, kind] = [{ status: "ACTIVE" }, "REOPENED"];
      break;
    case "withdraw": {
      // Land released in it, or a task on it, makes it real: correct it by revision, split or merge instead.
      const used = await tx.hazardArea.findFirst({
        where: { id: area.id, OR: [{ reports: { some: {} } }, { tasks: { some: {} } }, { inherited: { some: {} } }] },
        select: { id: true },
      });
      if (used) throw new CommandError("conflict", refusal("areaInUseNotWithdrawn", values));
      [data, kind] = [{ status: "WITHDRAWN" }, "WITHDRAWN"];
      break;
    }
    case "closeInvestigation":
      if (!area.needsInvestigation) throw new CommandError("conflict", refusal("noInvestigationOpen", values));
      [data, kind] = [{ needsInvestigation: false }, "INVESTIGATION_CLOSED"];
      break;
  }
  await tx.hazardArea.update({ where: { id: area.id }, data });
  await recordChange({ tx, actor }, area.id, {
    kind,
    effectiveDate: input.effectiveDate,
    evidence: input.evidence,
    before: { status: area.status, needsInvestigation: area.needsInvestigation },
    after: data,
  });
  return { id: area.id, code: area.code, ...data };
}
