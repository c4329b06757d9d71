import { describe, expect, it } from "vitest";
import { type ImportMapping, recogniseColumns } from "./register-import";
import { mapReleaseRow, RELEASE_COLUMNS } from "./release-import";

const TODAY = "2026-12-06";
const OPERATORS = [
  { id: "zcl", name: "Zagros Clearance", shortName: "ZCL" },
  { id: "dma", name: "Directorate of Mine Action", shortName: "DMA" },
];
const COLUMNS = ["HAZ_LOCALI", "ACT_TYPE", "ORG_NAME", "START_DATE", "END_DATE", "ACT_LOCALI", "CLEAR_DEPT"];
const mapping: ImportMapping = { fields: recogniseColumns(COLUMNS, RELEASE_COLUMNS), values: {} };
const row = (cells: Record<string, unknown>, m = mapping) =>
  mapReleaseRow(
    { HAZ_LOCALI: "ha 001", ACT_TYPE: "Clearance", ORG_NAME: "ZCL", END_DATE: "30/04/2024", ...cells },
    m,
    4,
    TODAY,
    OPERATORS,
  );

describe("mapReleaseRow", () => {
  it("recognises IMSMA's activity columns and reads a release with its operator, method and dates", () => {
    expect(mapping.fields).toEqual({
      hazardAreaCode: "HAZ_LOCALI",
      method: "ACT_TYPE",
      operator: "ORG_NAME",
      periodStart: "START_DATE",
      periodEnd: "END_DATE",
      sourceReference: "ACT_LOCALI",
      clearanceDepthCm: "CLEAR_DEPT",
    });
    expect(row({ START_DATE: "2024-01-10", ACT_LOCALI: "ACT-9", CLEAR_DEPT: "30" })).toEqual({
      value: {
        hazardAreaCode: "HA-001",
        method: "CLEARED",
        operatorId: "zcl",
        periodStart: "2024-01-10",
        periodEnd: "2024-04-30",
        sourceReference: "ACT-9",
        clearanceDepthCm: 30,
      },
      problems: [],
    });
    // One date: the release is of that day; the survey names map to the method they release by.
    expect(row({ ACT_TYPE: "Non-Technical Survey", ORG_NAME: "directorate of mine action" }).value).toMatchObject({
      method: "CANCELLED",
      operatorId: "dma",
      periodStart: "2024-04-30",
    });
    expect(row({ ACT_TYPE: "TS" }).value?.method).toBe("REDUCED");
  });

  it("says each problem with its row, field and the file's word, and takes the user's mapping of a word", () => {
    const { value, problems } = row({
      ACT_TYPE: "Dancing",
      ORG_NAME: "Old Team",
      START_DATE: "2024-05-01",
      CLEAR_DEPT: "deep",
    });
    expect(value).toBeNull();
    expect(problems.map((p) => [p.row, p.field, p.code, p.value])).toEqual([
      [4, "method", "UNKNOWN_VALUE", "Dancing"],
      [4, "operator", "UNKNOWN_OPERATOR", "Old Team"],
      [4, "periodStart", "PERIOD_REVERSED", undefined],
      [4, "clearanceDepthCm", "BAD_DEPTH", undefined],
    ]);
    expect(problems[2]!.message).toBe("Row 4: the release starts on 2024-05-01, after it ends on 2024-04-30.");
    const mapped = {
      ...mapping,
      values: { method: { Dancing: "CLEARED" }, operator: { "Old Team": "Zagros Clearance" } },
    };
    expect(row({ ACT_TYPE: "Dancing", ORG_NAME: "Old Team" }, mapped).value).toMatchObject({
      method: "CLEARED",
      operatorId: "zcl",
    });
    for (const end of ["2030-01-01", "31/02/2024", "1985-01-01", ""])
      expect(row({ END_DATE: end }).problems.map((p) => [p.field, p.code])).toEqual([
        ["periodEnd", end ? "BAD_DATE" : "MISSING_VALUE"],
      ]);
  });

  it("keeps a past clearance without a depth (not recorded) and refuses a depth on cancelled land", () => {
    const cleared = row({ CLEAR_DEPT: "" });
    expect(cleared.problems).toEqual([]);
    expect(cleared.value).toMatchObject({ method: "CLEARED", clearanceDepthCm: null });
    expect(row({ ACT_TYPE: "TS", CLEAR_DEPT: "" }).value).toMatchObject({ method: "REDUCED", clearanceDepthCm: null });
    expect(row({ ACT_TYPE: "TS", CLEAR_DEPT: "20" }).value).toMatchObject({ clearanceDepthCm: 20 });
    const cancelled = row({ ACT_TYPE: "NTS", CLEAR_DEPT: "30" });
    expect(cancelled.value).toBeNull();
    expect(cancelled.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [4, "clearanceDepthCm", "DEPTH_ON_CANCELLED"],
    ]);
    expect(cancelled.problems[0]!.message).toContain("column 'CLEAR_DEPT'");
    expect(row({ ACT_TYPE: "NTS", CLEAR_DEPT: "" }).value).toMatchObject({
      method: "CANCELLED",
      clearanceDepthCm: null,
    });
  });
});
