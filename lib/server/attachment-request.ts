// The record a request about attachments names (`?subjectType=&subjectId=`), shared by the list and the zip.
import "server-only";
import { refusal } from "@/lib/i18n/refusals";
import { ZAttachmentSubject } from "@/lib/schemas/attachment";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { attachmentsOf } from "@/lib/server/queries/attachments";

/** The named record's attachments the caller may see; 400 when the query is malformed, 404 when the record is not theirs to see. */
export async function attachmentsOfRequest(db: Db, actor: Actor, req: Request) {
  const q = new URL(req.url).searchParams;
  const { subjectType, subjectId } = parseOrRefuse(
    ZAttachmentSubject,
    { subjectType: q.get("subjectType") ?? undefined, subjectId: q.get("subjectId") ?? undefined },
    "attachmentMalformed",
  );
  const found = await attachmentsOf(db, actor, subjectType, subjectId);
  if (!found) throw new CommandError("not_found", refusal("attachmentNoSuchRecord"));
  return { ...found, subjectType };
}
