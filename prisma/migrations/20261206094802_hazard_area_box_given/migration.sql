-- An area's box may be given by its writer: an import's commit measures each
-- polygon's box as it reads it, and the database measuring it again from the
-- JSON (hazard_area_box) cost about 1.4 ms a polygon of 260 vertices in
-- PGlite, 23 s of an import of 20,000 areas. The column stops being generated
-- (its values stay). A trigger makes the box from the geometry whenever a
-- writer gives none, and again when the geometry changes without a new box,
-- so registration, seeding, a revision or a script still cannot leave it out
-- or let it go stale.
--
-- The migration runner splits a script on every semicolon, comments and
-- function bodies included (the PostgreSQL driver adapter does), and PL/pgSQL
-- ends each statement with one: the body is an escaped string whose \073 is
-- the semicolon, which PostgreSQL reads back when it parses the string.
ALTER TABLE "HazardArea" ALTER COLUMN "bbox" DROP EXPRESSION;

CREATE FUNCTION "hazard_area_box_kept"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."bbox" IS NULL
     OR (TG_OP = ''UPDATE'' AND NEW."geometry" IS DISTINCT FROM OLD."geometry" AND NEW."bbox" IS NOT DISTINCT FROM OLD."bbox") THEN
    NEW."bbox" := "hazard_area_box"(NEW."geometry")\073
  END IF\073
  RETURN NEW\073
END
';

CREATE TRIGGER "HazardArea_bbox_kept" BEFORE INSERT OR UPDATE OF "geometry", "bbox" ON "HazardArea"
  FOR EACH ROW EXECUTE FUNCTION "hazard_area_box_kept"();

-- AlterTable
ALTER TABLE "RegisterImport" ADD COLUMN "registerAsOf" TIMESTAMP(3);
