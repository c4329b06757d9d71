// What every dataset module gives an export: the permission of the screen
// that shows the dataset, and its records in the caller's scope and the
// view's filters, counted and read a batch at a time.
import "server-only";
import type { MultiPolygon, Polygon } from "geojson";
import type { SpatialFeature, SpatialProperties } from "@/lib/exports/spatial";
import { type BatchPage, batches } from "@/lib/exports/stream";
import type { Column, TableSpec } from "@/lib/exports/table";
import type { ExportFilter } from "@/lib/schemas/export-filter";
import type { Actor, Permission } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";

/** A table as an export reads it: its columns, how many rows, and the rows a batch at a time. */
export type Table = { spec: TableSpec<never>; count: () => Promise<number>; rows: () => AsyncIterable<never[]> };

/** Areas as an export reads them: how many, and the features a batch at a time. */
export type Areas = { count: () => Promise<number>; features: () => AsyncIterable<SpatialFeature[]> };

/** A dataset: who may read it (the permission of its screen) and its records for the caller and the view. */
export type Dataset<Records> = { permission: Permission; read: Read<Records> };

/** A table dataset, its sheet and columns known before any row is read. */
export type TableDataset = Dataset<Table> & { spec: TableSpec<never> };

type Read<Records> = (db: Db, actor: Actor, f: ExportFilter) => Promise<Records>;

/** A table dataset: its name and title (the sheet's), the permission of its screen, its columns, and how to count and read its rows. */
export function tabular<Row>(
  name: string,
  title: string,
  permission: Permission,
  columns: Column<Row>[],
  read: Read<{ count: () => Promise<number>; rows: () => AsyncIterable<Row[]> }>,
): TableDataset {
  const spec = { name, title, columns } as unknown as TableSpec<never>;
  return { permission, spec, read: async (db, actor, f) => ({ spec, ...(await read(db, actor, f)) }) as Table };
}

/**
 * An areas dataset: the permission of its screen, how to count and read a
 * page of its rows, and each row's polygon (stored GeoJSON) with the
 * attributes a GIS file carries.
 */
export function areal<Row extends { id: string }>(
  permission: Permission,
  read: Read<{ count: () => Promise<number>; page: (p: BatchPage) => Promise<Row[]> }>,
  feature: (row: Row) => { geometry: unknown; properties: SpatialProperties },
): Dataset<Areas> {
  return {
    permission,
    async read(db, actor, f) {
      const { count, page } = await read(db, actor, f);
      return {
        count,
        features: async function* () {
          for await (const rows of batches(page))
            yield rows.map(
              (r) =>
                ({ type: "Feature" as const, ...feature(r) }) as SpatialFeature & { geometry: Polygon | MultiPolygon },
            );
        },
      };
    },
  };
}
