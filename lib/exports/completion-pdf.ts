// The IMAS 08.30 completion report with its handover certificate, as a
// PDF. Pure: the figures come in, the document goes out.
import type { MultiPolygon, Polygon } from "geojson";
import { programmeDay } from "@/lib/domain/calendar";
import { turningPoints } from "@/lib/geo/turning-points";
import { formatCount, formatDate, formatM2 } from "@/lib/i18n/format";
import { attachmentsSection, type PdfAttachment } from "./completion-photos";
import {
  COLOURS,
  devicesByType,
  FONT,
  figureColumn,
  footers,
  heading,
  METHODS,
  type MethodKey,
  newDocument,
  paragraph,
  type TableColumn,
  table,
} from "./pdf";
import { map } from "./pdf-charts";

type Areal = Polygon | MultiPolygon;
const L = "en";
const METHOD_LABEL: Record<MethodKey, string> = {
  cancelled: "Cancelled (non-technical survey)",
  reduced: "Reduced (technical survey)",
  cleared: "Cleared",
};

export type CompletionReportData = {
  task: { code: string; title: string; authority: string; partner: string };
  completion: {
    completedOn: Date;
    clearanceDepthCm: number | null;
    qaNotes: string | null;
    geometry: Areal | null;
    handedOverOn: Date | null;
    recipient: string | null;
    attendees: { women: number; men: number; girls: number; boys: number } | null;
  };
  hazardAreas: {
    code: string;
    name: string;
    kind: string;
    governorate: string;
    areaM2: number;
    releasedM2: number;
    geometry: Areal;
  }[];
  releasedByMethod: Record<MethodKey, number>;
  devices: { category: string; count: number }[];
  /** Photos and signed forms attached to the completion report and the handover. */
  attachments?: PdfAttachment[];
  generatedAt: Date;
};

/** The polygon handed over, corner by corner: its part, the point's number, and where it is. */
const TURNING_POINT_COLUMNS: TableColumn[] = [
  { header: "Part", width: 1 },
  { header: "Point", width: 1 },
  figureColumn("Latitude", 2),
  figureColumn("Longitude", 2),
];

/** IMAS 08.30: what was released, how, where (map and turning points), and the handover certificate with signature lines. */
export async function completionReportPdf(d: CompletionReportData): Promise<Uint8Array> {
  const title = `Completion report and handover certificate, ${d.task.code}`;
  const { doc, done } = newDocument({ title, subject: d.task.title, author: d.task.partner });
  const c = d.completion;
  doc.font(FONT.bold).fontSize(17).fillColor(COLOURS.text).text("Completion report and handover certificate");
  paragraph(doc, "After IMAS 08.30, Post-clearance documentation.", { colour: COLOURS.muted });
  heading(doc, "Task");
  table(
    doc,
    [
      { header: "", width: 1.3 },
      { header: "", width: 4 },
    ],
    [
      ["Task", `${d.task.code} · ${d.task.title}`],
      ["Authority", d.task.authority],
      ["Implementing partner", d.task.partner],
      ["Completed on", formatDate(c.completedOn, L)],
      ...(c.clearanceDepthCm ? [["Clearance depth", `${c.clearanceDepthCm} cm`]] : []),
    ],
  );
  // In full, not in a one-line cell: the QA findings are part of the record.
  if (c.qaNotes) {
    heading(doc, "Quality assurance", 11, 20);
    paragraph(doc, c.qaNotes);
  }
  heading(doc, "Hazardous areas");
  table(
    doc,
    [
      { header: "Hazardous area", width: 3 },
      { header: "Governorate", width: 2 },
      figureColumn("Area (m²)", 1.6),
      figureColumn("Released (m²)", 1.6),
    ],
    d.hazardAreas.map((h) => [
      `${h.code} · ${h.name} (${h.kind.toUpperCase()})`,
      h.governorate,
      formatM2(h.areaM2, L),
      formatM2(h.releasedM2, L),
    ]),
  );
  heading(doc, "Land released in this task");
  const total = METHODS.reduce((s, m) => s + d.releasedByMethod[m], 0);
  table(
    doc,
    [{ header: "Method", width: 3 }, figureColumn("m²", 2)],
    METHODS.map((m) => [METHOD_LABEL[m], formatM2(d.releasedByMethod[m], L)]),
    ["Total", formatM2(total, L)],
  );
  const destroyed = d.devices.reduce((n, x) => n + x.count, 0);
  paragraph(
    doc,
    destroyed
      ? `Devices destroyed: ${formatCount(destroyed, L)} (${devicesByType(d.devices, L)}).`
      : "No devices were found.",
  );

  heading(doc, "Map", 13, 260);
  map(
    doc,
    [
      ...d.hazardAreas.map((h) => ({ geometry: h.geometry, stroke: COLOURS.hazard, lineWidth: 1 })),
      ...(c.geometry ? [{ geometry: c.geometry, fill: COLOURS.released, stroke: "#005f46", lineWidth: 0.6 }] : []),
    ],
    230,
  );
  paragraph(doc, "Orange outline: hazardous area as registered. Green: land released and handed over.", {
    size: 7.5,
    colour: COLOURS.muted,
  });

  const points = turningPoints(c.geometry);
  if (points.length) {
    // A short list moves to the next page whole rather than leave a row or two there alone.
    heading(doc, `Turning points (WGS 84), ${points.length}`, 13, Math.min(16 + 14 * (points.length + 1), 300));
    table(
      doc,
      TURNING_POINT_COLUMNS,
      points.map((p) => [String(p.part), String(p.point), p.lat.toFixed(6), p.lon.toFixed(6)]),
    );
  }

  attachmentsSection(doc, d.attachments ?? []);

  doc.addPage();
  doc.font(FONT.bold).fontSize(17).fillColor(COLOURS.text).text("Handover certificate");
  doc.moveDown(0.5);
  paragraph(
    doc,
    `The land described in this report, ${formatM2(total, L)} in ${d.hazardAreas.map((h) => h.code).join(", ")}, released by ${d.task.partner} under task ${d.task.code}, is handed over for use.`,
  );
  if (c.handedOverOn && c.recipient) {
    const a = c.attendees;
    table(
      doc,
      [
        { header: "", width: 1.5 },
        { header: "", width: 4 },
      ],
      [
        ["Handed over on", formatDate(c.handedOverOn, L)],
        ["Received by", c.recipient],
        ...(a
          ? [
              [
                "Attendees",
                `${a.women + a.men + a.girls + a.boys} (women ${a.women}, men ${a.men}, girls ${a.girls}, boys ${a.boys})`,
              ],
            ]
          : []),
      ],
    );
  } else {
    paragraph(
      doc,
      "Not yet handed over: the authority records the handover in the app, then this certificate shows it.",
      { colour: COLOURS.hazard },
    );
  }
  doc.moveDown(3);
  for (const who of [
    "For the implementing partner",
    "For the mine action authority",
    "For the receiving community or land user",
  ]) {
    const y = doc.y + 24;
    doc
      .moveTo(doc.page.margins.left, y)
      .lineTo(doc.page.margins.left + 220, y)
      .lineWidth(0.6)
      .strokeColor(COLOURS.text)
      .stroke();
    doc
      .moveTo(doc.page.margins.left + 260, y)
      .lineTo(doc.page.margins.left + 400, y)
      .stroke();
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(`${who}: name and signature`, doc.page.margins.left, y + 4, { lineBreak: false });
    doc.text("Date", doc.page.margins.left + 260, y + 4, { lineBreak: false });
    doc.x = doc.page.margins.left;
    doc.y = y + 20;
  }
  footers(doc, `${title} · generated ${programmeDay(d.generatedAt)} · Mine Action Progress`);
  doc.end();
  return done;
}
