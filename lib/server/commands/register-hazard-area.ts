import { bbox } from "@turf/turf";
import { blockingOverlaps, OVERLAP_TOLERANCE_M2 } from "@/lib/domain/hazard-area-overlap";
import { GeometryError } from "@/lib/geo/errors";
import { locate } from "@/lib/geo/locate";
import { GOVERNORATE_NAMES, governorateName } from "@/lib/i18n/names";
import { refusal } from "@/lib/i18n/refusals";
import { ZHazardAreaCreate } from "@/lib/schemas/hazard-area";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, geometryRefusal, parseOrRefuse } from "@/lib/server/command-error";
import { runGeometry, TRANSACTION_WITH_GEOMETRY_MS } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { hazardAreaCodeTaken } from "@/lib/server/queries/field-checks";
import { findGovernorate, governorateBoundaries } from "@/lib/server/queries/governorates";
import { hazardAreasInBox } from "@/lib/server/queries/hazard-areas";
import { asAreal } from "@/lib/server/queries/land-release";
import { recordFoundOnReleasedLand } from "./found-on-released-land";
import { lockRegister, overlapRefusal } from "./hazard-area-change-record";

/**
 * An authority registers a hazardous area. The governorate is the one
 * holding the polygon's centroid, and with it the responsible authority,
 * which must be the caller's: DMA registers in federal Iraq, IKMAA in the
 * Kurdistan Region. Land still to release in a registered hazardous area is
 * refused (see hazard-area-overlap.ts), checked one registration at a time;
 * land an area has released may be registered again, as newly found
 * contamination linked to the releases it was found on.
 */
export async function registerHazardArea(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "hazardArea:write")) throw new CommandError("forbidden", refusal("onlyAuthorityRegisters"));
  const input = parseOrRefuse(ZHazardAreaCreate, body, "hazardAreaMalformed");
  let valid: Awaited<ReturnType<typeof runGeometry<"validateHazardArea">>>;
  try {
    valid = await runGeometry("validateHazardArea", input.geometry);
  } catch (err) {
    if (err instanceof GeometryError) throw geometryRefusal(err);
    throw err;
  }
  const boundaries = await governorateBoundaries(db);
  const governorate = locate(valid.geometry, boundaries);
  if (!governorate) throw new CommandError("unprocessable", refusal("outsideEveryGovernorate"));
  const { pcode, authorityId } = governorate.properties;
  if (authorityId !== actor.organisationId) {
    // Located among the boundaries read from the same rows, so it is there.
    const names = (await findGovernorate(db, pcode))!;
    throw new CommandError(
      "forbidden",
      refusal("governorateNotYoursToRegister", { governorate: (l) => governorateName(names, l), pcode }),
    );
  }
  if (await hazardAreaCodeTaken(db, input.code)) {
    throw new CommandError("conflict", refusal("hazardCodeTaken", { code: input.code }));
  }
  return db.$transaction(
    async (tx) => {
      // One registration at a time, so two overlapping areas registered at once cannot both pass the check.
      await lockRegister(tx);
      const registered = await hazardAreasInBox(tx, bbox(valid.geometry));
      const found = await runGeometry(
        "overlapsWithRegistered",
        valid.geometry,
        registered.map((r) => ({ ...r, geometry: asAreal(r.geometry)!, released: asAreal(r.releasedGeometry) })),
      );
      const overlaps = blockingOverlaps(found);
      if (overlaps.length) throw overlapRefusal(overlaps);
      // Land an earlier area released, found contaminated again: a new area, newly found, flagged for investigation.
      const onReleased = found.filter((o) => o.onReleasedM2 >= OVERLAP_TOLERANCE_M2);
      const area = await tx.hazardArea.create({
        data: {
          code: input.code,
          name: input.name,
          kind: input.kind,
          contamination: input.contamination,
          landUse: input.landUse,
          priorityRank: input.priorityRank,
          governoratePcode: pcode,
          authorityId,
          geometry: toJson(valid.geometry),
          areaM2: valid.areaM2,
          createdById: actor.id,
          ...(onReleased.length ? { newlyFound: true, needsInvestigation: true } : {}),
        },
        select: {
          id: true,
          code: true,
          areaM2: true,
          governoratePcode: true,
          governorate: { select: GOVERNORATE_NAMES },
        },
      });
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "hazardArea.register",
        entityType: "HazardArea",
        entityId: area.id,
        after: { ...area, kind: input.kind, landUse: input.landUse },
      });
      if (onReleased.length) await recordFoundOnReleasedLand(tx, actor, area.id, valid.geometry, onReleased);
      await bumpDataVersion(tx);
      return { ...area, newlyFound: onReleased.length > 0, notes: valid.notes };
    },
    { timeout: TRANSACTION_WITH_GEOMETRY_MS, maxWait: TRANSACTION_WITH_GEOMETRY_MS },
  );
}
