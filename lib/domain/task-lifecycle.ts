// A task order's lifecycle (IMAS practice): planned → assigned → in progress
// → completed → handed over, or cancelled before it is completed. Each step
// belongs to one side: the authority plans, assigns, accepts the handover and
// cancels; the partner starts the work and completes it. The partner's first
// land-release report starts the work as well (see startedByReport).

export type TaskStatus = "PLANNED" | "ASSIGNED" | "IN_PROGRESS" | "COMPLETED" | "HANDED_OVER" | "CANCELLED";
export type TaskActorSide = "AUTHORITY" | "PARTNER";

const TRANSITIONS: Record<TaskStatus, Partial<Record<TaskStatus, TaskActorSide>>> = {
  PLANNED: { ASSIGNED: "AUTHORITY", CANCELLED: "AUTHORITY" },
  ASSIGNED: { IN_PROGRESS: "PARTNER", PLANNED: "AUTHORITY", CANCELLED: "AUTHORITY" },
  // Back to assigned only to hand the work to another partner (see checkTransition).
  IN_PROGRESS: { COMPLETED: "PARTNER", ASSIGNED: "AUTHORITY", CANCELLED: "AUTHORITY" },
  COMPLETED: { HANDED_OVER: "AUTHORITY" },
  HANDED_OVER: {},
  CANCELLED: {},
};

/** What the move would do besides the status: whether the task has a partner after it, and whether that partner is a new one. */
export type TaskFacts = { hasPartner: boolean; partnerChanges: boolean };

/** Allowed, or why not in terms the caller can act on (the server words it in the reader's language). */
export type TransitionCheck =
  | { ok: true }
  | { ok: false; why: "no-such-step"; possible: TaskStatus[] }
  | { ok: false; why: "other-side"; side: TaskActorSide }
  | { ok: false; why: "needs-partner" }
  | { ok: false; why: "reassign-needs-other-partner" };

/**
 * Whether `side` may move a task from `from` to `to`. Assigning needs a
 * partner. Work once started never goes back to planning; the authority may
 * only hand it to another partner (back to assigned, for the new partner to
 * start), the first partner's reports staying theirs. An assigned task has no
 * report of its partner's (its first report starts the work), so withdrawing
 * the assignment leaves no reported work behind. A refusal says what is
 * possible instead.
 */
export function checkTransition(
  from: TaskStatus,
  to: TaskStatus,
  side: TaskActorSide,
  facts: TaskFacts,
): TransitionCheck {
  const allowed = TRANSITIONS[from];
  const who = allowed[to];
  if (!who) return { ok: false, why: "no-such-step", possible: Object.keys(allowed) as TaskStatus[] };
  if (who !== side) return { ok: false, why: "other-side", side: who };
  if (to === "ASSIGNED" && !facts.hasPartner) return { ok: false, why: "needs-partner" };
  if (from === "IN_PROGRESS" && to === "ASSIGNED" && !facts.partnerChanges)
    return { ok: false, why: "reassign-needs-other-partner" };
  return { ok: true };
}

/** Steps that carry a record of their own (IMAS 08.30), taken through that record's form, not as a bare move. */
const STEPS_WITH_RECORD: ReadonlySet<TaskStatus> = new Set(["COMPLETED", "HANDED_OVER"]);

/**
 * The bare moves a side may make on a task as it stands (the task page's
 * buttons): every one of them the server accepts.
 */
export function nextStatuses(from: TaskStatus, side: TaskActorSide, facts: TaskFacts): TaskStatus[] {
  return (Object.keys(TRANSITIONS[from]) as TaskStatus[]).filter(
    (to) => !STEPS_WITH_RECORD.has(to) && checkTransition(from, to, side, facts).ok,
  );
}

type TaskStep = "assign" | "reassign" | "start" | "withdrawAssignment" | "complete" | "handOver" | "cancel";

const STEP_TO: Readonly<Record<TaskStatus, TaskStep>> = {
  PLANNED: "withdrawAssignment",
  ASSIGNED: "assign",
  IN_PROGRESS: "start",
  COMPLETED: "complete",
  HANDED_OVER: "handOver",
  CANCELLED: "cancel",
};

/** What a move does: back to planned withdraws the assignment; to assigned from work in progress hands it to another partner. */
export function stepOf(from: TaskStatus, to: TaskStatus): TaskStep {
  return from === "IN_PROGRESS" && to === "ASSIGNED" ? "reassign" : STEP_TO[to];
}

/**
 * Whether a partner's submitted report starts the work on its task: the first
 * report on an assigned task moves it to in progress, as the partner would
 * have by hand; a task already at work stays where it is.
 */
export function startedByReport(status: TaskStatus): boolean {
  return status === "ASSIGNED";
}

/**
 * Where a failed post-clearance inspection (IMAS 09.20) sends a task: a
 * completed one back to work, so its operator re-clears the reopened land and
 * completes again. The only way back from COMPLETED, so no bare move offers it;
 * null for a task in any other state (an inspection samples completed work only).
 */
export function reopenedByInspection(status: TaskStatus): TaskStatus | null {
  return status === "COMPLETED" ? "IN_PROGRESS" : null;
}
