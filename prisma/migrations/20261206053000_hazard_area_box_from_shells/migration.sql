-- A hazardous area's box from its polygons' outer rings only: holes lie inside
-- their shell, so the box is the same, and walking every position of every
-- ring with a recursive JSON path cost PGlite about 2.5 ms for a polygon of
-- 260 vertices, the largest part of registering an imported area (measured
-- with npm run bench:register). Equal boxes for every area, so the stored
-- column and its index stay as they are. (No semicolon inside the body: the
-- migration runner splits the script on them.)
CREATE OR REPLACE FUNCTION "hazard_area_box"(geometry jsonb) RETURNS box LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT box(point(min((p->>0)::float8), min((p->>1)::float8)), point(max((p->>0)::float8), max((p->>1)::float8)))
  FROM jsonb_array_elements(CASE geometry->>'type' WHEN 'MultiPolygon' THEN geometry->'coordinates' ELSE jsonb_build_array(geometry->'coordinates') END) AS polygon,
       jsonb_array_elements(polygon->0) AS p
$$;
