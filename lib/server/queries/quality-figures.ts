// Quality management's figures on the dashboard, by operator: monitoring
// visits and inspections of the period, non-conformities open at its end,
// and the land failed inspections reopened, in the view's place and operator.
import type { Prisma } from "@/generated/prisma/client";
import { programmeDay } from "@/lib/domain/calendar";
import type { QualityByOperator } from "@/lib/domain/quality-figures";
import { type ProgressFilter, progressFilterQuery } from "@/lib/schemas/progress-filter";
import { cachedForDataVersion } from "@/lib/server/cache";
import { day, hazardAreaFilter } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { taskScope } from "@/lib/server/scopes";

/** A task in the view: one of its hazardous areas in the view's place (and contamination, land use). */
const taskInView = (f: ProgressFilter): Prisma.TaskWhereInput => ({
  hazardAreas: { some: { hazardArea: hazardAreaFilter(f) } },
});

const period = (f: ProgressFilter, to: string) => ({ ...(f.from ? { gte: day(f.from) } : {}), lte: day(to) });

/**
 * QA figures by operator for a view, over the tasks the viewer sees (cached until the figures change). Open
 * non-conformities are those found by the period's end and not closed by
 * then; overdue, those of them whose deadline had passed. Aggregates only: no
 * record's findings leave the tasks' pages.
 */
export function getQualityByOperator(db: Db, actor: Actor, f: ProgressFilter = {}): Promise<QualityByOperator[]> {
  const today = programmeDay();
  // Each viewer's own tasks (an operator its own, an authority its region's, a donor those it funds): one cache each.
  const viewer = actor.role === "ADMIN" ? "all" : `${actor.role}:${actor.organisationId}`;
  return cachedForDataVersion(db, `quality:${viewer}:${today}:${progressFilterQuery(f)}`, () =>
    compute(db, actor, f, today),
  );
}

async function compute(db: Db, actor: Actor, f: ProgressFilter, today: string): Promise<QualityByOperator[]> {
  const to = f.to && f.to < today ? f.to : today;
  const task: Prisma.TaskWhereInput = { AND: [taskInView(f), taskScope(actor)] };
  const operator = f.partner ? { operatorId: f.partner } : {};
  const [visits, openNcs, inspections] = await Promise.all([
    db.monitoringVisit.findMany({
      where: { ...operator, task, visitedOn: period(f, to) },
      select: { operatorId: true, taskId: true },
    }),
    db.nonConformity.findMany({
      where: {
        visit: { ...operator, task, visitedOn: { lte: day(to) } },
        OR: [{ closedOn: null }, { closedOn: { gt: day(to) } }],
      },
      select: { deadline: true, visit: { select: { operatorId: true, taskId: true } } },
    }),
    db.inspection.findMany({
      // An inspection's operator is the task's: it samples the land the task released.
      where: { task: { AND: [task, f.partner ? { partnerId: f.partner } : {}] }, inspectedOn: period(f, to) },
      select: { result: true, reopenedM2: true, taskId: true, task: { select: { partnerId: true } } },
    }),
  ]);
  const rows = new Map<string, Omit<QualityByOperator, "operator" | "tasks"> & { taskIds: Set<string> }>();
  const row = (operatorId: string) => {
    const found = rows.get(operatorId);
    if (found) return found;
    const made = {
      operatorId,
      visits: 0,
      openNonConformities: 0,
      overdueNonConformities: 0,
      inspectionsPassed: 0,
      inspectionsFailed: 0,
      reopenedM2: 0,
      taskIds: new Set<string>(),
    };
    rows.set(operatorId, made);
    return made;
  };
  for (const v of visits) {
    const r = row(v.operatorId);
    r.visits += 1;
    r.taskIds.add(v.taskId);
  }
  for (const n of openNcs) {
    const r = row(n.visit.operatorId);
    r.openNonConformities += 1;
    if (n.deadline.toISOString().slice(0, 10) < to) r.overdueNonConformities += 1;
    r.taskIds.add(n.visit.taskId);
  }
  for (const i of inspections) {
    if (!i.task.partnerId) continue;
    const r = row(i.task.partnerId);
    if (i.result === "PASSED") r.inspectionsPassed += 1;
    else r.inspectionsFailed += 1;
    r.reopenedM2 += i.reopenedM2;
    r.taskIds.add(i.taskId);
  }
  const ids = [...rows.keys()];
  const taskIds = [...new Set([...rows.values()].flatMap((r) => [...r.taskIds]))];
  const [names, codes] = await Promise.all([
    db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, code: true } }),
  ]);
  const name = new Map(names.map((o) => [o.id, o.name]));
  const code = new Map(codes.map((c) => [c.id, c.code]));
  return [...rows.values()]
    .map(({ taskIds: tasks, ...r }) => ({
      ...r,
      operator: name.get(r.operatorId) ?? r.operatorId,
      tasks: [...tasks].map((id) => ({ id, code: code.get(id) ?? id })).sort((a, b) => a.code.localeCompare(b.code)),
    }))
    .sort((a, b) => a.operator.localeCompare(b.operator));
}
