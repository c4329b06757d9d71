// Zip archives (a zipped shapefile, a KMZ) read in memory, within a budget of
// inflated bytes, through but-unzip and the platform's DecompressionStream,
// so the same code runs in Node and in the browser.
import { iter } from "but-unzip";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import { DEFAULT_READ_LIMITS, type ReadOptions } from "./types";

/** A file name's extension, lower case, with its dot (".shp"). */
export const extension = (name: string) => name.slice(name.lastIndexOf(".")).toLowerCase();

/**
 * Inflates one entry through the platform's DecompressionStream (browser
 * and Node alike), counting as it goes: past `budget.left` bytes it stops
 * and refuses, so a zip bomb never expands in memory.
 */
function boundedInflate(budget: { left: number; max: number }) {
  return async (raw: Uint8Array): Promise<Uint8Array> => {
    const reader = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    const parts: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.left -= value.byteLength;
      if (budget.left < 0) {
        await reader.cancel();
        throw new GeometryError(
          geometryProblem(
            "FILE_TOO_LARGE",
            geometryText("zipTooLarge", { limit: String(Math.round(budget.max / 1024 / 1024)) }),
          ),
        );
      }
      parts.push(value);
    }
    const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  };
}

/**
 * Whether the bytes end with a zip's end-of-central-directory record (within
 * its largest comment, 64 KB). but-unzip 0.1.10 looks for it with
 * lastIndexOf, whose negative start wraps to the end: on a file without one
 * it searches forever. Checked here first so such a file is refused, not hung on.
 */
function endOfCentralDirectory(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

/**
 * A ZIP64 locator just before the end record: but-unzip reads the ordinary directory, while the spreadsheet
 * reader (fflate) follows the ZIP64 one, so a workbook could show this reader harmless entries and the other
 * a sheet of gigabytes. No register file is over the 4 GB that ZIP64 is for: such an archive is refused.
 */
function hasZip64Locator(bytes: Uint8Array, end: number): boolean {
  const at = end - 20;
  return at >= 0 && bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x06 && bytes[at + 3] === 0x07;
}

/**
 * The archive's entries `wanted` keeps, by name, in archive order. A file that
 * is no zip, or inflates past the limits' maxUnzippedBytes, is refused.
 */
export async function unzipEntries(
  bytes: Uint8Array,
  options: ReadOptions,
  wanted: (name: string) => boolean,
): Promise<Map<string, Uint8Array>> {
  const end = endOfCentralDirectory(bytes);
  if (end < 0) throw new GeometryError(geometryProblem("UNREADABLE_FILE", geometryText("zipWithoutDirectory")));
  if (hasZip64Locator(bytes, end))
    throw new GeometryError(
      geometryProblem("UNREADABLE_FILE", geometryText("zipUnreadable", { detail: "ZIP64 archives are not read" })),
    );
  const files = new Map<string, Uint8Array>();
  const max = options.limits?.maxUnzippedBytes ?? DEFAULT_READ_LIMITS.maxUnzippedBytes;
  const budget = { left: max, max };
  try {
    // Entries are only read into memory (never written to disk), so names like ../x cannot escape anywhere.
    for (const entry of iter(bytes, boundedInflate(budget))) {
      if (entry.filename.includes("__MACOSX") || !wanted(entry.filename)) continue;
      files.set(entry.filename, await entry.read());
    }
  } catch (err) {
    if (err instanceof GeometryError) throw err;
    throw new GeometryError(
      geometryProblem("UNREADABLE_FILE", geometryText("zipUnreadable", { detail: (err as Error).message })),
    );
  }
  return files;
}
