// The files registers are kept in besides shapefiles: KMZ from Google Earth,
// CSV and Excel tables with a WKT column, and GeoPackages from QGIS and
// ArcGIS Pro, each read to the same WGS 84 polygons and attributes.
import type { Polygon, Position } from "geojson";
import { geojsonToGeosGeom } from "geos-wasm/helpers";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { loadGeometryEngine } from "@/lib/geo/engine";
import { geometryFailure } from "@/tests/helpers/geometry-failure";
import { PRJ_UTM_38N } from "@/tests/helpers/register-file";
import { storedZip } from "@/tests/helpers/shapefile-writer";
import { readGeometryFile } from "./index";
import { lonLatToUtm } from "./utm";
import { wkbToGeoJSON } from "./wkb";
import "@/tests/helpers/geometry-engine";

const enc = (s: string) => new TextEncoder().encode(s);
// A 200 m box near Kirkuk, counter-clockwise, closed.
const KIRKUK: Position[] = [
  [44.39, 35.47],
  [44.3922, 35.47],
  [44.3922, 35.4718],
  [44.39, 35.4718],
  [44.39, 35.47],
];
const wkt = (ring: Position[]) => `POLYGON ((${ring.map((p) => p.join(" ")).join(", ")}))`;
const expectRing = (actual: Position[] | undefined, expected: Position[]) => {
  expect(actual).toHaveLength(expected.length);
  actual!.forEach((p, i) => {
    expect(p[0]).toBeCloseTo(expected[i]![0]!, 7);
    expect(p[1]).toBeCloseTo(expected[i]![1]!, 7);
  });
};

/** GEOS's own WKB of a geometry (ISO, with Z when `z` is given): an encoder this app did not write. */
async function geosWkb(polygon: Polygon, z?: number): Promise<Uint8Array> {
  const geos = await loadGeometryEngine();
  const g = geojsonToGeosGeom(
    z === undefined ? polygon : { ...polygon, coordinates: polygon.coordinates.map((r) => r.map((p) => [...p, z])) },
    geos,
  );
  const writer = geos.GEOSWKBWriter_create();
  geos.GEOSWKBWriter_setOutputDimension(writer, z === undefined ? 2 : 3);
  geos.GEOSWKBWriter_setFlavor(writer, 2); // ISO
  const size = geos.Module._malloc(4);
  const buffer = geos.GEOSWKBWriter_write(writer, g, size);
  const bytes = geos.Module.HEAPU8.slice(buffer, buffer + geos.Module.getValue(size, "i32"));
  geos.GEOSFree(buffer);
  geos.Module._free(size);
  geos.GEOSWKBWriter_destroy(writer);
  geos.GEOSGeom_destroy(g);
  return bytes;
}

describe("reading WKB", () => {
  it("reads GEOS's WKB of a polygon, in 2D and with Z (dropped)", async () => {
    const polygon: Polygon = { type: "Polygon", coordinates: [KIRKUK] };
    expect(wkbToGeoJSON(await geosWkb(polygon))).toEqual(polygon);
    expect(wkbToGeoJSON(await geosWkb(polygon, 312))).toEqual(polygon);
  });

  it("refuses a count no file could hold instead of making it", async () => {
    const bytes = await geosWkb({ type: "Polygon", coordinates: [KIRKUK] });
    new DataView(bytes.buffer).setUint32(5, 0xfffffff0, true); // the number of rings
    expect(() => wkbToGeoJSON(bytes)).toThrow(/more than the file holds/);
  });
});

describe("reading a register's files", () => {
  it("reads a KMZ's KML, its placemark's data as attributes", async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>
      <name>SHA-KRK-0042</name><ExtendedData><Data name="Contamination"><value>AP mines</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${KIRKUK.map((p) => p.join(",")).join(" ")}</coordinates></LinearRing></outerBoundaryIs></Polygon>
    </Placemark></Document></kml>`;
    const read = await readGeometryFile({ name: "survey.kmz", bytes: storedZip({ "doc.kml": kml }) });
    expect(read.format).toBe("kmz");
    expectRing(read.polygons[0]!.geometry.coordinates[0], KIRKUK);
    expect(read.attributes[0]).toMatchObject({ name: "SHA-KRK-0042", Contamination: "AP mines" });
    // A ZIP64 locator before the end record: another reader would follow a directory this one does not see.
    const zip = storedZip({ "doc.kml": kml });
    const zip64 = new Uint8Array(zip.byteLength + 20);
    zip64.set(zip.subarray(0, zip.byteLength - 22));
    zip64.set([0x50, 0x4b, 0x06, 0x07], zip.byteLength - 22);
    zip64.set(zip.subarray(zip.byteLength - 22), zip.byteLength - 2);
    const refused = await geometryFailure(readGeometryFile({ name: "survey.kmz", bytes: zip64 }));
    expect(refused.problems[0]!.text.en).toMatch(/ZIP64 archives are not read/);
    const empty = await geometryFailure(readGeometryFile({ name: "x.kmz", bytes: storedZip({ "a.txt": "x" }) }));
    expect(empty.problems[0]!.text.en).toMatch(/holds no \.kml/);
  });

  it("reads a CSV table of areas with a WKT column: attributes, EWKT in UTM 38N, and the row and column of bad WKT", async () => {
    const utm = lonLatToUtm(38);
    const csv = [
      "HAZ_LOCALI,HAZ_TYPE,SHAPE@WKT",
      `SHA-KRK-0001,Suspected Hazardous Area,"${wkt(KIRKUK)}"`,
      "",
      `SHA-KRK-0002,Confirmed Hazardous Area,`,
      "",
    ].join("\n");
    const read = await readGeometryFile({ name: "register.csv", bytes: enc(csv) });
    // Named by the lines a spreadsheet shows them on, the blank line between them counted.
    expect(read.rowNumbers).toEqual([2, 4]);
    expect(read.attributes).toEqual([
      { HAZ_LOCALI: "SHA-KRK-0001", HAZ_TYPE: "Suspected Hazardous Area" },
      { HAZ_LOCALI: "SHA-KRK-0002", HAZ_TYPE: "Confirmed Hazardous Area" },
    ]);
    // The second row has no polygon: the import says so for its row; the file is still read.
    expect(read.polygons.map((p) => p.feature)).toEqual([0]);
    expectRing(read.polygons[0]!.geometry.coordinates[0], KIRKUK);

    const projected = `code,wkt\nA,"SRID=32638;${wkt(KIRKUK.map(utm))}"\n`;
    const fromUtm = await readGeometryFile({ name: "utm.csv", bytes: enc(projected) });
    expect(fromUtm.sourceCrs).toBe("EPSG:32638");
    expectRing(fromUtm.polygons[0]!.geometry.coordinates[0], KIRKUK);

    const mixed = `code,wkt\nA,"SRID=32638;${wkt(KIRKUK.map(utm))}"\nB,"${wkt(KIRKUK)}"\n`;
    const unsaid = await geometryFailure(readGeometryFile({ name: "mixed.csv", bytes: enc(mixed) }));
    expect(unsaid.problems[0]!.text.en).toMatch(/more than one coordinate system \(SRID 32638, none\)/);

    const broken = `code,wkt\nA,"${wkt(KIRKUK)}"\nB,"POLYGON ((44.1 35.2, 44.2"\n`;
    const failure = await geometryFailure(readGeometryFile({ name: "broken.csv", bytes: enc(broken) }));
    expect(failure.problems[0]!.text.en).toMatch(/^Row 3: the 'wkt' column holds 'POLYGON \(\(44\.1 35\.2, 44\.2'/);
  });

  it("reads the first sheet of an Excel workbook as a table of areas, its dates as dates", async () => {
    const workbook = await writeXlsxFile([
      [{ value: "Code" }, { value: "Date of information" }, { value: "WKT" }],
      [
        { value: "CHA-KRK-0007" },
        { type: Date, value: new Date("2019-03-12T00:00:00Z"), format: "yyyy-mm-dd" },
        { value: wkt(KIRKUK) },
      ],
    ]).toBuffer();
    const read = await readGeometryFile({ name: "register.xlsx", bytes: new Uint8Array(workbook) });
    expect(read.format).toBe("xlsx");
    expect(read.attributes[0]!.Code).toBe("CHA-KRK-0007");
    expect((read.attributes[0]!["Date of information"] as Date).toISOString().slice(0, 10)).toBe("2019-03-12");
    expectRing(read.polygons[0]!.geometry.coordinates[0], KIRKUK);
  });

  it("reads a GeoPackage's polygon layer in UTM 38N, its columns as attributes, and names the layer it left", async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
              organization_coordsys_id INTEGER, definition TEXT, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
              srs_id INTEGER, z INTEGER, m INTEGER);
            CREATE TABLE points (fid INTEGER PRIMARY KEY, geom BLOB);
            CREATE TABLE hazards (fid INTEGER PRIMARY KEY, geom BLOB, HAZ_LOCALI TEXT, AREA_M2 REAL);`);
    db.run("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 / UTM zone 38N', 32638, 'EPSG', 32638, ?, '')", [
      PRJ_UTM_38N,
    ]);
    db.run(`INSERT INTO gpkg_contents VALUES ('points', 'features', 'points', 32638), ('hazards', 'features', 'hazards', 32638);
            INSERT INTO gpkg_geometry_columns VALUES ('points', 'geom', 'POINT', 32638, 0, 0), ('hazards', 'geom', 'MULTIPOLYGON', 32638, 1, 0);`);
    const utm = lonLatToUtm(38);
    const wkb = await geosWkb({ type: "Polygon", coordinates: [KIRKUK.map(utm)] }, 300);
    // The GeoPackage header: "GP", version 0, flags (little-endian, an envelope of 4 doubles), srs_id, the envelope.
    const blob = new Uint8Array(8 + 32 + wkb.byteLength);
    blob.set([0x47, 0x50, 0, 0b11]);
    new DataView(blob.buffer).setInt32(4, 32638, true);
    blob.set(wkb, 40);
    db.run("INSERT INTO hazards VALUES (1, ?, 'CHA-KRK-0100', 48000.5), (2, NULL, 'CHA-KRK-0101', 0)", [blob]);
    const bytes = db.export();
    db.close();
    const read = await readGeometryFile({ name: "register.gpkg", bytes });
    expect(read).toMatchObject({ format: "geopackage", sourceCrs: "EPSG:32638" });
    expect(read.attributes).toEqual([
      { fid: 1, HAZ_LOCALI: "CHA-KRK-0100", AREA_M2: 48000.5 },
      { fid: 2, HAZ_LOCALI: "CHA-KRK-0101", AREA_M2: 0 },
    ]);
    expect(read.polygons.map((p) => p.feature)).toEqual([0]);
    expectRing(read.polygons[0]!.geometry.coordinates[0], KIRKUK);
    expect(read.notes.map((n) => n.en)).toContain("Layer 'hazards' was read; the file's layer 'points' was not.");

    // A layer that is a view (which could make rows without end) is not read.
    const viewDb = new SQL.Database(bytes);
    viewDb.run("ALTER TABLE hazards RENAME TO hazards_data; CREATE VIEW hazards AS SELECT * FROM hazards_data");
    const asView = await geometryFailure(readGeometryFile({ name: "view.gpkg", bytes: viewDb.export() }));
    viewDb.close();
    expect(asView.problems[0]!.text.en).toMatch(/no layer of polygons/);

    const notSqlite = await geometryFailure(readGeometryFile({ name: "x.gpkg", bytes: enc("PK not a database") }));
    expect(notSqlite.problems[0]!.text.en).toMatch(/^The GeoPackage could not be read \(it is not an SQLite file\)/);
  });
});
