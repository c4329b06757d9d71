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

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

const words = (s: TaskStatus) => s.toLowerCase().replace("_", " ");

/**
 * Whether `side` may move a task from `from` to `to`. Assigning needs a
 * partner; the reason says what is allowed instead.
 */
export function checkTransition(from: TaskStatus, to: TaskStatus, side: TaskActorSide, hasPartner: boolean): TransitionCheck {
  const allowed = TRANSITIONS[from];
  const who = allowed[to];
  if (!who) {
    const next = Object.keys(allowed).map((s) => words(s as TaskStatus));
    return { ok: false, reason: `A ${words(from)} task cannot become ${words(to)}${next.length ? `; it can become ${next.join(" or ")}` : ": it is final"}.` };
  }
  if (who !== side) return { ok: false, reason: `Only the ${who === "AUTHORITY" ? "authority" : "implementing partner"} moves a task from ${words(from)} to ${words(to)}.` };
  if (to === "ASSIGNED" && !hasPartner) return { ok: false, reason: "Name the implementing partner to assign the task to." };
  return { ok: true };
}

/** Statuses a side can move a task to from where it is (for the UI's buttons). */
export function nextStatuses(from: TaskStatus, side: TaskActorSide): TaskStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [TaskStatus, TaskActorSide][]).filter(([, who]) => who === side).map(([to]) => to);
}
