import { describe, expect, it } from "vitest";
import { checkTransition, nextStatuses } from "./task-lifecycle";

describe("task lifecycle", () => {
  it.each([
    ["PLANNED", "ASSIGNED", "AUTHORITY", true],
    ["ASSIGNED", "IN_PROGRESS", "PARTNER", true],
    ["IN_PROGRESS", "COMPLETED", "PARTNER", true],
    ["COMPLETED", "HANDED_OVER", "AUTHORITY", true],
    ["IN_PROGRESS", "CANCELLED", "AUTHORITY", true],
    ["ASSIGNED", "IN_PROGRESS", "AUTHORITY", false],
    ["COMPLETED", "HANDED_OVER", "PARTNER", false],
    ["COMPLETED", "CANCELLED", "AUTHORITY", false],
    ["HANDED_OVER", "IN_PROGRESS", "PARTNER", false],
    ["PLANNED", "COMPLETED", "PARTNER", false],
  ] as const)("%s → %s by the %s: %s", (from, to, side, ok) => {
    expect(checkTransition(from, to, side, true).ok).toBe(ok);
  });

  it("says why, and what is possible instead", () => {
    expect(checkTransition("COMPLETED", "CANCELLED", "AUTHORITY", true)).toEqual({
      ok: false,
      why: "no-such-step",
      possible: ["HANDED_OVER"],
    });
    expect(checkTransition("HANDED_OVER", "CANCELLED", "AUTHORITY", true)).toEqual({
      ok: false,
      why: "no-such-step",
      possible: [],
    });
    expect(checkTransition("ASSIGNED", "IN_PROGRESS", "AUTHORITY", true)).toEqual({
      ok: false,
      why: "other-side",
      side: "PARTNER",
    });
    expect(checkTransition("PLANNED", "ASSIGNED", "AUTHORITY", false)).toEqual({ ok: false, why: "needs-partner" });
  });

  it("offers each side only its own next steps", () => {
    expect(nextStatuses("ASSIGNED", "PARTNER")).toEqual(["IN_PROGRESS"]);
    expect(nextStatuses("ASSIGNED", "AUTHORITY")).toEqual(["PLANNED", "CANCELLED"]);
    expect(nextStatuses("HANDED_OVER", "AUTHORITY")).toEqual([]);
  });
});
