import { describe, expect, it } from "vitest";
import {
  checkTransition,
  nextStatuses,
  reopenedByInspection,
  startedByReport,
  stepOf,
  type TaskStatus,
} from "./task-lifecycle";

const same = { hasPartner: true, partnerChanges: false };
const another = { hasPartner: true, partnerChanges: true };
const none = { hasPartner: false, partnerChanges: false };

describe("task lifecycle", () => {
  it.each([
    ["PLANNED", "ASSIGNED", "AUTHORITY", true],
    ["ASSIGNED", "IN_PROGRESS", "PARTNER", true],
    ["ASSIGNED", "PLANNED", "AUTHORITY", true],
    ["IN_PROGRESS", "COMPLETED", "PARTNER", true],
    ["COMPLETED", "HANDED_OVER", "AUTHORITY", true],
    ["IN_PROGRESS", "CANCELLED", "AUTHORITY", true],
    ["ASSIGNED", "IN_PROGRESS", "AUTHORITY", false],
    ["ASSIGNED", "PLANNED", "PARTNER", false],
    ["IN_PROGRESS", "PLANNED", "AUTHORITY", false],
    ["IN_PROGRESS", "ASSIGNED", "AUTHORITY", false],
    ["IN_PROGRESS", "ASSIGNED", "PARTNER", false],
    ["COMPLETED", "HANDED_OVER", "PARTNER", false],
    ["COMPLETED", "CANCELLED", "AUTHORITY", false],
    ["COMPLETED", "IN_PROGRESS", "PARTNER", false],
    ["HANDED_OVER", "IN_PROGRESS", "PARTNER", false],
    ["PLANNED", "COMPLETED", "PARTNER", false],
  ] as const)("%s → %s by the %s, same partner: %s", (from, to, side, ok) => {
    expect(checkTransition(from, to, side, same).ok).toBe(ok);
  });

  it("says why, and what is possible instead", () => {
    expect(checkTransition("COMPLETED", "CANCELLED", "AUTHORITY", same)).toEqual({
      ok: false,
      why: "no-such-step",
      possible: ["HANDED_OVER"],
    });
    expect(checkTransition("HANDED_OVER", "CANCELLED", "AUTHORITY", same)).toEqual({
      ok: false,
      why: "no-such-step",
      possible: [],
    });
    expect(checkTransition("ASSIGNED", "IN_PROGRESS", "AUTHORITY", same)).toEqual({
      ok: false,
      why: "other-side",
      side: "PARTNER",
    });
    expect(checkTransition("PLANNED", "ASSIGNED", "AUTHORITY", none)).toEqual({ ok: false, why: "needs-partner" });
  });

  it("takes started work back only to hand it to another partner, never to planning", () => {
    expect(checkTransition("IN_PROGRESS", "ASSIGNED", "AUTHORITY", another).ok).toBe(true);
    expect(checkTransition("IN_PROGRESS", "ASSIGNED", "AUTHORITY", same)).toEqual({
      ok: false,
      why: "reassign-needs-other-partner",
    });
    expect(checkTransition("IN_PROGRESS", "PLANNED", "AUTHORITY", another).ok).toBe(false);
  });

  it("offers each side only the moves the server accepts from it, the partner staying as it is", () => {
    expect(nextStatuses("ASSIGNED", "PARTNER", same)).toEqual(["IN_PROGRESS"]);
    expect(nextStatuses("ASSIGNED", "AUTHORITY", same)).toEqual(["PLANNED", "CANCELLED"]);
    expect(nextStatuses("PLANNED", "AUTHORITY", same)).toEqual(["ASSIGNED", "CANCELLED"]);
    expect(nextStatuses("PLANNED", "AUTHORITY", none)).toEqual(["CANCELLED"]);
    // Completing and handing over carry their own record, filed through its form.
    expect(nextStatuses("IN_PROGRESS", "PARTNER", same)).toEqual([]);
    expect(nextStatuses("IN_PROGRESS", "AUTHORITY", same)).toEqual(["CANCELLED"]);
    expect(nextStatuses("COMPLETED", "AUTHORITY", same)).toEqual([]);
    expect(nextStatuses("HANDED_OVER", "AUTHORITY", same)).toEqual([]);
  });

  it("never offers a move backwards once work has started", () => {
    const order: TaskStatus[] = ["PLANNED", "ASSIGNED", "IN_PROGRESS", "COMPLETED", "HANDED_OVER"];
    for (const from of ["IN_PROGRESS", "COMPLETED", "HANDED_OVER"] as const)
      for (const side of ["AUTHORITY", "PARTNER"] as const)
        for (const to of nextStatuses(from, side, same))
          expect(to === "CANCELLED" || order.indexOf(to) > order.indexOf(from)).toBe(true);
  });

  it("names each move by what it does", () => {
    expect(nextStatuses("ASSIGNED", "AUTHORITY", same).map((to) => stepOf("ASSIGNED", to))).toEqual([
      "withdrawAssignment",
      "cancel",
    ]);
    expect(nextStatuses("ASSIGNED", "PARTNER", same).map((to) => stepOf("ASSIGNED", to))).toEqual(["start"]);
    expect(stepOf("PLANNED", "ASSIGNED")).toBe("assign");
    expect(stepOf("IN_PROGRESS", "ASSIGNED")).toBe("reassign");
  });

  it("a report starts the work on an assigned task only", () => {
    expect(startedByReport("ASSIGNED")).toBe(true);
    for (const status of ["PLANNED", "IN_PROGRESS", "COMPLETED", "HANDED_OVER", "CANCELLED"] as const)
      expect(startedByReport(status)).toBe(false);
  });
});

describe("reopenedByInspection", () => {
  it("returns only a completed task to work, and no bare move does", () => {
    expect(reopenedByInspection("COMPLETED")).toBe("IN_PROGRESS");
    for (const s of ["PLANNED", "ASSIGNED", "IN_PROGRESS", "HANDED_OVER", "CANCELLED"] as const)
      expect(reopenedByInspection(s)).toBeNull();
    expect(
      checkTransition("COMPLETED", "IN_PROGRESS", "AUTHORITY", { hasPartner: true, partnerChanges: false }).ok,
    ).toBe(false);
  });
});
