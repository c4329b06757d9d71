import Papa from "papaparse";
import { csvText, type TableSpec } from "./table";

// Excel opens a UTF-8 CSV as UTF-8 (Arabic and Kurdish names intact) only with a byte-order mark.
const BOM = "\uFEFF";

/**
 * A table as CSV, one chunk per batch of rows so a large export streams:
 * BOM and header, the optional HXL hashtag row, then the rows. Quoting is
 * Papa Parse's (RFC 4180); text cells are made formula-safe first.
 */
export async function* csvChunks<Row>(
  spec: TableSpec<Row>,
  batches: AsyncIterable<Row[]>,
  options: { hxl?: boolean } = {},
): AsyncGenerator<string> {
  const line = (cells: string[][]) => `${Papa.unparse(cells, { newline: "\r\n" })}\r\n`;
  yield BOM + line([spec.columns.map((c) => c.header)]);
  if (options.hxl) yield line([spec.columns.map((c) => c.hxl ?? "")]);
  for await (const rows of batches) {
    if (rows.length) yield line(rows.map((r) => spec.columns.map((c) => csvText(c.value(r), c.type))));
  }
}
