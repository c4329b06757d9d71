import fs from "node:fs";
import path from "node:path";
import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import { distanceM } from "@/lib/geo/read/features";
import { formatLatLon, formatMgrs, formatUtm, toUtm, utmZoneOf } from "./format";
import { parseCoordinate } from "./parse";

// Points across Iraq with PROJ's UTM (through pyproj) and the MGRS built from it:
// tests/fixtures/geo/coordinates/make-reference.py.
type Reference = {
  name: string;
  lonDeg: number;
  latDeg: number;
  zone: number;
  eastingM: number;
  northingM: number;
  mgrs: string;
};
const REFERENCE = (
  JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, "../../../tests/fixtures/geo/coordinates/reference.json"), "utf8"),
  ) as { points: Reference[] }
).points;

const parsed = (text: string) => {
  const result = parseCoordinate(text);
  if (!result.ok) throw new Error(`${text}: ${result.code}`);
  return result;
};

describe("the readout matches PROJ to the metre across Iraq", () => {
  it.each(REFERENCE.map((r) => [r.name, r] as const))("%s", (_name, r) => {
    const utm = toUtm(r.lonDeg, r.latDeg);
    expect(utm.zone).toBe(r.zone);
    expect(Math.abs(utm.eastingM - r.eastingM)).toBeLessThan(0.01);
    expect(Math.abs(utm.northingM - r.northingM)).toBeLessThan(0.01);
    expect(formatUtm(r.lonDeg, r.latDeg)).toBe(`${r.zone}N ${Math.round(r.eastingM)} ${Math.round(r.northingM)}`);
    expect(formatMgrs(r.lonDeg, r.latDeg)).toBe(r.mgrs);
    // proj4 itself, from its EPSG code, agrees too (the fixture was made by PROJ in C).
    const [e, n] = proj4("EPSG:4326", `EPSG:326${r.zone}`).forward([r.lonDeg, r.latDeg]);
    expect(Math.abs(e! - r.eastingM)).toBeLessThan(0.01);
    expect(Math.abs(n! - r.northingM)).toBeLessThan(0.01);
  });

  it("puts the zone edges at 42°E and 48°E, with Fao in 39N", () => {
    expect([utmZoneOf(41.99999), utmZoneOf(42), utmZoneOf(47.99999), utmZoneOf(48)]).toEqual([37, 38, 38, 39]);
    expect(formatUtm(48.47263, 29.97421)).toMatch(/^39N /);
    expect(formatUtm(40.28586, 33.03718)).toMatch(/^37N /);
  });

  it("writes latitude and longitude with their letters, five decimals", () => {
    expect(formatLatLon(44.3661, 33.31525)).toBe("33.31525°N 44.36610°E");
    expect(formatLatLon(-0.5, -1.25)).toBe("1.25000°S 0.50000°W");
  });
});

describe("go to coordinates reads what the readout writes", () => {
  it.each(REFERENCE.map((r) => [r.name, r] as const))("%s, as UTM and as MGRS", (_name, r) => {
    const utm = parsed(`${r.zone}N ${Math.round(r.eastingM)} ${Math.round(r.northingM)}`);
    expect(utm.form).toBe("utm");
    expect(distanceM([utm.lonDeg, utm.latDeg], [r.lonDeg, r.latDeg])).toBeLessThan(1);
    const mgrs = parsed(r.mgrs);
    expect(mgrs.form).toBe("mgrs");
    expect(distanceM([mgrs.lonDeg, mgrs.latDeg], [r.lonDeg, r.latDeg])).toBeLessThan(1);
  });

  it("takes MGRS without spaces, in lower case, and at coarser precision", () => {
    const baghdad = [44.3661, 33.31525] as const;
    expect(distanceM(pos(parsed("38smb4099486415")), [...baghdad])).toBeLessThan(1);
    // 10 m precision: the centre of the 10 m square, within 10 m.
    expect(distanceM(pos(parsed("38S MB 4099 8641")), [...baghdad])).toBeLessThan(10);
  });

  it("takes UTM as GPS receivers write it: band letter, leading zero, E/N suffixes", () => {
    const r = REFERENCE.find((p) => p.name === "Baghdad")!;
    for (const text of ["38S 0440995 3686416", "38N 440995mE 3686416mN", "38 N 440995, 3686416"]) {
      expect(distanceM(pos(parsed(text)), [r.lonDeg, r.latDeg]), text).toBeLessThan(1.5);
    }
  });

  it("takes latitude/longitude as people type it", () => {
    const baghdad: [number, number] = [44.3661, 33.31525];
    for (const text of [
      "33.31525, 44.3661",
      "44.3661 33.31525",
      "33.31525N 44.3661E",
      "E44.3661 N33.31525",
      "44.3661°E, 33.31525°N",
      `33°18'54.9"N 44°21'57.96"E`,
      "33°18′54.9″N 44°21′57.96″E",
      "٣٣٫٣١٥٢٥، ٤٤٫٣٦٦١",
    ]) {
      expect(distanceM(pos(parsed(text)), baghdad), text).toBeLessThan(1);
    }
    expect(pos(parsed("1.5S 2.5W"))).toEqual([-2.5, -1.5]);
  });
});

describe("go to coordinates refuses what it cannot read, saying why", () => {
  it.each([
    ["", "empty"],
    ["Baghdad", "unrecognised"],
    ["38S MB 1234 567", "mgrsDigits"],
    ["38SMB123456789", "mgrsOddDigits"],
    ["61S MB 12345 67890", "utmZone"],
    ["38N 41234 3987654", "utmEasting"],
    ["38N 950000 3987654", "utmEasting"],
    ["38R 440995 3686416", "utmBand"],
    ["33°75'N 44°10'E", "dmsRange"],
    ["33N 44N", "sameAxis"],
    ["38.1 38.2", "ambiguousOrder"],
    ["10.5 20.5", "needsHemisphere"],
    ["95N 44E", "latRange"],
    ["33N 190E", "lonRange"],
  ])("%j: %s", (text, code) => {
    const result = parseCoordinate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it("names the digit counts of an uneven MGRS reference", () => {
    expect(parseCoordinate("38S MB 1234 567")).toEqual({
      ok: false,
      code: "mgrsDigits",
      values: { reference: "38S MB 1234 567", easting: "4", northing: "3" },
    });
  });
});

const pos = (p: { lonDeg: number; latDeg: number }): [number, number] => [p.lonDeg, p.latDeg];
