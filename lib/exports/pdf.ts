// Drawing for the PDF reports, on PDFKit: page furniture, figure cards,
// tables, a stacked bar chart, a burn-down line and a map, all vector, in
// the dashboard's colours. Charts are drawn here rather than rendered from
// the screen's Recharts components, which need a browser to lay out.
import path from "node:path";
import type { MultiPolygon, Polygon, Position } from "geojson";
import PDFDocument from "pdfkit";
import { MAP_COLOURS } from "@/lib/colours";

// DejaVu Sans, not PDFKit's built-in Helvetica: Helvetica has no Arabic,
// so Arabic and Sorani names (of hazardous areas, places, organisations,
// recipients) came out as Latin garbage. DejaVu covers Latin and Arabic
// script, and fontkit shapes the Arabic letters from its tables.
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
export const FONT = { regular: "Body", bold: "Bold" } as const;

const ARABIC_LETTER = "\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF";
const ARABIC_RUN = new RegExp(
  `[${ARABIC_LETTER}](?:[${ARABIC_LETTER}\\s\u060C\u061B\u061F\u0660-\u0669().,:;'"-]*[${ARABIC_LETTER}])?`,
  "g",
);

/**
 * A text as the runs PDFKit lays out correctly: each Arabic-script run whole,
 * its spaces no-break (PDFKit's word handling otherwise moves them when
 * fontkit turns the run right to left), and the text between as it is. A
 * run in the reading order of the line, as a right-to-left name inside an
 * English sentence reads.
 */
export function bidiRuns(text: string): { text: string; rtl: boolean }[] {
  const runs: { text: string; rtl: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(ARABIC_RUN)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index), rtl: false });
    runs.push({ text: m[0].replace(/ /g, "\u00a0"), rtl: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), rtl: false });
  return runs;
}

type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * Writes a text that may hold Arabic or Sorani: Latin-only text as PDFKit
 * always did; a mixed one run by run; one wholly in Arabic script as a single
 * right-to-left run, wrapped here word by word and right-aligned when it is
 * a paragraph, since PDFKit would cut a run whose spaces are no-break inside
 * a word.
 */
export function writeText(doc: Doc, text: string, x: number, y: number, options: TextOptions & { width: number }) {
  const runs = bidiRuns(text);
  if (!runs.some((r) => r.rtl)) return doc.text(text, x, y, options);
  if (/[A-Za-z]/.test(text)) {
    runs.forEach((run, i) => {
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(run.text, x, y, { ...options, continued });
      else doc.text(run.text, { ...options, continued });
    });
    return doc;
  }
  // Wholly right to left: one run, its spaces no-break; a paragraph too wide for one line is wrapped here, by words.
  const words = text.split(/\s+/).filter(Boolean);
  if (options.lineBreak === false || options.height || doc.widthOfString(words.join(" ")) <= options.width)
    return doc.text(words.join("\u00a0"), x, y, options);
  const lines: string[] = [];
  for (const word of words) {
    const line = lines.length ? `${lines.at(-1)}\u00a0${word}` : word;
    if (lines.length && doc.widthOfString(line) <= options.width) lines[lines.length - 1] = line;
    else lines.push(word);
  }
  doc.text(lines[0]!, x, y, { ...options, align: "right" });
  for (const line of lines.slice(1)) doc.text(line, { ...options, align: "right" });
  return doc;
}

// The screens' colours (lib/colours.ts, Okabe–Ito), so a method looks the same on paper.
export const COLOURS = {
  cancelled: MAP_COLOURS.method.CANCELLED,
  reduced: MAP_COLOURS.method.REDUCED,
  cleared: MAP_COLOURS.method.CLEARED,
  released: MAP_COLOURS.hazard.released,
  hazard: MAP_COLOURS.hazard.open,
  remaining: "#444444",
  grid: "#DDDDDD",
  text: "#1A1A1A",
  muted: "#666666",
};
export const METHODS = ["cancelled", "reduced", "cleared"] as const;
export type MethodKey = (typeof METHODS)[number];

export const A4 = { width: 595.28, height: 841.89, margin: 48 };
const CONTENT_WIDTH = A4.width - 2 * A4.margin;

export type Doc = PDFKit.PDFDocument;

/** An A4 document with its title, subject and author in the metadata, collected into bytes when ended. */
export function newDocument(info: { title: string; subject: string; author: string }): {
  doc: Doc;
  done: Promise<Uint8Array>;
} {
  const doc = new PDFDocument({
    size: "A4",
    margin: A4.margin,
    info: { Title: info.title, Subject: info.subject, Author: info.author, Creator: "Mine Action Progress" },
    bufferPages: true,
    font: path.join(FONT_DIR, "DejaVuSans.ttf"),
  });
  doc.registerFont(FONT.regular, path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont(FONT.bold, path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  return { doc, done };
}

/** Page numbers and the source line on every page, written once the pages are known. */
export function footers(doc: Doc, source: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make PDFKit start a new page.
    doc.page.margins.bottom = 0;
    const y = A4.height - A4.margin + 16;
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLOURS.muted);
    doc.text(source, A4.margin, y, { width: CONTENT_WIDTH - 60, lineBreak: false });
    doc.text(`${i + 1} / ${range.count}`, A4.width - A4.margin - 60, y, {
      width: 60,
      align: "right",
      lineBreak: false,
    });
  }
}

/** A section heading, kept on the same page as the first `keepWith` points of what follows it. */
export function heading(doc: Doc, text: string, size = 13, keepWith = 40) {
  ensureSpace(doc, size * 3 + keepWith);
  writeText(doc.moveDown(0.6).font(FONT.bold).fontSize(size).fillColor(COLOURS.text), text, A4.margin, doc.y, {
    width: CONTENT_WIDTH,
  });
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, opts: { size?: number; colour?: string } = {}) {
  writeText(
    doc
      .font(FONT.regular)
      .fontSize(opts.size ?? 9.5)
      .fillColor(opts.colour ?? COLOURS.text),
    text,
    A4.margin,
    doc.y,
    { width: CONTENT_WIDTH },
  );
}

export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > A4.height - A4.margin) doc.addPage();
}

/** A row of figure cards: label above, the figure large, a note under it. */
export function figureCards(doc: Doc, cards: { label: string; value: string; note?: string; colour?: string }[]) {
  ensureSpace(doc, 70);
  const gap = 8;
  const w = (CONTENT_WIDTH - gap * (cards.length - 1)) / cards.length;
  const top = doc.y;
  cards.forEach((c, i) => {
    const x = A4.margin + i * (w + gap);
    doc.roundedRect(x, top, w, 62, 4).lineWidth(0.6).strokeColor(COLOURS.grid).stroke();
    if (c.colour) doc.rect(x, top, 4, 62).fillColor(c.colour).fill();
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(c.label, x + 10, top + 8, { width: w - 16, lineBreak: false, ellipsis: true });
    doc
      .font(FONT.bold)
      .fontSize(14)
      .fillColor(COLOURS.text)
      .text(c.value, x + 10, top + 22, { width: w - 16 });
    if (c.note)
      doc
        .font(FONT.regular)
        .fontSize(7.5)
        .fillColor(COLOURS.muted)
        .text(c.note, x + 10, top + 42, { width: w - 16, height: 18, ellipsis: true });
  });
  doc.x = A4.margin;
  doc.y = top + 70;
}

export type TableColumn = { header: string; width: number; align?: "left" | "right" };

/** A table with a bold header, repeated on each new page, and an optional bold total row. */
export function table(doc: Doc, columns: TableColumn[], rows: string[][], total?: string[]) {
  const scale = CONTENT_WIDTH / columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => c.width * scale);
  const rowHeight = 14;
  const line = (cells: string[], bold: boolean) => {
    ensureSpace(doc, rowHeight + 2);
    const y = doc.y;
    let x = A4.margin;
    doc
      .font(bold ? FONT.bold : FONT.regular)
      .fontSize(8)
      .fillColor(COLOURS.text);
    cells.forEach((cell, i) => {
      writeText(doc, cell, x + 2, y + 3, {
        width: widths[i]! - 4,
        height: rowHeight - 4,
        align: columns[i]!.align ?? "left",
        ellipsis: true,
      });
      x += widths[i]!;
    });
    doc
      .moveTo(A4.margin, y + rowHeight)
      .lineTo(A4.margin + CONTENT_WIDTH, y + rowHeight)
      .lineWidth(0.4)
      .strokeColor(COLOURS.grid)
      .stroke();
    doc.x = A4.margin;
    doc.y = y + rowHeight;
  };
  // A table of facts (label, value) has no header row.
  const header = columns.some((c) => c.header)
    ? () =>
        line(
          columns.map((c) => c.header),
          true,
        )
    : () => {};
  header();
  for (const r of rows) {
    if (doc.y + rowHeight > A4.height - A4.margin) {
      doc.addPage();
      header();
    }
    line(r, false);
  }
  if (total) line(total, true);
  doc.moveDown(0.5);
}

const niceMax = (v: number) => {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v)!;
};

/** Bars stacked by method, one per period, with a value axis in the unit `format` gives. */
export function stackedBars(
  doc: Doc,
  rows: { label: string; values: Record<MethodKey, number> }[],
  format: (v: number) => string,
  height = 170,
) {
  ensureSpace(doc, height + 40);
  const top = doc.y + 4;
  const left = A4.margin + 52;
  const width = CONTENT_WIDTH - 52;
  const max = niceMax(Math.max(0, ...rows.map((r) => METHODS.reduce((s, m) => s + r.values[m], 0))));
  doc.font(FONT.regular).fontSize(7).fillColor(COLOURS.muted);
  for (let i = 0; i <= 4; i++) {
    const y = top + height - (i / 4) * height;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.4)
      .strokeColor(COLOURS.grid)
      .stroke();
    doc
      .fillColor(COLOURS.muted)
      .text(format((max * i) / 4), A4.margin, y - 4, { width: 48, align: "right", lineBreak: false });
  }
  const slot = width / Math.max(1, rows.length);
  const barW = Math.min(28, slot * 0.7);
  rows.forEach((r, i) => {
    let y = top + height;
    const x = left + i * slot + (slot - barW) / 2;
    for (const m of METHODS) {
      const h = (r.values[m] / max) * height;
      if (h > 0)
        doc
          .rect(x, y - h, barW, h)
          .fillColor(COLOURS[m])
          .fill();
      y -= h;
    }
    doc
      .fontSize(6.5)
      .fillColor(COLOURS.muted)
      .text(r.label, left + i * slot, top + height + 3, { width: slot, align: "center", lineBreak: false });
  });
  doc.x = A4.margin;
  doc.y = top + height + 14;
}

/** A legend of the three release methods. */
export function methodLegend(doc: Doc, labels: Record<MethodKey, string>) {
  const y = doc.y + 2;
  let x = A4.margin;
  doc.font(FONT.regular).fontSize(8);
  for (const m of METHODS) {
    doc.rect(x, y, 8, 8).fillColor(COLOURS[m]).fill();
    doc.fillColor(COLOURS.text).text(labels[m], x + 11, y, { lineBreak: false });
    x += 20 + doc.widthOfString(labels[m]);
  }
  doc.x = A4.margin;
  doc.y = y + 14;
}

/** Remaining contamination over time, with the baseline as the top of the axis. */
export function burnDownLine(
  doc: Doc,
  points: { month: string; remainingM2: number }[],
  baselineM2: number,
  format: (v: number) => string,
  height = 150,
) {
  ensureSpace(doc, height + 30);
  const top = doc.y + 4;
  const left = A4.margin + 52;
  const width = CONTENT_WIDTH - 52;
  const max = niceMax(Math.max(baselineM2, ...points.map((p) => p.remainingM2)));
  doc.font(FONT.regular).fontSize(7);
  for (let i = 0; i <= 4; i++) {
    const y = top + height - (i / 4) * height;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.4)
      .strokeColor(COLOURS.grid)
      .stroke();
    doc
      .fillColor(COLOURS.muted)
      .text(format((max * i) / 4), A4.margin, y - 4, { width: 48, align: "right", lineBreak: false });
  }
  const xAt = (i: number) => left + (points.length <= 1 ? width / 2 : (i / (points.length - 1)) * width);
  const yAt = (v: number) => top + height - (v / max) * height;
  if (points.length) {
    doc.moveTo(xAt(0), yAt(points[0]!.remainingM2));
    points.forEach((p, i) => doc.lineTo(xAt(i), yAt(p.remainingM2)));
    doc.lineWidth(1.6).strokeColor(COLOURS.remaining).stroke();
    const labels = [0, Math.floor((points.length - 1) / 2), points.length - 1];
    for (const i of new Set(labels))
      doc
        .fontSize(6.5)
        .fillColor(COLOURS.muted)
        .text(points[i]!.month, xAt(i) - 25, top + height + 3, { width: 50, align: "center", lineBreak: false });
  }
  doc.x = A4.margin;
  doc.y = top + height + 14;
}

type Areal = Polygon | MultiPolygon;
const polygonsOf = (g: Areal): Position[][][] => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);

/**
 * A map of areal features, each with its fill and outline, fitted to their
 * extent in a plate carrée scaled by the cosine of the mean latitude (true
 * shapes at Iraq's size). A scale bar in kilometres under it.
 */
export function map(
  doc: Doc,
  layers: { geometry: Areal; fill?: string; stroke?: string; lineWidth?: number }[],
  height = 260,
  fitTo: Areal[] = layers.map((l) => l.geometry),
) {
  ensureSpace(doc, height + 24);
  const all = fitTo.flatMap((g) => polygonsOf(g).flatMap((p) => p[0]!));
  if (!all.length) return;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of all)
    [minX, minY, maxX, maxY] = [Math.min(minX, x!), Math.min(minY, y!), Math.max(maxX, x!), Math.max(maxY, y!)];
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min(CONTENT_WIDTH / spanX, height / spanY) * 0.94;
  const top = doc.y + 4;
  const offsetX = A4.margin + (CONTENT_WIDTH - spanX * scale) / 2;
  const offsetY = top + (height - spanY * scale) / 2;
  const project = ([x, y]: Position) => [offsetX + (x! - minX) * k * scale, offsetY + (maxY - y!) * scale] as const;
  doc.save();
  doc.rect(A4.margin, top, CONTENT_WIDTH, height).clip();
  for (const layer of layers) {
    for (const rings of polygonsOf(layer.geometry)) {
      for (const ring of rings) {
        ring.forEach((p, i) => {
          const [x, y] = project(p);
          if (i === 0) doc.moveTo(x, y);
          else doc.lineTo(x, y);
        });
        doc.closePath();
      }
      if (layer.fill && layer.stroke)
        doc.lineWidth(layer.lineWidth ?? 0.5).fillAndStroke(layer.fill, layer.stroke, "even-odd");
      else if (layer.fill) doc.fill(layer.fill, "even-odd");
      else
        doc
          .lineWidth(layer.lineWidth ?? 0.5)
          .strokeColor(layer.stroke ?? COLOURS.text)
          .stroke();
    }
  }
  doc.restore();
  doc.rect(A4.margin, top, CONTENT_WIDTH, height).lineWidth(0.5).strokeColor(COLOURS.grid).stroke();
  // Scale bar: a round number of kilometres near a fifth of the width.
  const kmPerPoint = (111.32 / scale) * 1;
  const km = niceMax((CONTENT_WIDTH / 5) * kmPerPoint) / 2;
  const barLength = km / kmPerPoint;
  const y = top + height + 8;
  doc
    .moveTo(A4.margin, y)
    .lineTo(A4.margin + barLength, y)
    .lineWidth(1.2)
    .strokeColor(COLOURS.text)
    .stroke();
  doc
    .font(FONT.regular)
    .fontSize(7)
    .fillColor(COLOURS.text)
    .text(km >= 1 ? `${km} km` : `${Math.round(km * 1000)} m`, A4.margin + barLength + 4, y - 3, { lineBreak: false });
  doc.x = A4.margin;
  doc.y = y + 10;
}

/** Colours for a sequential measure (viridis, five classes), as the dashboard's choropleth. */
export const VIRIDIS = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

export function classify(values: number[]): (v: number) => string {
  const max = Math.max(0, ...values);
  return (v) =>
    v <= 0 || max <= 0 ? "#f2f2f2" : VIRIDIS[Math.min(VIRIDIS.length - 1, Math.floor((v / max) * VIRIDIS.length))]!;
}
