import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nearestPlace, type PlaceRow, placeName, placesInView } from "./places";

const PLACES = (
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../public/basemap/iraq-places.json"), "utf8")) as {
    places: PlaceRow[];
  }
).places;
const named = (latin: string) => PLACES.find((p) => p[4] === latin)!;

describe("the shipped gazetteer", () => {
  it("covers Iraq from Zakho to Fao with Arabic and Sorani names", () => {
    const zakho = named("Zaxo");
    expect(placeName(zakho, "ar")).toBe("زاخو");
    expect(placeName(zakho, "ckb")).toBe("زاخۆ");
    expect(placeName(named("Baghdad"), "en")).toBe("Baghdad");
    expect(placeName(named("Baghdad"), "ar")).toBe("بغداد");
    for (const [lon, lat] of PLACES.map((p) => [p[0], p[1]])) {
      expect(lon).toBeGreaterThan(38.7);
      expect(lon).toBeLessThan(48.7);
      expect(lat).toBeGreaterThan(29);
      expect(lat).toBeLessThan(37.5);
    }
  });
});

describe("which places the map labels", () => {
  const iraq = [38.79, 29.06, 48.57, 37.38] as const;

  it("shows only governorate seats at country scale, every place in view at field scale", () => {
    const country = placesInView(PLACES, iraq, 6);
    expect(country.map((p) => p[4])).toContain("Baghdad");
    expect(country.every((p) => p[3] <= 1)).toBe(true);
    const zakho = named("Zaxo");
    const field = placesInView(PLACES, [zakho[0] - 0.01, zakho[1] - 0.01, zakho[0] + 0.01, zakho[1] + 0.01], 15);
    expect(field.map((p) => p[4])).toEqual(["Zaxo"]);
  });

  it("keeps at most the limit, largest first", () => {
    const shown = placesInView(PLACES, iraq, 12, 5);
    expect(shown).toHaveLength(5);
    expect(shown[0]![4]).toBe("Baghdad");
  });
});

describe("the nearest place", () => {
  it("gives its distance and which way it lies", () => {
    const fallujah = named("Al Fallūjah");
    // 0.05° of latitude (5.56 km) due south of Fallujah: the town lies north.
    const near = nearestPlace(PLACES, fallujah[0], fallujah[1] - 0.05)!;
    expect(near.row[4]).toBe("Al Fallūjah");
    expect(near.direction).toBe("N");
    expect(Math.abs(near.distanceM - 5_560)).toBeLessThan(20);
  });
});
