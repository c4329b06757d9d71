import { NextResponse } from "next/server";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { getTask } from "@/lib/server/queries/tasks";

export const GET = withPermission<{ id: string }>("task:read", async ({ user, db, params }) => {
  const task = await getTask(db, user, params.id);
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  return NextResponse.json(task);
});
