import fs from "node:fs";
import path from "node:path";
import type { Polygon, Position } from "geojson";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { geometryFailure } from "@/tests/helpers/geometry-failure";
import { distanceM } from "./features";
import { type ReadResult, readGeometryFile } from "./index";

// The same 300 × 200 m area with a hole near Zubair, written by GDAL (ogr2ogr, PROJ's EPSG transformations)
// in WGS 84 and in Iraq's older systems: tests/fixtures/geo/datums/make.sh.
const DIR = path.join(import.meta.dirname, "../../../tests/fixtures/geo/datums");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));
const ORIGINAL = (
  JSON.parse(fs.readFileSync(path.join(DIR, "wgs84.geojson"), "utf8")) as { features: { geometry: Polygon }[] }
).features[0]!.geometry.coordinates;

const readZip = (bytes: Uint8Array) => readGeometryFile({ name: "field.zip", bytes });

/** The farthest a read vertex lies from the original's nearest vertex of the same ring (GDAL may reverse rings), metres. */
function worstOffsetM(result: ReadResult): number {
  const rings = result.polygons[0]!.geometry.coordinates;
  expect(rings).toHaveLength(ORIGINAL.length);
  return Math.max(
    ...rings.flatMap((ring, i) => ring.map((p: Position) => Math.min(...ORIGINAL[i]!.map((o) => distanceM(p, o))))),
  );
}

/** The fixture with its .prj replaced: how a shift gets dropped, or another program's .prj for the same system. */
async function withPrj(zipName: string, prj: (old: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fixture(zipName));
  const prjName = Object.keys(zip.files).find((n) => n.endsWith(".prj"))!;
  zip.file(prjName, prj(await zip.file(prjName)!.async("string")));
  return zip.generateAsync({ type: "uint8array" });
}

const WGS84_DATUM = 'DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]';
const dropShift = (prj: string) => prj.replace(/DATUM\["[^"]*",SPHEROID\["[^"]*",[\d.]+,[\d.]+\]\]/, WGS84_DATUM);

describe("shapefiles in Iraq's older coordinate systems", () => {
  const cases = [
    {
      zip: "epsg-7006.zip",
      crs: "EPSG:7006",
      datum: "Nahrwan 1934",
      transformation: 7033,
      accuracyM: 30,
      note: /Nahrwan 1934 UTM zone 38N \(datum Nahrwan 1934\).*EPSG:7033.*about 30 m/,
    },
    {
      zip: "epsg-20438.zip",
      crs: "EPSG:20438",
      datum: "Ain el Abd 1970",
      transformation: 1111,
      accuracyM: 18,
      note: /Ain el Abd UTM Zone 38N.*EPSG:1111.*about 18 m/,
    },
    // EPSG publishes no accuracy for ED50 to WGS 84 (3); the file must still land where GDAL put it.
    {
      zip: "epsg-3893.zip",
      crs: "EPSG:3893",
      datum: "ED50",
      transformation: 1135,
      accuracyM: null,
      note: /ED 1950 Iraq National Grid.*EPSG:1135.*no accuracy/,
    },
    {
      zip: "epsg-3392.zip",
      crs: "EPSG:3392",
      datum: "Karbala 1979",
      transformation: 5078,
      accuracyM: 1,
      note: /Karbala 1979 Polservice UTM Zone 38N.*EPSG:5078.*about 1 m/,
    },
  ];

  for (const c of cases) {
    it(`reads ${c.crs} (${c.datum}) where GDAL wrote it from WGS 84, saying which transformation was applied`, async () => {
      const r = await readZip(fixture(c.zip));
      expect(r.sourceCrs).toBe(c.crs);
      expect(r.datumTransformation).toMatchObject({ datum: c.datum, epsg: c.transformation, accuracyM: c.accuracyM });
      // Within the transformation's published accuracy, and within a metre: the same parameters PROJ applied.
      expect(worstOffsetM(r)).toBeLessThan(Math.min(c.accuracyM ?? 1, 1));
      expect(r.notes[0]!.en).toMatch(c.note);
      for (const language of ["ar", "ckb"] as const)
        expect(r.notes[0]![language]).toContain(`EPSG:${c.transformation}`);

      // The fixture does carry the shift: read with WGS 84's datum in its .prj, it lands far off.
      const dropped = await readZip(await withPrj(c.zip, dropShift));
      expect(dropped.datumTransformation).toBeUndefined();
      expect(worstOffsetM(dropped)).toBeGreaterThan(50);
    });
  }

  it("reads IGRS / UTM 38N as WGS 84, naming IGRS's ±1 m equivalence", async () => {
    const r = await readZip(fixture("epsg-3891.zip"));
    expect(r.sourceCrs).toBe("EPSG:3891");
    expect(r.datumTransformation).toMatchObject({ datum: "IGRS", epsg: 3894, accuracyM: 1 });
    expect(worstOffsetM(r)).toBeLessThan(0.001);
    expect(r.notes[0]!.en).toMatch(/IGRS UTM Zone 38N.*EPSG:3894.*about 1 m/);
  });

  it("reads WGS 84 and WGS 84 / UTM 38N written by GDAL exactly, with nothing to say about a datum", async () => {
    for (const [zip, crs] of [
      ["epsg-4326.zip", "EPSG:4326"],
      ["epsg-32638.zip", "EPSG:32638"],
    ] as const) {
      const r = await readZip(fixture(zip));
      expect(r.sourceCrs).toBe(crs);
      expect(r.datumTransformation).toBeUndefined();
      expect(r.notes).toEqual([]);
      expect(worstOffsetM(r)).toBeLessThan(0.001);
    }
  });

  it("recognises the datum by its EPSG codes in an OGC WKT .prj, and names the system by its code", async () => {
    const r = await readZip(
      await withPrj("epsg-7006.zip", () => fs.readFileSync(path.join(DIR, "nahrwan-utm38n-ogc.prj"), "utf8")),
    );
    expect(r.sourceCrs).toBe("EPSG:7006");
    expect(r.datumTransformation?.epsg).toBe(7033);
    expect(r.notes[0]!.en).toMatch(/^Read in Nahrwan 1934 \/ UTM zone 38N/);
    expect(worstOffsetM(r)).toBeLessThan(1);
  });

  it("applies the TOWGS84 a .prj gives for a datum it names no other way", async () => {
    const r = await readZip(
      await withPrj("epsg-7006.zip", () => fs.readFileSync(path.join(DIR, "utm38n-own-towgs84.prj"), "utf8")),
    );
    expect(r.datumTransformation).toBeUndefined();
    expect(r.notes[0]!.en).toMatch(/datum shift its \.prj gives \(TOWGS84 -242\.2, -144\.9, 370\.3, 0, 0, 0, 0\)/);
    expect(worstOffsetM(r)).toBeLessThan(1);
  });

  it("refuses a datum whose shift is unknown on another ellipsoid, rather than read it as WGS 84", async () => {
    const local = await withPrj("epsg-7006.zip", (prj) => prj.replace(/Nahrwan_1934/g, "Local_Survey_1961"));
    const e = await geometryFailure(readZip(local));
    expect(e.code).toBe("UNSUPPORTED_PROJECTION");
    expect(e.message).toMatch(/on the datum Local Survey 1961, whose shift to WGS 84 this app does not know/);
    expect(e.message).toMatch(/Nahrwan 1934, Ain el Abd 1970, ED50, Karbala 1979, IGRS/);
    expect(e.problems[0]!.text.ar).toContain("Local Survey 1961");
  });

  it("takes no ellipsoid's or unit's EPSG code for a system's (Bessel Modified is ellipsoid 7005, Nahrwan's UTM 37N system 7005)", async () => {
    const ogc = fs.readFileSync(path.join(DIR, "nahrwan-utm38n-ogc.prj"), "utf8");
    const local = ogc
      .replace(/Nahrwan[_ ]1934/g, "Local_1961")
      .replace('"7012"', '"7005"')
      .replace(/"(6744|4744|7006)"/g, '"99999"');
    expect(local).toContain('AUTHORITY["EPSG","7005"]');
    expect((await geometryFailure(readZip(await withPrj("epsg-7006.zip", () => local)))).code).toBe(
      "UNSUPPORTED_PROJECTION",
    );
  });

  it("reads an unknown datum on WGS 84's ellipsoid as WGS 84, and says so", async () => {
    const itrf = await withPrj("epsg-32638.zip", (prj) =>
      prj.replace("D_WGS_1984", "D_ITRF_2008").replace('"GCS_WGS_1984"', '"GCS_ITRF_2008"'),
    );
    const r = await readZip(itrf);
    expect(r.notes[0]!.en).toMatch(
      /on the datum ITRF 2008, whose shift to WGS 84 this app does not know; .* read as WGS 84/,
    );
    expect(worstOffsetM(r)).toBeLessThan(0.001);
  });

  it("honours a GeoJSON crs member naming a system on one of Iraq's datums by its EPSG code", async () => {
    for (const [file, crs, transformation] of [
      ["epsg-7006.geojson", "EPSG:7006", 7033],
      ["epsg-3893.geojson", "EPSG:3893", 1135],
    ] as const) {
      const r = await readGeometryFile({ name: file, bytes: fixture(file) });
      expect(r.sourceCrs).toBe(crs);
      expect(r.datumTransformation?.epsg).toBe(transformation);
      expect(worstOffsetM(r)).toBeLessThan(0.01); // the coordinates are written to the millimetre
    }
    expect(
      (await readGeometryFile({ name: "epsg-7006.geojson", bytes: fixture("epsg-7006.geojson") })).notes[0]!.en,
    ).toMatch(/^Read in Nahrwan 1934 \/ UTM zone 38N/);
  });
});
