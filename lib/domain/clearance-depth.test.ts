import { describe, expect, it } from "vitest";
import { ZReportSubmit } from "@/lib/schemas/land-release-report";
import { clearanceDepthProblem } from "./clearance-depth";

describe("clearance depth by release method (IMAS 09.10)", () => {
  it.each([
    ["CLEARED", 30, null],
    ["CLEARED", undefined, "depthRequired"],
    ["CLEARED", null, "depthRequired"],
    ["REDUCED", 20, null],
    ["REDUCED", undefined, null],
    ["CANCELLED", undefined, null],
    ["CANCELLED", 30, "depthOnCancelled"],
  ] as const)("%s with depth %s: %s", (method, depth, problem) => {
    expect(clearanceDepthProblem(method, depth)).toBe(problem);
  });

  const body = { periodStart: "2026-10-01", periodEnd: "2026-10-31", geometry: null };
  it("the report schema refuses at clearanceDepthCm, saying what to do", () => {
    const without = ZReportSubmit.safeParse({ ...body, method: "cleared" });
    expect(without.success).toBe(false);
    expect(without.error!.issues.map((i) => [i.path, i.message])).toEqual([
      [["clearanceDepthCm"], expect.stringMatching(/required for cleared land.*whole centimetres/)],
    ]);
    const onCancelled = ZReportSubmit.safeParse({ ...body, method: "cancelled", clearanceDepthCm: 30 });
    expect(onCancelled.error!.issues.map((i) => [i.path, i.message])).toEqual([
      [["clearanceDepthCm"], expect.stringMatching(/refused for cancelled land.*Leave the depth out/)],
    ]);
    for (const depth of [0, -5, 1_001, 12.5])
      expect(ZReportSubmit.safeParse({ ...body, method: "cleared", clearanceDepthCm: depth }).success).toBe(false);
    expect(ZReportSubmit.safeParse({ ...body, method: "cleared", clearanceDepthCm: 1_000 }).success).toBe(true);
    expect(ZReportSubmit.safeParse({ ...body, method: "reduced" }).success).toBe(true);
  });
});
