// What every change to a hazardous area shares: the register's lock, the
// entry in the area's history with its audit event, and the refusal of a
// change's geometry in the words of its reason.
import type { Prisma } from "@/generated/prisma/client";
import { programmeDay } from "@/lib/domain/calendar";
import { type HazardAreaStatus, settledStatus } from "@/lib/domain/hazard-area-status";
import type { RegisterChangeError } from "@/lib/domain/register-changes";
import { formatM2 } from "@/lib/i18n/format";
import { type RefusalKey, refusal } from "@/lib/i18n/refusals";
import { CommandError, fieldIssue } from "@/lib/server/command-error";
import { toJson } from "@/lib/server/json";
import type { Actor } from "@/lib/server/permissions";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import type { LivingArea } from "@/lib/server/queries/hazard-area-life";

type Tx = Prisma.TransactionClient;
export type ChangeContext = { tx: Tx; actor: Actor; area: LivingArea };

/** The register's lock: registrations, imports and changes of geometry take turns, so no two check overlaps at once. */
export const lockRegister = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('hazardArea.register'))`;

/** A refusal of a change's geometry, in the words of its reason. */
export function geometryChangeRefused(refused: {
  reason: RegisterChangeError["reason"];
  values: RegisterChangeError["values"];
}) {
  const m2 = (key: string) => (l: string) => formatM2(Number(refused.values[key] ?? 0), l);
  const values = {
    ...refused.values,
    insideM2: m2("insideM2"),
    outsideM2: m2("outsideM2"),
    sharedM2: m2("sharedM2"),
  };
  return new CommandError("unprocessable", refusal(refused.reason as RefusalKey, values), [
    fieldIssue(["geometry"], refused.reason as RefusalKey, values),
  ]);
}

/** One entry of an area's history, with its audit event. */
export async function recordChange(
  { tx, actor }: Pick<ChangeContext, "tx" | "actor">,
  areaId: string,
  change: {
    kind: Prisma.HazardAreaChangeCreateManyInput["kind"];
    effectiveDate: string;
    evidence: string;
    before?: object;
    after?: object;
    related?: string[];
  },
) {
  await tx.hazardAreaChange.create({
    data: {
      hazardAreaId: areaId,
      kind: change.kind,
      effectiveDate: new Date(change.effectiveDate),
      evidence: change.evidence,
      before: change.before === undefined ? undefined : toJson(change.before),
      after: change.after === undefined ? undefined : toJson(change.after),
      relatedAreaIds: change.related ?? [],
      byId: actor.id,
    },
  });
  await recordAuditEvent(tx, {
    actorUserId: actor.id,
    // One name per kind of change (hazardArea.change.SPLIT …), each in the audit trail's catalogue.
    action: `hazardArea.change.${change.kind}`,
    entityType: "HazardArea",
    entityId: areaId,
    ...(change.before ? { before: toJson(change.before) } : {}),
    after: toJson({ ...change.after, evidence: change.evidence, effectiveDate: change.effectiveDate }),
  });
}

/** The refusal of a polygon that takes land still to release in registered areas, naming each and how much. */
export function overlapRefusal(overlaps: readonly { code: string; name: string; overlapM2: number }[]) {
  const list = (l: string) =>
    overlaps
      .map((o) => `\u2066${o.code}\u2069 (${o.name}): ${formatM2(o.overlapM2, l)}`)
      .join(l === "en" ? "; " : "؛ ");
  return new CommandError("conflict", refusal("hazardAreaOverlaps", { list }), [
    fieldIssue(["geometry"], "overlapsRegisteredArea"),
  ]);
}

/**
 * An area whose released land moved: one released to the last m² closes, one
 * given land back opens again, each as an entry in its history saying why.
 */
export async function settleReleasedArea(
  { tx, actor }: Pick<ChangeContext, "tx" | "actor">,
  area: { id: string; status: HazardAreaStatus; areaM2: number; releasedM2: number },
  releasedM2: number,
  cause: object,
  /** The status it had before the change now taken back closed it (a suspended area reopens suspended). */
  reopenAs?: HazardAreaStatus,
) {
  const plain = settledStatus(area.status, area.areaM2, releasedM2);
  const settled = plain === "ACTIVE" && area.status === "CLOSED" && reopenAs === "SUSPENDED" ? reopenAs : plain;
  if (settled === area.status) return;
  await tx.hazardArea.update({ where: { id: area.id }, data: { status: settled } });
  await recordChange({ tx, actor }, area.id, {
    kind: settled === "CLOSED" ? "CLOSED" : "REOPENED",
    effectiveDate: programmeDay(),
    evidence: "",
    before: { status: area.status, releasedM2: area.releasedM2 },
    after: { status: settled, releasedM2, ...cause },
  });
}
