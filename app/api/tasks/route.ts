import { NextResponse } from "next/server";
import { createTask } from "@/lib/server/commands/create-task";
import { jsonBody, pageParam, withPermission } from "@/lib/server/http";
import { LIST_PAGE_SIZE } from "@/lib/server/queries/paging";
import { taskPage } from "@/lib/server/queries/tasks";

/** The caller's tasks, 100 a page (`?page=`): a partner its own, an authority those it assigned, an admin all. */
export const GET = withPermission("task:read", async ({ req, user, db }) => {
  const page = pageParam(req);
  const { total, rows: tasks } = await taskPage(db, user, page);
  return NextResponse.json({
    total,
    page,
    pageSize: LIST_PAGE_SIZE,
    items: tasks.map((t) => ({
      id: t.id,
      code: t.code,
      title: t.title,
      status: t.status.toLowerCase(),
      priority: t.priority,
      partner: t.partner?.name ?? null,
      hazardAreas: t.hazardAreas.map((h) => ({
        code: h.hazardArea.code,
        areaM2: h.hazardArea.areaM2,
        releasedM2: h.hazardArea.releasedM2,
      })),
    })),
  });
});

/** An authority issues a task order (assigned when it names a partner). */
export const POST = withPermission("task:assign", async ({ req, user, db }) => {
  const task = await createTask(db, user, await jsonBody(req));
  return NextResponse.json({ id: task.id, code: task.code, status: task.status.toLowerCase() }, { status: 201 });
});
