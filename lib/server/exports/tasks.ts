// Tasks in the caller's scope, of the view's partner, on hazardous areas in the view.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { batches } from "@/lib/exports/stream";
import type { Column } from "@/lib/exports/table";
import { hazardAreaFilter, partnerFilter } from "@/lib/server/filters";
import { TASK_HEADING } from "@/lib/server/queries/tasks";
import { taskScope } from "@/lib/server/scopes";
import { codeColumn, m2Column } from "./columns";
import { tabular } from "./dataset";

const TASK_SELECT = {
  ...TASK_HEADING,
  createdAt: true,
  authority: { select: { name: true } },
  partner: { select: { name: true } },
  hazardAreas: { select: { hazardArea: { select: { code: true, areaM2: true } } } },
  reports: { where: { status: "APPROVED" }, select: { countedAreaM2: true } },
} satisfies Prisma.TaskSelect;
type TaskRow = Prisma.TaskGetPayload<{ select: typeof TASK_SELECT }>;

const COLUMNS: Column<TaskRow>[] = [
  { header: "taskCode", hxl: "#activity+code", type: "string", value: (t) => t.code, width: 18 },
  { header: "title", hxl: "#activity+name", type: "string", value: (t) => t.title, width: 36 },
  codeColumn("status", "#status", "taskStatus", (t) => t.status),
  { header: "priority", hxl: "#priority", type: "integer", value: (t) => t.priority },
  { header: "authority", hxl: "#org+authority", type: "string", value: (t) => t.authority.name, width: 28 },
  { header: "partner", hxl: "#org+impl", type: "string", value: (t) => t.partner?.name ?? null, width: 28 },
  {
    header: "hazardAreaCodes",
    hxl: "#loc+hazard+code",
    type: "string",
    value: (t) => t.hazardAreas.map((h) => h.hazardArea.code).join(";"),
    width: 24,
  },
  m2Column("hazardAreaM2", "#targeted+area", (t) => t.hazardAreas.reduce((s, h) => s + h.hazardArea.areaM2, 0)),
  m2Column("releasedM2", "#output+area+counted", (t) => t.reports.reduce((s, r) => s + r.countedAreaM2, 0)),
  { header: "plannedStart", hxl: "#date+start", type: "date", value: (t) => t.plannedStart },
  { header: "plannedEnd", hxl: "#date+end", type: "date", value: (t) => t.plannedEnd },
  { header: "createdAt", hxl: "#date+created", type: "datetime", value: (t) => t.createdAt, width: 18 },
];

export const tasks = tabular("tasks", "Tasks", "task:read", COLUMNS, async (db, actor, f) => {
  const area = hazardAreaFilter(f);
  const where: Prisma.TaskWhereInput = {
    AND: [
      taskScope(actor),
      partnerFilter(f),
      Object.keys(area).length ? { hazardAreas: { some: { hazardArea: area } } } : {},
    ],
  };
  return {
    count: () => db.task.count({ where }),
    rows: () => batches((p) => db.task.findMany({ where, select: TASK_SELECT, ...p })),
  };
});
