import { describe, expect, it } from "vitest";
import { fundsWorkIn, placeOfGrant, regionGroup, releasedIn, type WorkPlace } from "./funding-place";

const duhok: WorkPlace = { pcode: "IQG09", region: "KURDISTAN" };
const erbil: WorkPlace = { pcode: "IQG11", region: "KURDISTAN" };
const ninewa: WorkPlace = { pcode: "IQG15", region: "FEDERAL" };

describe("where a grant's money went", () => {
  it("reads a grant's region and governorates from the tasks it funds when it states no region", () => {
    const place = placeOfGrant(null, [erbil, duhok, erbil]);
    expect(place).toEqual({ regions: ["KURDISTAN"], governorates: ["IQG09", "IQG11"], fromTasks: true });
    expect(fundsWorkIn(place, "KURDISTAN")).toBe(true);
    expect(fundsWorkIn(place, "FEDERAL")).toBe(false);
    expect(regionGroup(place)).toBe("KURDISTAN");
  });

  it("keeps the region a grant states, with the governorates of its tasks", () => {
    const place = placeOfGrant("FEDERAL", [erbil]);
    expect(place).toEqual({ regions: ["FEDERAL"], governorates: ["IQG11"], fromTasks: false });
    expect(fundsWorkIn(place, "KURDISTAN")).toBe(false);
  });

  it("places a grant funding work in both regions under each region's filter, and under both when summed", () => {
    const place = placeOfGrant(null, [ninewa, duhok]);
    expect(place.regions).toEqual(["FEDERAL", "KURDISTAN"]);
    expect(fundsWorkIn(place, "FEDERAL") && fundsWorkIn(place, "KURDISTAN")).toBe(true);
    expect(regionGroup(place)).toBe("BOTH");
  });

  it("leaves a grant with no region and no task unplaced: in no region's view", () => {
    const place = placeOfGrant(null, []);
    expect(place).toEqual({ regions: [], governorates: [], fromTasks: false });
    expect(fundsWorkIn(place, "FEDERAL") || fundsWorkIn(place, "KURDISTAN")).toBe(false);
    expect(regionGroup(place)).toBeNull();
  });

  it("counts released land under its own region only, unlike the money of a grant funding both", () => {
    const place = placeOfGrant(null, [ninewa, duhok]);
    expect(fundsWorkIn(place, "KURDISTAN") && fundsWorkIn(place, "FEDERAL")).toBe(true);
    expect(releasedIn(ninewa, "KURDISTAN")).toBe(false);
    expect(releasedIn(ninewa, "FEDERAL")).toBe(true);
    expect(releasedIn(duhok, "KURDISTAN")).toBe(true);
    expect(releasedIn(ninewa, undefined) && releasedIn(duhok, undefined)).toBe(true);
  });
});
