import { validateHazardArea } from "../../domain/release-preview";
import { loadGeometryEngine } from "../../geo/engine";
import { GeometryError } from "../../geo/errors";
import { locate } from "../../geo/locate";
import { ZHazardAreaCreate } from "../../schemas/hazard-area";
import { CommandError } from "../command-error";
import { toJson } from "../json";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { bumpDataVersion } from "../cache";
import { recordAuditEvent } from "../queries/audit";
import { governorateBoundaries } from "../queries/governorates";

/**
 * An authority registers a hazardous area. The governorate is the one
 * holding the polygon's centroid, and with it the responsible authority,
 * which must be the caller's: DMA registers in federal Iraq, IKMAA in the
 * Kurdistan Region.
 */
export async function registerHazardArea(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "hazardArea:write")) throw new CommandError("forbidden", "Only a national authority registers hazardous areas.");
  const parsed = ZHazardAreaCreate.safeParse(body);
  if (!parsed.success) throw new CommandError("invalid_request", "The hazardous area is incomplete or malformed.", parsed.error.issues);
  const input = parsed.data;
  await loadGeometryEngine();
  let valid;
  try {
    valid = validateHazardArea(input.geometry);
  } catch (err) {
    if (err instanceof GeometryError) throw new CommandError("unprocessable", err.message, { problems: err.problems, repaired: err.repaired ?? null });
    throw err;
  }
  const governorate = locate(valid.geometry, await governorateBoundaries(db));
  if (!governorate) throw new CommandError("unprocessable", "The polygon's centre is outside every governorate of Iraq. Check the coordinates.");
  const { pcode, nameEn, authorityId } = governorate.properties;
  if (authorityId !== actor.organisationId) {
    throw new CommandError("forbidden", `${nameEn} (${pcode}) is not in your authority's governorates: ask the authority responsible for it to register this area.`);
  }
  if (await db.hazardArea.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw new CommandError("conflict", `A hazardous area with code ${input.code} already exists.`);
  }
  return db.$transaction(async (tx) => {
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
      },
      select: { id: true, code: true, areaM2: true, governoratePcode: true },
    });
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "hazardArea.register", entityType: "HazardArea", entityId: area.id, after: { ...area, kind: input.kind, landUse: input.landUse } });
    await bumpDataVersion(tx);
    return { ...area, notes: valid.notes };
  });
}
