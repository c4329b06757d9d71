// Taking an import back: its areas leave the register while none of them has
// been given a task, a report or a baseline record, and the areas its rows
// merged into get their boundary back; nothing else is touched. An import of
// past releases takes them out of the figures (withdraw-release-import.ts). A
// preview not committed is simply discarded. The areas' codes stay in the
// audit trail and the import's rows, so what was withdrawn can be read.
import type { Prisma } from "@/generated/prisma/client";
import { refusal } from "@/lib/i18n/refusals";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError } from "@/lib/server/command-error";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { refreshRegisterStatistics } from "@/lib/server/queries/hazard-areas";
import { ownImport } from "./commit-register-import";
import { lockRegister } from "./hazard-area-change-record";
import { revertMerges } from "./import-merges";
import { WITHDRAW_BUDGET_MS, withdrawReleases } from "./withdraw-release-import";

export async function withdrawRegisterImport(db: Db, actor: Actor, id: string) {
  const found = await ownImport(db, actor, id);
  if (found.status === "WITHDRAWN") throw new CommandError("conflict", refusal("importWithdrawnAlready"));
  if (found.status === "COMMITTING") throw new CommandError("conflict", refusal("importStillCommitting"));
  if (found.kind === "RELEASES" && found.status === "COMMITTED")
    return db.$transaction(
      async (tx) => {
        // Claimed first: a second withdrawal at the same moment finds it withdrawn, and takes nothing back twice.
        const claimed = await tx.registerImport.updateMany({
          where: { id, status: "COMMITTED" },
          data: { status: "WITHDRAWN" },
        });
        if (!claimed.count) throw new CommandError("conflict", refusal("importWithdrawnAlready"));
        const taken = await withdrawReleases(tx, actor, found);
        await markWithdrawn(tx, actor, found, taken);
        await bumpDataVersion(tx);
        return { id, status: "withdrawn" as const, removed: taken.reports };
      },
      { timeout: WITHDRAW_BUDGET_MS * 2, maxWait: WITHDRAW_BUDGET_MS },
    );
  const withdrawn = await db.$transaction(
    async (tx) => {
      await lockRegister(tx);
      // Claimed first, as it stood when read: a commit that began meanwhile keeps it (and it is refused here).
      const claimed = await tx.registerImport.updateMany({
        where: { id, status: found.status },
        data: { status: "WITHDRAWN" },
      });
      if (!claimed.count) throw new CommandError("conflict", refusal("importStillCommitting"));
      const areas = await tx.hazardArea.findMany({
        where: { importId: id },
        select: {
          id: true,
          code: true,
          areaM2: true,
          _count: { select: { tasks: true, reports: true, changes: true } },
        },
      });
      const baselines = await tx.contaminationBaseline.findMany({
        where: { hazardAreaId: { in: areas.map((a) => a.id) } },
        select: { hazardAreaId: true },
      });
      const inUse = areas.filter(
        // An area changed since (reclassified, split, merged …) has a life of its own in the register.
        (a) =>
          a._count.tasks > 0 ||
          a._count.reports > 0 ||
          a._count.changes > 0 ||
          baselines.some((b) => b.hazardAreaId === a.id),
      );
      if (inUse.length)
        throw new CommandError(
          "conflict",
          refusal("importInUse", {
            count: inUse.length,
            codes: inUse
              .slice(0, 10)
              .map((a) => a.code)
              .join(", "),
          }),
        );
      // Land its rows merged into areas held before it goes back out of them: those areas get their boundary back.
      const unmerged = await revertMerges(tx, actor, id);
      const removed = await tx.hazardArea.deleteMany({ where: { importId: id } });
      await markWithdrawn(tx, actor, found, {
        areas: areas.map((a) => a.code),
        areaM2: areas.reduce((s, a) => s + a.areaM2, 0),
        ...(unmerged.length ? { unmerged } : {}),
      });
      if (removed.count || unmerged.length) await bumpDataVersion(tx);
      return { id, status: "withdrawn" as const, removed: removed.count, unmerged: unmerged.length };
      // Giving thousands of merged areas their boundary back, with their history, takes longer than an ordinary write.
    },
    { timeout: WITHDRAW_BUDGET_MS * 2, maxWait: WITHDRAW_BUDGET_MS },
  );
  if (withdrawn.removed) await refreshRegisterStatistics(db);
  return withdrawn;
}

async function markWithdrawn(
  tx: Prisma.TransactionClient,
  actor: Actor,
  found: { id: string; status: string },
  taken: object,
) {
  await tx.registerImport.update({
    where: { id: found.id },
    data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawnById: actor.id },
  });
  await recordAuditEvent(tx, {
    actorUserId: actor.id,
    action: "registerImport.withdraw",
    entityType: "RegisterImport",
    entityId: found.id,
    before: { status: found.status, ...taken },
  });
}
