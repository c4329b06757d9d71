import { describe, expect, it } from "vitest";
import { ZCasualtyIncident } from "@/lib/schemas/human-impact";
import {
  type CasualtyGroup,
  casualtyTotals,
  childrenIn,
  groupsOfSexAge,
  tallyCasualties,
  upgradeLegacyAccident,
} from "./casualties";

// Landmine Monitor's Iraq 2017 shape: half the casualties of unknown age and sex.
const GROUPS: CasualtyGroup[] = [
  { outcome: "KILLED", sex: "MALE", age: "ADULT", status: "DEMINER", count: 3 },
  { outcome: "KILLED", sex: "UNKNOWN", age: "UNKNOWN", status: "UNKNOWN", count: 5 },
  { outcome: "INJURED", sex: "FEMALE", age: "CHILD", status: "CIVILIAN", count: 2 },
  { outcome: "INJURED", sex: "UNKNOWN", age: "CHILD", status: "CIVILIAN", count: 1 },
  { outcome: "UNKNOWN", sex: "MALE", age: "UNKNOWN", status: "SECURITY_FORCES", count: 4 },
];

describe("casualty figures", () => {
  it("adds every split up to the same total, keeping unknown sex, age, outcome and status unknown", () => {
    const t = tallyCasualties(GROUPS);
    expect(t.total).toBe(15);
    expect(t.byOutcome).toEqual({ KILLED: 8, INJURED: 3, UNKNOWN: 4 });
    expect(t.byStatus).toEqual({ CIVILIAN: 3, DEMINER: 3, SECURITY_FORCES: 4, UNKNOWN: 5 });
    expect(t.bySexAge).toEqual({
      FEMALE: { ADULT: 0, CHILD: 2, UNKNOWN: 0 },
      MALE: { ADULT: 3, CHILD: 0, UNKNOWN: 4 },
      UNKNOWN: { ADULT: 0, CHILD: 1, UNKNOWN: 5 },
    });
    expect(t.byOutcomeSexAge.KILLED.UNKNOWN.UNKNOWN).toBe(5);
    expect(childrenIn(t)).toBe(3);
    expect(casualtyTotals(GROUPS)).toEqual({ killed: 8, injured: 3, unknownOutcome: 4, total: 15 });
    expect(tallyCasualties([]).total).toBe(0);
  });

  it("reads the earlier body (one device; killed and injured women, men, girls, boys) as groups of unknown status", () => {
    const old = { occurredOn: "2025-01-01", deviceCategory: "IED", killed: { men: 1, women: 0 }, injured: { boys: 2 } };
    expect(upgradeLegacyAccident(old)).toEqual({
      occurredOn: "2025-01-01",
      devices: ["IED"],
      casualties: [
        { outcome: "KILLED", sex: "MALE", age: "ADULT", status: "UNKNOWN", count: 1 },
        { outcome: "INJURED", sex: "MALE", age: "CHILD", status: "UNKNOWN", count: 2 },
      ],
    });
    const current = { casualties: [], deviceCategory: "IED" };
    expect(upgradeLegacyAccident(current)).toBe(current);
    // A negative count is passed on, for the schema to refuse, not dropped.
    expect(ZCasualtyIncident.safeParse(upgradeLegacyAccident({ ...old, killed: { men: -1 } })).success).toBe(false);
    expect(groupsOfSexAge("INJURED", { women: 0, men: 0, girls: 1, boys: 0 })).toEqual([
      { outcome: "INJURED", sex: "FEMALE", age: "CHILD", status: "UNKNOWN", count: 1 },
    ]);
  });

  it("refuses a group named twice, a device named twice and an accident with nobody", () => {
    const body = { occurredOn: "2025-01-01", governorate: "IQG15", place: "Sinjar", devices: [], casualties: GROUPS };
    expect(ZCasualtyIncident.safeParse(body).success).toBe(true);
    const issues = (b: object) => ZCasualtyIncident.safeParse({ ...body, ...b }).error?.issues.map((i) => i.path);
    expect(issues({ casualties: [...GROUPS, GROUPS[0]] })).toEqual([["casualties"]]);
    expect(issues({ devices: ["IED", "IED"] })).toEqual([["devices"]]);
    expect(issues({ casualties: [] })).toEqual([["casualties"]]);
    expect(issues({ location: { type: "Point", coordinates: [200, 36] } })).toEqual([["location", "coordinates", 0]]);
  });
});
