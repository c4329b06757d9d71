import { describe, expect, it } from "vitest";
import { type CommitCandidate, type EarlierRow, type PlannedRow, planCommitBatch } from "./import-commit-plan";

const row = (n: number, over: Partial<PlannedRow> = {}): PlannedRow => ({
  row: n,
  code: `R-${n}`,
  name: `Row ${n}`,
  register: [],
  rows: [],
  ...over,
});
const shared = (code: string, overlapM2: number) => ({ code, name: code, overlapM2, onReleasedM2: 0 });
const near = (entries: [number, CommitCandidate[]][]) => new Map(entries);

describe("a commit batch's plan", () => {
  it("registers whole a row that shared nothing and meets only areas the preview measured", () => {
    const plans = planCommitBatch([row(1)], near([[1, [{ id: "a", code: "A", fresh: false }]]]), new Map(), "skip");
    expect(plans).toEqual([{ row: 1, plan: "create" }]);
  });

  it("skips as previewed a row sharing land with an area still as it was, and measures again one near an area new or redrawn since", () => {
    const plans = planCommitBatch(
      [row(1, { register: [shared("A", 500)] }), row(2), row(3, { register: [shared("C", 90)] })],
      near([
        [1, [{ id: "a", code: "A", fresh: false }]],
        [2, [{ id: "n", code: "NEW", fresh: true }]],
        // C was redrawn after the preview: what it shares now is measured, not taken from the preview.
        [3, [{ id: "c", code: "C", fresh: true }]],
      ]),
      new Map(),
      "skip",
    );
    expect(plans).toEqual([
      { row: 1, plan: "skip", overlaps: [shared("A", 500)] },
      { row: 2, plan: "measure", areaIds: ["n"], batchRows: [] },
      { row: 3, plan: "measure", areaIds: ["c"], batchRows: [] },
    ]);
  });

  it("follows the earlier rows a row shares land with: registered whole (this batch or before), skipped, or measured", () => {
    const earlier = new Map<number, EarlierRow>([
      [1, { status: "CREATED", code: "R-1", name: "Row 1", areaId: "r1" }],
      [2, { status: "SKIPPED", code: "R-2", name: "Row 2", areaId: null }],
    ]);
    const rows = [
      row(10, { rows: [{ row: 1, overlapM2: 40 }] }),
      row(11, { rows: [{ row: 2, overlapM2: 40 }] }),
      row(12, { register: [shared("A", 5)] }),
      row(13, { rows: [{ row: 10, overlapM2: 7 }] }),
    ];
    const candidates = near([
      [10, [{ id: "r1", code: "R-1", fresh: false }]],
      [12, [{ id: "a", code: "A", fresh: false }]],
    ]);
    expect(planCommitBatch(rows, candidates, earlier, "skip")).toEqual([
      { row: 10, plan: "skip", overlaps: [shared("R-1", 40)].map((o) => ({ ...o, name: "Row 1" })) },
      { row: 11, plan: "create" },
      { row: 12, plan: "skip", overlaps: [shared("A", 5)] },
      // Row 10 was skipped: row 13 shares nothing registered.
      { row: 13, plan: "create" },
    ]);
    // Keeping the remainder, each row sharing land is measured: row 13 against row 10 as the batch measures it.
    expect(planCommitBatch(rows, candidates, earlier, "remainder")).toEqual([
      { row: 10, plan: "measure", areaIds: ["r1"], batchRows: [] },
      { row: 11, plan: "create" },
      { row: 12, plan: "measure", areaIds: ["a"], batchRows: [] },
      { row: 13, plan: "measure", areaIds: [], batchRows: [] },
    ]);
  });

  it("takes a row of this batch registered whole as registered for the rows after it", () => {
    const rows = [row(1), row(2, { rows: [{ row: 1, overlapM2: 12 }] })];
    expect(planCommitBatch(rows, new Map(), new Map(), "skip")).toEqual([
      { row: 1, plan: "create" },
      { row: 2, plan: "skip", overlaps: [{ code: "R-1", name: "Row 1", overlapM2: 12, onReleasedM2: 0 }] },
    ]);
    expect(planCommitBatch(rows, new Map(), new Map(), "remainder")[1]).toEqual({
      row: 2,
      plan: "measure",
      areaIds: [],
      batchRows: [1],
    });
  });
});
