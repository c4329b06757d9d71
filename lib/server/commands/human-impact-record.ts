// What recording a risk education session and recording an accident share
// (record-risk-education-session.ts, record-casualty-incident.ts): a record
// is never edited; a correction is a new record naming the one it replaces,
// a withdrawal one that should not have been made at all.
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { type RefusalKey, refusal } from "@/lib/i18n/refusals";
import { isWithdrawal, ZWithdrawal } from "@/lib/schemas/human-impact";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { findGovernorate } from "@/lib/server/queries/governorates";

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A record's clientRef (a withdrawal has none: it is made online, from the record's list). */
export const clientRefOf = (input: object): string | null =>
  "clientRef" in input && typeof input.clientRef === "string" ? input.clientRef : null;

export async function governorate(db: Db, pcode: string) {
  const g = await findGovernorate(db, pcode);
  if (!g)
    throw new CommandError("invalid_request", refusal("unknownPcode", { pcode }), [
      fieldIssue(["governorate"], "unknownPcodeField"),
    ]);
  return g;
}

type Replaceable = { supersededBy: { id: string } | null };

/** The record a correction or withdrawal names: the caller's to correct, and still counted. */
function replaceable<T extends Replaceable>(record: T | null): T {
  if (!record)
    throw new CommandError("not_found", refusal("noSuchRecordToCorrect"), [
      fieldIssue(["supersedesId"], "notYourRecordInForce"),
    ]);
  if (record.supersededBy) throw new CommandError("conflict", refusal("recordAlreadyCorrected"));
  return record;
}

/**
 * The body read as a withdrawal or as a record (perhaps correcting another),
 * with the record it replaces, found by `findReplaced` among the caller's own.
 */
export async function parseRecordOrWithdrawal<
  S extends z.ZodType<{ supersedesId?: string; correctionNote?: string }>,
  R extends Replaceable,
>(body: unknown, schema: S, malformed: RefusalKey, findReplaced: (id: string) => Promise<R | null>) {
  const withdrawing = isWithdrawal(body);
  const input: z.output<typeof ZWithdrawal> | z.output<S> = withdrawing
    ? parseOrRefuse(ZWithdrawal, body, "withdrawalMalformed")
    : parseOrRefuse(schema, body, malformed);
  const replaced = input.supersedesId ? replaceable(await findReplaced(input.supersedesId)) : null;
  return { withdrawing, input, replaced };
}

const ENTITY = {
  riskEducation: "RiskEducationSession",
  casualty: "CasualtyIncident",
  victimAssistance: "VictimAssistanceRecord",
} as const;
export type Correction = { recordedById: string; supersedesId: string | null; correctionNote: string | null };

/**
 * Writes a record, its correction or its withdrawal in one transaction, with
 * its audit event (the replaced record as "before") and the data-version bump.
 * Two corrections of one record that arrive at once: the unique supersedesId
 * lets one through, the other is told it was already corrected. A submission
 * sent again with its clientRef is answered with the record it made (replayed).
 */
export async function writeRecord<I extends { supersedesId?: string; correctionNote?: string }>(
  db: Db,
  actor: Actor,
  kind: keyof typeof ENTITY,
  input: I,
  withdrawing: boolean,
  replaced: { id: string; supersededBy: unknown } | null,
  create: (tx: Prisma.TransactionClient, correction: Correction) => Promise<{ id: string }>,
  /** The record an earlier sending of this submission made (its clientRef), if any. */
  earlier: () => Promise<{ id: string } | null> = async () => null,
) {
  // Sent again from a device's queue after a lost answer: the record already made, not a second one.
  const made = await earlier();
  if (made) return { id: made.id, ...input, replayed: true };
  try {
    return await db.$transaction(async (tx) => {
      const record = await create(tx, {
        recordedById: actor.id,
        supersedesId: replaced?.id ?? null,
        correctionNote: input.correctionNote ?? null,
      });
      const { supersededBy: _, ...before } = replaced ?? { supersededBy: null };
      const action = `${kind}.${withdrawing ? "withdraw" : input.supersedesId ? "correct" : "record"}`;
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action,
        entityType: ENTITY[kind],
        entityId: record.id,
        ...(replaced ? { before } : {}),
        after: input,
      });
      await bumpDataVersion(tx);
      return { id: record.id, ...input, replayed: false };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      // The same submission sent twice at once: the second finds the first's record.
      const first = await earlier();
      if (first) return { id: first.id, ...input, replayed: true };
      throw new CommandError("conflict", refusal("recordAlreadyCorrected"));
    }
    throw err;
  }
}
