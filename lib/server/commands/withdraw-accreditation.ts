import { refusal } from "@/lib/i18n/refusals";
import { ZAccreditationWithdrawal } from "@/lib/schemas/accreditation";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { findAccreditation } from "@/lib/server/queries/accreditations";
import { recordAuditEvent } from "@/lib/server/queries/audit";

/**
 * The issuing authority withdraws or suspends an accreditation from a day on, with the reason. Set once: the record
 * and its history stay, and restoring it is a new accreditation. Tasks already issued keep their operator; new task
 * orders and assignments to it are refused from that day.
 */
export async function withdrawAccreditation(db: Db, actor: Actor, accreditationId: string, body: unknown) {
  if (!can(actor, "accreditation:manage")) throw new CommandError("forbidden", refusal("onlyAuthorityAccredits"));
  const input = parseOrRefuse(ZAccreditationWithdrawal, body, "accreditationWithdrawalMalformed");
  const found = await findAccreditation(db, actor, accreditationId);
  if (!found) throw new CommandError("not_found", refusal("noSuchAccreditation"));
  return db.$transaction(async (tx) => {
    // Only a standing record is withdrawn, so two withdrawals sent at once leave the first one's day and reason.
    const withdrawn = await tx.accreditation.updateMany({
      where: { id: found.id, withdrawnOn: null },
      data: {
        withdrawnOn: new Date(`${input.withdrawnOn}T00:00:00Z`),
        withdrawnById: actor.id,
        withdrawalReason: input.reason,
      },
    });
    if (withdrawn.count !== 1) {
      const now = await tx.accreditation.findUniqueOrThrow({ where: { id: found.id }, select: { withdrawnOn: true } });
      throw new CommandError(
        "conflict",
        refusal("accreditationAlreadyWithdrawn", { withdrawnOn: now.withdrawnOn!.toISOString().slice(0, 10) }),
      );
    }
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "accreditation.withdraw",
      entityType: "Accreditation",
      entityId: found.id,
      before: { withdrawnOn: null },
      after: { withdrawnOn: input.withdrawnOn, reason: input.reason },
    });
    await bumpDataVersion(tx);
    return { id: found.id, reference: found.reference, withdrawnOn: input.withdrawnOn };
  });
}
