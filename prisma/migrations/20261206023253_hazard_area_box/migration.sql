-- Each hazardous area's bounding box, (west, south) to (east, north) in degrees,
-- with a GiST index: the overlap check at registration (and later imports and
-- map queries) finds the areas a polygon may touch through the index instead of
-- reading every area near it.
--
-- The box is a column the database generates from the GeoJSON polygon, so no
-- way of writing an area (registration, seed, import, a script) can leave it
-- out or let it go stale, and the areas already registered get theirs now.
-- Positions are the arrays whose first element is a number, at whatever depth
-- (Polygon or MultiPolygon). (No semicolon inside the function's body: the
-- migration runner splits the script on them.)
CREATE FUNCTION "hazard_area_box"(geometry jsonb) RETURNS box LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT box(point(min((p->>0)::float8), min((p->>1)::float8)), point(max((p->>0)::float8), max((p->>1)::float8)))
  FROM jsonb_path_query(geometry, 'strict $.coordinates.**') AS p
  WHERE jsonb_typeof(p) = 'array' AND jsonb_typeof(p->0) = 'number'
$$;

-- AlterTable
ALTER TABLE "HazardArea" ADD COLUMN "bbox" box GENERATED ALWAYS AS ("hazard_area_box"("geometry")) STORED;

-- CreateIndex
CREATE INDEX "HazardArea_bbox_idx" ON "HazardArea" USING GIST ("bbox");
