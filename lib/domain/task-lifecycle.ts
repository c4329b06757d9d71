// A task order's lifecycle (IMAS practice): planned → assigned → in progress
// → completed → handed over, or cancelled before it is completed. Each step
// belongs to one side: the authority plans, assigns, accepts the handover and
// cancels; the partner starts the work and completes it.

export type TaskStatus = "PLANNED" | "ASSIGNED" | "IN_PROGRESS" | "COMPLETED" | "HANDED_OVER" | "CANCELLED";
export type TaskActorSide = "AUTHORITY" | "PARTNER";

const TRANSITIONS: Record<TaskStatus, Partial<Record<TaskStatus, TaskActorSide>>> = {
  PLANNED: { ASSIGNED: "AUTHORITY", CANCELLED: "AUTHORITY" },
  ASSIGNED: { IN_PROGRESS: "PARTNER", PLANNED: "AUTHORITY", CANCELLED: "AUTHORITY" },
  IN_PROGRESS: { COMPLETED: "PARTNER", CANCELLED: "AUTHORITY" },
  COMPLETED: { HANDED_OVER: "AUTHORITY" },
  HANDED_OVER: {},
  CANCELLED: {},
};

/** Allowed, or why not in terms the caller can act on (the server words it in the reader's language). */
export type TransitionCheck =
  | { ok: true }
  | { ok: false; why: "no-such-step"; possible: TaskStatus[] }
  | { ok: false; why: "other-side"; side: TaskActorSide }
  | { ok: false; why: "needs-partner" };

/**
 * Whether `side` may move a task from `from` to `to`. Assigning needs a
 * partner; a refusal says what is possible instead.
 */
export function checkTransition(
  from: TaskStatus,
  to: TaskStatus,
  side: TaskActorSide,
  hasPartner: boolean,
): TransitionCheck {
  const allowed = TRANSITIONS[from];
  const who = allowed[to];
  if (!who) return { ok: false, why: "no-such-step", possible: Object.keys(allowed) as TaskStatus[] };
  if (who !== side) return { ok: false, why: "other-side", side: who };
  if (to === "ASSIGNED" && !hasPartner) return { ok: false, why: "needs-partner" };
  return { ok: true };
}

/** Statuses a side can move a task to from where it is (for the UI's buttons). */
export function nextStatuses(from: TaskStatus, side: TaskActorSide): TaskStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [TaskStatus, TaskActorSide][])
    .filter(([, who]) => who === side)
    .map(([to]) => to);
}
