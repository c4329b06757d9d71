// Drawing for the PDF reports, on PDFKit: page furniture, text in Latin and
// Arabic script, figure cards and tables, in the dashboard's colours. The
// charts and the map are in pdf-charts.ts.
import path from "node:path";
import PDFDocument from "pdfkit";
import { MAP_COLOURS } from "@/lib/colours";
import { formatCount } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { deviceWord } from "@/lib/i18n/words";

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

/**
 * Devices by type in the screens' words, "Anti-personnel mines: 4, Unexploded
 * ordnance: 12" (the enum's "ap mine 4" read as neither word nor sentence).
 */
export function devicesByType(devices: { category: string; count: number }[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: "unit" }).format(
    devices.map((d) => `${deviceWord(d.category)(locale)}: ${formatCount(d.count, locale)}`),
  );
}

export const A4 = { width: 595.28, height: 841.89, margin: 48 };
export const CONTENT_WIDTH = A4.width - 2 * A4.margin;

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
/** A column of figures, aligned right so their digits line up. */
export const figureColumn = (header: string, width: number): TableColumn => ({ header, width, align: "right" });

/** A table with a bold header, repeated on each new page, and an optional bold total row. */
export function table(doc: Doc, columns: TableColumn[], rows: string[][], total?: string[]) {
  const scale = CONTENT_WIDTH / columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => c.width * scale);
  const rowHeight = 14;
  const font = (bold: boolean) =>
    doc
      .font(bold ? FONT.bold : FONT.regular)
      .fontSize(8)
      .fillColor(COLOURS.text);
  // A cell too long for its column wraps onto more lines, and its row grows: a name is never cut ("Zagros Clearance (demo…").
  const heightOf = (cells: string[], bold: boolean) => {
    font(bold);
    return Math.max(rowHeight, ...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 4 }) + 5));
  };
  const line = (cells: string[], bold: boolean) => {
    const height = heightOf(cells, bold);
    ensureSpace(doc, height + 2);
    const y = doc.y;
    let x = A4.margin;
    font(bold);
    cells.forEach((cell, i) => {
      writeText(doc, cell, x + 2, y + 3, { width: widths[i]! - 4, align: columns[i]!.align ?? "left" });
      x += widths[i]!;
    });
    doc
      .moveTo(A4.margin, y + height)
      .lineTo(A4.margin + CONTENT_WIDTH, y + height)
      .lineWidth(0.4)
      .strokeColor(COLOURS.grid)
      .stroke();
    doc.x = A4.margin;
    doc.y = y + height;
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
    if (doc.y + heightOf(r, false) > A4.height - A4.margin) {
      doc.addPage();
      header();
    }
    line(r, false);
  }
  if (total) line(total, true);
  doc.moveDown(0.5);
}
