// The completion PDF as its reader sees it: its text (pdftotext -layout) and
// its pages as images (pdftoppm), and where on a page the map draws each colour.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

export type PixelBox = { left: number; right: number; top: number; bottom: number; count: number };

/** Writes the PDF and its pages (PNG, 100 dpi) under `dir`; answers its text and the pages' files. */
export function readPdf(pdf: Buffer, dir: string, name: string): { text: string; pages: string[] } {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
  execFileSync("pdftoppm", ["-png", "-r", "100", file, path.join(dir, name)]);
  const pages = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(dir, f));
  return { text, pages };
}

const hex = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));

/**
 * The box of a page's pixels within `tolerance` (per channel) of each colour, or null where none is; only the rows
 * from `rows[0]` to `rows[1]` when given (a map's rows, leaving out text of the same colour above or below it).
 */
export async function colourBoxes(
  png: string,
  colours: Record<string, string>,
  rows: [number, number] = [0, Number.POSITIVE_INFINITY],
  tolerance = 24,
): Promise<Record<string, PixelBox | null>> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const targets = Object.entries(colours).map(([name, c]) => [name, hex(c)] as const);
  const boxes: Record<string, PixelBox | null> = Object.fromEntries(targets.map(([name]) => [name, null]));
  for (let y = Math.max(0, rows[0]); y < Math.min(info.height, rows[1] + 1); y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      for (const [name, [r, g, b]] of targets) {
        if (
          Math.abs(data[i]! - r!) > tolerance ||
          Math.abs(data[i + 1]! - g!) > tolerance ||
          Math.abs(data[i + 2]! - b!) > tolerance
        )
          continue;
        const box = boxes[name];
        if (!box) boxes[name] = { left: x, right: x, top: y, bottom: y, count: 1 };
        else {
          box.left = Math.min(box.left, x);
          box.right = Math.max(box.right, x);
          box.top = Math.min(box.top, y);
          box.bottom = Math.max(box.bottom, y);
          box.count++;
        }
      }
    }
  }
  return boxes;
}
