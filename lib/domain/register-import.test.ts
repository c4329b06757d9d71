import { describe, expect, it } from "vitest";
import { IMSMA_NG_MAPPING } from "./import-vocabulary";
import { duplicateCodes, type ImportMapping, mapImportRow, readDay, recogniseColumns } from "./register-import";

const TODAY = "2026-12-06";

// Column names as an IMSMA NG hazard export to shapefile cuts them (10 characters).
const IMSMA_SHAPEFILE = [
  "OBJECTID",
  "HAZ_LOCALI",
  "HAZARD_NAM",
  "HAZ_TYPE",
  "CONTAMINAT",
  "LAND_USE",
  "PRIORITY",
  "DATE_OF_IN",
  "HAZARD_GUI",
];

describe("recogniseColumns", () => {
  it("recognises IMSMA NG's export names, cut to a shapefile's 10 characters, and the register's own", () => {
    expect(recogniseColumns(IMSMA_SHAPEFILE)).toEqual({
      code: "HAZ_LOCALI",
      name: "HAZARD_NAM",
      kind: "HAZ_TYPE",
      contamination: "CONTAMINAT",
      landUse: "LAND_USE",
      priorityRank: "PRIORITY",
      informationDate: "DATE_OF_IN",
      sourceReference: "HAZARD_GUI",
    });
    // The built-in IMSMA NG mapping names the same columns recognition finds.
    expect(IMSMA_NG_MAPPING.fields).toEqual(recogniseColumns(IMSMA_SHAPEFILE));
    expect(recogniseColumns(["Hazard Local ID", "Hazard Name", "Hazard Type", "Device Type"])).toEqual({
      code: "Hazard Local ID",
      name: "Hazard Name",
      kind: "Hazard Type",
      contamination: "Device Type",
    });
    expect(recogniseColumns(["code", "kind", "landUse"])).toEqual({ code: "code", kind: "kind", landUse: "landUse" });
    expect(recogniseColumns(["OBJECTID", "Shape_Area"])).toEqual({});
  });
});

describe("mapImportRow", () => {
  const mapping: ImportMapping = { fields: recogniseColumns(IMSMA_SHAPEFILE), values: {} };
  const row = {
    OBJECTID: 7,
    HAZ_LOCALI: "cha nin 0042",
    HAZARD_NAM: "Fields west of Bashiqa",
    HAZ_TYPE: "Confirmed Hazardous Area",
    CONTAMINAT: "AP mines; IED and UXO",
    LAND_USE: "Agricultural land",
    PRIORITY: "High",
    DATE_OF_IN: "12/03/2019",
    HAZARD_GUI: "{6F9619FF-8B86-D011-B42D-00C04FC964FF}",
  };

  it("maps IMSMA's words to the register's values", () => {
    expect(mapImportRow(row, mapping, 1, TODAY)).toEqual({
      value: {
        code: "CHA-NIN-0042",
        name: "Fields west of Bashiqa",
        kind: "CHA",
        contamination: ["AP_MINES", "IEDS", "UXO"],
        landUse: "AGRICULTURE",
        priorityRank: 1,
        informationDate: "2019-03-12",
        sourceReference: "{6F9619FF-8B86-D011-B42D-00C04FC964FF}",
      },
      problems: [],
    });
  });

  it("takes the user's value mapping before the known words", () => {
    const own: ImportMapping = {
      ...mapping,
      values: {
        kind: { "Cat. B": "SHA" },
        contamination: { Mixed: "AT_MINES,OTHER_ERW" },
        landUse: { "Oil field": "ENERGY" },
      },
    };
    const mapped = mapImportRow(
      { ...row, HAZ_TYPE: "Cat. B", CONTAMINAT: "mixed", LAND_USE: "Oil field" },
      own,
      1,
      TODAY,
    );
    expect(mapped.value).toMatchObject({ kind: "SHA", contamination: ["AT_MINES", "OTHER_ERW"], landUse: "ENERGY" });
  });

  it("reports every problem of a row with its row, field and column, and maps nothing from it", () => {
    const mapped = mapImportRow(
      {
        ...row,
        HAZ_LOCALI: "x",
        HAZ_TYPE: "Danger zone",
        CONTAMINAT: "AP mines, rockets",
        PRIORITY: "urgent",
        DATE_OF_IN: "31/02/2020",
      },
      mapping,
      12,
      TODAY,
    );
    expect(mapped.value).toBeNull();
    expect(mapped.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [12, "code", "BAD_CODE"],
      [12, "kind", "UNKNOWN_VALUE"],
      [12, "contamination", "UNKNOWN_VALUE"],
      [12, "priorityRank", "BAD_PRIORITY"],
      [12, "informationDate", "BAD_DATE"],
    ]);
    expect(mapped.problems[1]!.message).toBe(
      "Row 12: 'Danger zone' in column 'HAZ_TYPE' is not a value the register knows; map it to one of: SHA, CHA.",
    );
    expect(mapped.problems[2]!.message).toContain("'rockets'");
    expect(mapped.problems[1]!.text.ar).toContain("HAZ_TYPE");
  });

  it("an empty mapped cell is a problem; an unmapped optional field takes the register's default", () => {
    const empty = mapImportRow({ ...row, HAZ_TYPE: " ", LAND_USE: "NULL" }, mapping, 3, TODAY);
    expect(empty.problems.map((p) => [p.field, p.code])).toEqual([
      ["kind", "MISSING_VALUE"],
      ["landUse", "MISSING_VALUE"],
    ]);
    const bare = mapImportRow(
      { id: "SHA-ANB-7", type: "SHA", threat: "ERW" },
      { fields: { code: "id", kind: "type", contamination: "threat" }, values: {} },
      1,
      TODAY,
    );
    expect(bare.value).toEqual({
      code: "SHA-ANB-7",
      name: "SHA-ANB-7",
      kind: "SHA",
      contamination: ["OTHER_ERW"],
      landUse: "OTHER",
      priorityRank: 3,
      informationDate: null,
      sourceReference: null,
    });
    const unmapped = mapImportRow({ id: "SHA-ANB-7" }, { fields: { code: "id" }, values: {} }, 1, TODAY);
    expect(unmapped.problems.map((p) => [p.field, p.code])).toEqual([
      ["kind", "COLUMN_NOT_MAPPED"],
      ["contamination", "COLUMN_NOT_MAPPED"],
    ]);
  });

  it("refuses a date of information in the future", () => {
    const future = mapImportRow({ ...row, DATE_OF_IN: "2027-01-01" }, mapping, 5, TODAY);
    expect(future.problems.map((p) => p.code)).toEqual(["BAD_DATE"]);
  });
});

describe("readDay", () => {
  it("reads ISO, compact and day-first dates and date cells, and refuses days that do not exist", () => {
    expect(readDay("2019-03-12")).toBe("2019-03-12");
    expect(readDay("2019-03-12T00:00:00Z")).toBe("2019-03-12");
    expect(readDay("20190312")).toBe("2019-03-12");
    expect(readDay("12/03/2019")).toBe("2019-03-12");
    expect(readDay("12.3.2019")).toBe("2019-03-12");
    expect(readDay(new Date("2019-03-12T00:00:00Z"))).toBe("2019-03-12");
    expect(readDay("29/02/2019")).toBeNull();
    expect(readDay("March 2019")).toBeNull();
  });
});

describe("duplicateCodes", () => {
  it("names the later rows that repeat a code, with the row that had it first", () => {
    const found = duplicateCodes([
      { row: 1, code: "CHA-1" },
      { row: 2, code: "CHA-2" },
      { row: 5, code: "CHA-1" },
    ]);
    expect(found.map((p) => [p.row, p.code])).toEqual([[5, "DUPLICATE_CODE"]]);
    expect(found[0]!.message).toBe("Row 5: the code CHA-1 is already on row 1 of this file.");
  });
});
