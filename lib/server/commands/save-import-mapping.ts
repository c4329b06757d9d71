// An authority's column mapping kept under a name, to read the next export of
// the same source with (IMSMA NG's is built in). Saving under a name already
// used replaces that mapping; the audit event keeps what it was before.
import { refusal } from "@/lib/i18n/refusals";
import { ZSavedImportMapping } from "@/lib/schemas/register-import";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";

export async function saveImportMapping(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "register:import") || !actor.organisationId)
    throw new CommandError("forbidden", refusal("onlyAuthorityImports"));
  const { name, mapping } = parseOrRefuse(ZSavedImportMapping, body, "importMappingMalformed");
  const authorityId = actor.organisationId;
  return db.$transaction(async (tx) => {
    const before = await tx.savedImportMapping.findUnique({
      where: { authorityId_name: { authorityId, name } },
      select: { mapping: true },
    });
    const saved = await tx.savedImportMapping.upsert({
      where: { authorityId_name: { authorityId, name } },
      create: { authorityId, name, mapping: toJson(mapping), savedById: actor.id },
      update: { mapping: toJson(mapping), savedById: actor.id, savedAt: new Date() },
      select: { id: true, name: true, mapping: true, savedAt: true },
    });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "registerImport.mappingSaved",
      entityType: "SavedImportMapping",
      entityId: saved.id,
      ...(before ? { before: { name, mapping: before.mapping } } : {}),
      after: { name, mapping },
    });
    return { ...saved, builtIn: false, replaced: before !== null };
  });
}
