import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { validateAreal } from "@/lib/geo/validate";
import { geometryFailure } from "@/tests/helpers/geometry-failure";
import { namesDbf, polygonShp, storedZip } from "@/tests/helpers/shapefile-writer";
import { typedTurningPointsCsv } from "./csv";
import { asFeatureCollection, type ReadOptions, readGeometryFile } from "./index";
import { lonLatToUtm } from "./utm";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

const enc = (s: string) => new TextEncoder().encode(s);
const read = (name: string, content: string | Uint8Array, options?: ReadOptions) =>
  readGeometryFile({ name, bytes: typeof content === "string" ? enc(content) : content }, options);

// A 200 m clearance box near Mosul (UTM 38N) and one near Sinjar (UTM 37N), counter-clockwise, closed.
const MOSUL: Position[] = [
  [43.05, 36.3],
  [43.0522, 36.3],
  [43.0522, 36.3018],
  [43.05, 36.3018],
  [43.05, 36.3],
];
const SINJAR: Position[] = [
  [41.87, 36.32],
  [41.8722, 36.32],
  [41.8722, 36.3218],
  [41.87, 36.3218],
  [41.87, 36.32],
];
const expectRing = (actual: Position[] | undefined, expected: Position[], digits = 7) => {
  expect(actual).toHaveLength(expected.length);
  actual!.forEach((p, i) => {
    expect(p[0]).toBeCloseTo(expected[i]![0]!, digits);
    expect(p[1]).toBeCloseTo(expected[i]![1]!, digits);
  });
};
// A 60 × 60 m patch left uncleared inside MOSUL, counter-clockwise: a hole.
const HOLE: Position[] = [
  [43.0508, 36.3006],
  [43.0514, 36.3006],
  [43.0514, 36.3012],
  [43.0508, 36.3012],
  [43.0508, 36.3006],
];
const areaOf = (rings: Position[][]) => validateAreal({ type: "Polygon", coordinates: rings }).areaM2;
const ringOf = (r: { polygons: { geometry: Polygon }[] }, i = 0) => r.polygons[i]!.geometry.coordinates[0];

describe("GeoJSON", () => {
  it("reads a bare geometry, a Feature and a FeatureCollection alike", async () => {
    const polygon = { type: "Polygon", coordinates: [MOSUL] };
    for (const doc of [
      polygon,
      { type: "Feature", properties: { name: "Lane block A" }, geometry: polygon },
      { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: polygon }] },
    ]) {
      const r = await read("site.geojson", JSON.stringify(doc));
      expect(r.format).toBe("geojson");
      expectRing(ringOf(r), MOSUL, 12);
    }
  });

  it("converts UTM 38N coordinates when the user states the zone, and asks for it otherwise", async () => {
    const utm = MOSUL.map(lonLatToUtm(38));
    const doc = JSON.stringify({ type: "Polygon", coordinates: [utm] });
    const e = await geometryFailure(read("site.geojson", doc));
    expect(e.code).toBe("MISSING_PROJECTION");
    expect(e.message).toMatch(/37N or 38N/);
    const r = await read("site.geojson", doc, { utmZone: 38 });
    expect(r.sourceCrs).toBe("EPSG:32638");
    expectRing(ringOf(r), MOSUL);
  });

  it("honours a legacy crs member naming EPSG:32637", async () => {
    const doc = {
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::32637" } },
      features: [
        { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [SINJAR.map(lonLatToUtm(37))] } },
      ],
    };
    const r = await read("sinjar.json", JSON.stringify(doc));
    expect(r.sourceCrs).toBe("EPSG:32637");
    expectRing(ringOf(r), SINJAR);
  });

  it("says what is wrong with broken JSON", async () => {
    const e = await geometryFailure(read("broken.geojson", '{"type": "Polygon", "coordinates": [[[43.05, 36.3],'));
    expect(e.code).toBe("UNREADABLE_FILE");
    expect(e.message).toMatch(/not valid JSON/);
  });
});

describe("KML and GPX", () => {
  const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
    <Placemark><name>CHA-17 block B</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
      ${MOSUL.map(([x, y]) => `${x},${y},0`).join(" ")}
    </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
    <Placemark><name>Marker</name><Point><coordinates>43.051,36.301,0</coordinates></Point></Placemark>
  </Document></kml>`;

  it("reads KML polygons with their names and ignores points with a note", async () => {
    const r = await read("report.kml", kml);
    expect(r.format).toBe("kml");
    expect(r.polygons).toHaveLength(1);
    expect(r.polygons[0]!.name).toBe("CHA-17 block B");
    expectRing(ringOf(r), MOSUL, 12);
    expect(r.notes.map((n) => n.en).join(" ")).toMatch(/1 point\(s\) ignored/);
  });

  const gpx = (
    points: Position[],
    waypoint = true,
  ) => `<?xml version="1.0"?><gpx version="1.1" creator="Garmin" xmlns="http://www.topografix.com/GPX/1/1">
    ${waypoint ? '<wpt lat="36.3009" lon="43.0511"><name>Start</name></wpt>' : ""}
    <trk><name>Boundary walk</name><trkseg>${points.map(([x, y]) => `<trkpt lat="${y}" lon="${x}"><ele>310</ele></trkpt>`).join("")}</trkseg></trk></gpx>`;

  it("reads a GPX track walked back to its start as a boundary", async () => {
    const walked = [...MOSUL.slice(0, -1), [43.05003, 36.30002]]; // ends 3 m from the start
    const r = await read("walk.gpx", gpx(walked));
    expect(r.format).toBe("gpx");
    expect(r.polygons).toHaveLength(1);
    expect(r.notes.map((n) => n.en).join(" ")).toMatch(/walked boundary/);
    expect(r.notes.map((n) => n.en).join(" ")).toMatch(/point\(s\) ignored/);
    expect(validateAreal(asFeatureCollection(r)).areaM2).toBeGreaterThan(35_000);
  });

  it("reads a second track segment walked inside the first as a hole, not as more land", async () => {
    const segment = (ring: Position[]) =>
      `<trkseg>${ring.map(([x, y]) => `<trkpt lat="${y}" lon="${x}"></trkpt>`).join("")}</trkseg>`;
    const doc = `<?xml version="1.0"?><gpx version="1.1" creator="Garmin" xmlns="http://www.topografix.com/GPX/1/1">
      <trk><name>Boundary walk</name>${segment(MOSUL)}${segment([...HOLE].reverse())}</trk></gpx>`;
    const r = await read("walk.gpx", doc);
    expect(r.polygons).toHaveLength(1);
    expect(r.polygons[0]!.geometry.coordinates).toHaveLength(2);
    expect(validateAreal(asFeatureCollection(r)).areaM2).toBeCloseTo(areaOf([MOSUL, HOLE]), 0);
    expect(r.notes.map((n) => n.en)).toEqual([
      "Feature 1 is a line that closes on itself: read as a walked boundary.",
      "Feature 1: a closed segment lying inside another is read as a hole in it (land not included).",
    ]);
  });

  it("rejects a track that does not close, saying how far apart its ends are", async () => {
    const e = await geometryFailure(read("walk.gpx", gpx(MOSUL.slice(0, -1), false)));
    expect(e.code).toBe("NOT_A_POLYGON");
    expect(e.message).toMatch(/ends 2\d\d m apart/);
  });

  it("reports malformed XML", async () => {
    const e = await geometryFailure(read("bad.kml", "<kml><Document><Placemark></Document>"));
    expect(e.code).toBe("UNREADABLE_FILE");
  });
});

describe("zipped shapefiles", () => {
  const clockwise = (ring: Position[]) => [...ring].reverse();
  const PRJ_38N =
    'PROJCS["WGS_1984_UTM_Zone_38N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",45.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
  const PRJ_37N = PRJ_38N.replace("Zone_38N", "Zone_37N").replace('"Central_Meridian",45.0', '"Central_Meridian",39.0');

  it("reprojects UTM 38N from the .prj and keeps the attribute name", async () => {
    const zip = storedZip({
      "release/site.shp": polygonShp([[clockwise(MOSUL.map(lonLatToUtm(38)))]]),
      "release/site.dbf": namesDbf(["CHA-17"]),
      "release/site.prj": PRJ_38N,
    });
    const r = await read("site.zip", zip);
    expect(r).toMatchObject({ format: "shapefile", sourceCrs: "EPSG:32638" });
    expect(r.polygons[0]!.name).toBe("CHA-17");
    expect(validateAreal(asFeatureCollection(r)).areaM2).toBeCloseTo(
      validateAreal({ type: "Polygon", coordinates: [MOSUL] }).areaM2,
      0,
    );
  });

  it("keeps each feature's attributes by feature, for an import to map", async () => {
    const zip = storedZip({
      "register/areas.shp": polygonShp([[clockwise(MOSUL)], [clockwise(SINJAR)]]),
      "register/areas.dbf": namesDbf(["CHA-17", "SHA-02"]),
    });
    const shp = await read("areas.zip", zip);
    expect(shp.attributes.map((a) => String(a.NAME).trim())).toEqual(["CHA-17", "SHA-02"]);
    expect(shp.polygons.map((p) => p.feature)).toEqual([0, 1]);
    const kml = await read(
      "areas.kml",
      `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>CHA-17</name><ExtendedData><Data name="HAZ_TYPE"><value>Confirmed Hazardous Area</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${MOSUL.map((p) => p.join(",")).join(" ")}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`,
    );
    expect(kml.attributes[0]).toMatchObject({ name: "CHA-17", HAZ_TYPE: "Confirmed Hazardous Area" });
    const geojson = await read(
      "areas.geojson",
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { code: "CHA-17", priority: 2, nested: { a: 1 } },
            geometry: { type: "Polygon", coordinates: [MOSUL] },
          },
        ],
      }),
    );
    // Nested objects are not columns.
    expect(geojson.attributes).toEqual([{ code: "CHA-17", priority: 2 }]);
  });

  it("reprojects UTM 37N from the .prj", async () => {
    const r = await read(
      "sinjar.zip",
      storedZip({ "s.shp": polygonShp([[clockwise(SINJAR.map(lonLatToUtm(37)))]]), "s.prj": PRJ_37N }),
    );
    expect(r.sourceCrs).toBe("EPSG:32637");
    const ring = ringOf(r)!;
    const xs = ring.map((p) => p[0]!);
    expect(Math.min(...xs)).toBeCloseTo(41.87, 7);
    expect(Math.max(...xs)).toBeCloseTo(41.8722, 7);
  });

  it("reads a ring inside another as a hole whatever its winding (GDAL's rule), and a ring inside that hole as an island", async () => {
    const utm = (ring: Position[]) => ring.map(lonLatToUtm(38));
    const island: Position[] = [
      [43.051, 36.3008],
      [43.0512, 36.3008],
      [43.0512, 36.301],
      [43.051, 36.301],
      [43.051, 36.3008],
    ];
    // Every ring clockwise, as a shell: shpjs took the hole for a second shell and counted it as land.
    const zip = storedZip({ "s.shp": polygonShp([[clockwise(utm(MOSUL)), clockwise(utm(HOLE))]]), "s.prj": PRJ_38N });
    const r = await read("s.zip", zip);
    expect(r.polygons).toHaveLength(1);
    expect(r.polygons[0]!.geometry.coordinates).toHaveLength(2);
    expect(validateAreal(asFeatureCollection(r)).areaM2).toBeCloseTo(areaOf([MOSUL, HOLE]), 0);

    const nested = await read(
      "s.zip",
      storedZip({
        "s.shp": polygonShp([[clockwise(utm(island)), clockwise(utm(MOSUL)), utm(HOLE)]]),
        "s.prj": PRJ_38N,
      }),
    );
    expect(nested.polygons.map((p) => p.geometry.coordinates.length).sort()).toEqual([1, 2]);
    expect(validateAreal(asFeatureCollection(nested)).areaM2).toBeCloseTo(areaOf([MOSUL, HOLE]) + areaOf([island]), 0);
  });

  it("without a .prj, uses the stated zone or asks for it", async () => {
    const zip = storedZip({ "s.shp": polygonShp([[clockwise(MOSUL.map(lonLatToUtm(38)))]]) });
    expect((await geometryFailure(read("s.zip", zip))).code).toBe("MISSING_PROJECTION");
    const r = await read("s.zip", zip, { utmZone: 38 });
    expect(Math.min(...ringOf(r)!.map((p) => p[1]!))).toBeCloseTo(36.3, 7);
  });

  it("rejects a zip without a .shp", async () => {
    const e = await geometryFailure(read("notes.zip", storedZip({ "readme.txt": "hello" })));
    expect(e.code).toBe("UNREADABLE_FILE");
    expect(e.message).toMatch(/no \.shp/);
  });

  it("refuses a damaged or cut-off zip at once (found by fuzzing: it used to hang the server)", async () => {
    const whole = storedZip({ "s.shp": polygonShp([[clockwise(MOSUL.map(lonLatToUtm(38)))]]), "s.prj": PRJ_38N });
    for (const bytes of [
      new TextEncoder().encode("PK\u0003\u0004garbage-that-claims-to-be-a-zip"),
      whole.subarray(0, whole.length - 30),
      new Uint8Array(0),
    ]) {
      const e = await geometryFailure(read("field.zip", bytes));
      expect(e.code).toBe("UNREADABLE_FILE");
      expect(e.message).toMatch(/damaged or incomplete/);
    }
  });
});

describe("CSV turning points", () => {
  it("reads longitude/latitude rows, closing the ring", async () => {
    const csv = ["lon,lat", ...MOSUL.slice(0, -1).map(([x, y]) => `${x},${y}`)].join("\n");
    expectRing(ringOf(await read("points.csv", csv)), MOSUL, 12);
  });

  it("groups several polygons by id and sorts points by their order column", async () => {
    const rows = [
      ["A", 2, ...MOSUL[1]!],
      ["B", 1, ...SINJAR[0]!],
      ["A", 1, ...MOSUL[0]!],
      ["A", 4, ...MOSUL[3]!],
      ["B", 2, ...SINJAR[1]!],
      ["A", 3, ...MOSUL[2]!],
      ["B", 3, ...SINJAR[2]!],
      ["B", 4, ...SINJAR[3]!],
    ];
    const r = await read("sites.csv", ["site,pt,longitude,latitude", ...rows.map((x) => x.join(","))].join("\r\n"));
    expect(r.polygons.map((p) => p.name)).toEqual(["A", "B"]);
    expectRing(ringOf(r, 0), MOSUL, 12);
    expectRing(ringOf(r, 1), SINJAR, 12);
  });

  it("converts easting/northing with a zone column (37N and 38N in one file)", async () => {
    const a = MOSUL.slice(0, -1)
      .map(lonLatToUtm(38))
      .map(([e, n]) => `A,38N,${e},${n}`);
    const b = SINJAR.slice(0, -1)
      .map(lonLatToUtm(37))
      .map(([e, n]) => `B,37,${e},${n}`);
    const r = await read("utm.csv", ["id,zone,easting,northing", ...a, ...b].join("\n"));
    expectRing(ringOf(r, 0), MOSUL);
    expectRing(ringOf(r, 1), SINJAR);
  });

  it("names the row and column of a bad number", async () => {
    const e = await geometryFailure(read("points.csv", "lon,lat\n43.05,36.3\n43.06,36.3O\n43.06,36.31\n"));
    expect(e.code).toBe("INVALID_COORDINATE");
    expect(e.message).toMatch(/^Row 3: 'lat' is '36.3O', not a number/);
    const comma = await geometryFailure(read("points.csv", 'lon,lat\n43.05,36.3\n43.06,"36,3"\n'));
    expect(comma.message).toMatch(/Use a dot for decimals/);
  });

  it("reads turning points typed one per line, with spaces, commas or semicolons, as the same polygon", async () => {
    const typed = [
      "",
      `  ${MOSUL[0]![0]} ${MOSUL[0]![1]}`,
      `${MOSUL[1]![0]}, ${MOSUL[1]![1]}`,
      `${MOSUL[2]![0]};${MOSUL[2]![1]}`,
      `${MOSUL[3]![0]}\t${MOSUL[3]![1]}`,
      "",
    ].join("\r\n");
    expectRing(ringOf(await read("turning-points.csv", typedTurningPointsCsv(typed))), MOSUL, 12);
    const utm = MOSUL.slice(0, -1)
      .map(lonLatToUtm(38))
      .map(([e, n]) => `${e} ${n}`)
      .join("\n");
    expectRing(ringOf(await read("turning-points.csv", typedTurningPointsCsv(utm, 38), { utmZone: 38 })), MOSUL);
    // A typo is named by its row, counting the header the form adds: the typist's line 2 is row 3.
    const e = await geometryFailure(
      read("turning-points.csv", typedTurningPointsCsv("43.05 36.3\n43.06 36.3O\n43.06 36.31")),
    );
    expect(e.message).toMatch(/^Row 3: 'lat' is '36.3O'/);
  });

  it("asks for the zone of easting/northing rows", async () => {
    const e = await geometryFailure(
      read("utm.csv", "easting,northing\n326000,4019000\n326300,4019000\n326300,4019200\n"),
    );
    expect(e.code).toBe("MISSING_PROJECTION");
    expect(e.message).toMatch(/^Row 2/);
  });
});

describe("limits and formats", () => {
  const big = JSON.stringify({ type: "Polygon", coordinates: [MOSUL] });

  it("refuses files over the size limit before parsing them", async () => {
    const e = await geometryFailure(read("big.geojson", big, { limits: { maxBytes: 100 } }));
    expect(e.code).toBe("FILE_TOO_LARGE");
    expect(e.message).toMatch(/limit is 0\.0 MB/);
  });

  it("refuses too many points and too many features", async () => {
    expect((await geometryFailure(read("x.geojson", big, { limits: { maxVertices: 4 } }))).code).toBe(
      "TOO_MANY_VERTICES",
    );
    const two = JSON.stringify({
      type: "FeatureCollection",
      features: [MOSUL, SINJAR].map((r) => ({
        type: "Feature",
        properties: {},
        geometry: { type: "Polygon", coordinates: [r] },
      })),
    });
    expect((await geometryFailure(read("x.geojson", two, { limits: { maxFeatures: 1 } }))).code).toBe(
      "TOO_MANY_FEATURES",
    );
  });

  it("refuses a zip that expands past the limit, stopping as it inflates (a zip bomb)", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("bomb.shp", new Uint8Array(8 * 1024 * 1024)); // 8 MB of zeros deflate to a few KB
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.byteLength).toBeLessThan(100_000);
    const e = await geometryFailure(
      readGeometryFile({ name: "bomb.zip", bytes }, { limits: { maxUnzippedBytes: 1024 * 1024 } }),
    );
    expect(e.code).toBe("FILE_TOO_LARGE");
    expect(e.message).toMatch(/expands to more than 1 MB/);
  });

  it("names the formats it reads when given another", async () => {
    const e = await geometryFailure(read("site.dwg", "binary"));
    expect(e.code).toBe("UNSUPPORTED_FORMAT");
    expect(e.message).toMatch(/GeoJSON.*KML.*GPX.*shapefile.*CSV/);
  });
});
