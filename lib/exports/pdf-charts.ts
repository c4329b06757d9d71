// Charts for the PDF reports: a stacked bar chart, a burn-down line and a
// map, all vector, in the dashboard's colours. Drawn here rather than rendered
// from the screen's Recharts components, which need a browser to lay out.
import type { MultiPolygon, Polygon, Position } from "geojson";
import { A4, COLOURS, CONTENT_WIDTH, type Doc, ensureSpace, FONT, METHODS, type MethodKey } from "./pdf";

const niceMax = (v: number) => {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v)!;
};

/** Where a chart goes: under the text so far, on a new page when `space` does not fit, leaving room for its axis labels. */
function chartArea(doc: Doc, space: number) {
  ensureSpace(doc, space);
  return { top: doc.y + 4, left: A4.margin + 52, width: CONTENT_WIDTH - 52 };
}

/** Five gridlines across the chart's box, from 0 to `max`, each labelled on the left in the unit `format` gives. */
function valueAxis(
  doc: Doc,
  { top, left, width, height }: { top: number; left: number; width: number; height: number },
  max: number,
  format: (v: number) => string,
) {
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
}

/** Bars stacked by method, one per period, with a value axis in the unit `format` gives. */
export function stackedBars(
  doc: Doc,
  rows: { label: string; values: Record<MethodKey, number> }[],
  format: (v: number) => string,
  height = 170,
) {
  const { top, left, width } = chartArea(doc, height + 40);
  const max = niceMax(Math.max(0, ...rows.map((r) => METHODS.reduce((s, m) => s + r.values[m], 0))));
  doc.font(FONT.regular).fontSize(7).fillColor(COLOURS.muted);
  valueAxis(doc, { top, left, width, height }, max, format);
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
  const { top, left, width } = chartArea(doc, height + 30);
  const max = niceMax(Math.max(baselineM2, ...points.map((p) => p.remainingM2)));
  doc.font(FONT.regular).fontSize(7);
  valueAxis(doc, { top, left, width, height }, max, format);
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
