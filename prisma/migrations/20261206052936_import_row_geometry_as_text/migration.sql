-- An import's checked polygons are kept as GeoJSON text until the commit
-- reads them back: never queried inside, and parsing them into jsonb was about
-- a third of previewing a national register (npm run bench:register).
-- AlterTable
ALTER TABLE "RegisterImportRow" ALTER COLUMN "geometry" SET DATA TYPE TEXT USING "geometry"::text;
