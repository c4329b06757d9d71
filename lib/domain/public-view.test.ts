import { describe, expect, it } from "vitest";
import { publicViewFilter, publicViewFrom, publicYears } from "./public-view";

const offered = { governorates: ["IQG15", "IQG09"], years: [2026, 2025, 2024] };

describe("the public page's views", () => {
  it("offers the country, a region or a governorate, in all years or one whole year", () => {
    expect(publicViewFrom({}, offered)).toEqual({});
    expect(publicViewFrom({ region: "kurdistan" }, offered)).toEqual({ region: "kurdistan" });
    expect(publicViewFrom({ governorate: "IQG15", year: "2025" }, offered)).toEqual({
      governorate: "IQG15",
      year: 2025,
    });
    expect(publicViewFilter({ governorate: "IQG15", year: 2025 })).toEqual({
      governorate: "IQG15",
      from: "2025-01-01",
      to: "2025-12-31",
    });
  });

  it.each([
    [{ from: "2025-03-07", to: "2025-03-08" }, {}],
    [{ contamination: "ied", landUse: "agricultural" }, {}],
    [{ partner: "some-partner-id" }, {}],
    [{ governorate: "IQG99" }, {}],
    [{ region: "elsewhere" }, {}],
    [{ year: "1999" }, {}],
    [{ year: "2025-01" }, {}],
    [{ region: "federal", governorate: "IQG09" }, { governorate: "IQG09" }],
  ])("reads %j as the offered view %j, so no other combination becomes a view of its own", (params, view) => {
    expect(publicViewFrom(params, offered)).toEqual(view);
  });

  it("offers the years from the first with released land to this one", () => {
    expect(publicYears(2024, 2026)).toEqual([2026, 2025, 2024]);
    expect(publicYears(null, 2026)).toEqual([2026]);
  });
});
