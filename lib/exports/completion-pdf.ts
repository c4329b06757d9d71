// The IMAS 08.30 completion report with its handover certificate, as a
// PDF. Pure: the figures come in, the document goes out.
import type { MultiPolygon, Polygon } from "geojson";
import { programmeDay } from "@/lib/domain/calendar";
import { formatUtm } from "@/lib/geo/coordinates/format";
import { turningPoints } from "@/lib/geo/turning-points";
import { formatCount, formatDate, formatM2 } from "@/lib/i18n/format";
import { attachmentsSection, type PdfAttachment } from "./completion-photos";
import {
  COLOURS,
  type Doc,
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
    /** Null on a report filed before marking, benchmark and residual risk were recorded. */
    markers: string | null;
    benchmark: { lon: number; lat: number; description: string } | null;
    residualRisk: string | null;
    residualRiskHolder: string | null;
    /** The task's hazardous land left unreleased at completion, as measured, and how it is recorded. */
    remainder: { m2: number; reason: string } | null;
    handedOverOn: Date | null;
    recipient: string | null;
    attendees: { women: number; men: number; girls: number; boys: number } | null;
  };
  /** This task's own released land (its releases less its reopenings): what the map and turning points show. */
  land: Areal | null;
  hazardAreas: {
    code: string;
    name: string;
    kind: string;
    governorate: string;
    areaM2: number;
    releasedM2: number;
    geometry: Areal;
  }[];
  /** This task's m² by method, reopenings taken out: the three add up to the total. */
  releasedByMethod: Record<MethodKey, number>;
  devices: { category: string; count: number }[];
  /** The newest post-clearance inspection since the completion was filed, or null when none. */
  inspection: { result: "PASSED" | "FAILED"; inspectedOn: Date; inspector: string; sampledM2: number } | null;
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
  figureColumn("UTM (WGS 84)", 3),
];

/** IMAS 08.30: what this task released, how, where (map and turning points), QC, marking, residual risk, handover. */
export async function completionReportPdf(d: CompletionReportData): Promise<Uint8Array> {
  const title = `Completion report and handover certificate, ${d.task.code}`;
  const { doc, done } = newDocument({ title, subject: d.task.title, author: d.task.partner });
  const c = d.completion;
  doc.font(FONT.bold).fontSize(17).fillColor(COLOURS.text).text("Completion report and handover certificate");
  paragraph(doc, "IMAS 08.30, Post-clearance documentation.", { colour: COLOURS.muted });
  heading(doc, "Task");
  facts(doc, [
    ["Task", `${d.task.code} · ${d.task.title}`],
    ["Authority", d.task.authority],
    ["Implementing partner", d.task.partner],
    ["Completed on", formatDate(c.completedOn, L)],
    [
      "Clearance depth",
      c.clearanceDepthCm
        ? `${c.clearanceDepthCm} cm`
        : d.releasedByMethod.cleared > 0
          ? "Not recorded"
          : "Not applicable: no land was cleared",
    ],
  ]);
  heading(doc, "Hazardous areas");
  table(
    doc,
    [
      { header: "Hazardous area", width: 3 },
      { header: "Governorate", width: 2 },
      figureColumn("Area (m²)", 1.6),
      figureColumn("Released by all (m²)", 1.6),
    ],
    d.hazardAreas.map((h) => [
      `${h.code} · ${h.name} (${h.kind.toUpperCase()})`,
      h.governorate,
      formatM2(h.areaM2, L),
      formatM2(h.releasedM2, L),
    ]),
  );
  heading(doc, "Land released by this task");
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
  paragraph(
    doc,
    c.remainder
      ? `Unreleased remainder: ${formatM2(c.remainder.m2, L)} of the task's hazardous areas was not released and ` +
          `is recorded as such: ${c.remainder.reason}`
      : "Unreleased remainder: none. All of the task's hazardous areas is released.",
    c.remainder ? { colour: COLOURS.hazard } : {},
  );
  qualitySection(doc, d);
  markingSection(doc, c);

  heading(doc, "Map", 13, 260);
  map(
    doc,
    [
      ...d.hazardAreas.map((h) => ({ geometry: h.geometry, stroke: COLOURS.hazard, lineWidth: 1 })),
      ...(d.land ? [{ geometry: d.land, fill: COLOURS.released, stroke: "#005f46", lineWidth: 0.6 }] : []),
    ],
    230,
  );
  paragraph(doc, "Orange outline: hazardous area as registered. Green: land released by this task.", {
    size: 7.5,
    colour: COLOURS.muted,
  });

  const points = turningPoints(d.land);
  if (points.length) {
    // A short list moves to the next page whole rather than leave a row or two there alone.
    heading(doc, `Turning points (WGS 84), ${points.length}`, 13, Math.min(16 + 14 * (points.length + 1), 300));
    table(
      doc,
      TURNING_POINT_COLUMNS,
      points.map((p) => {
        const [lat, lon] = [p.lat.toFixed(6), p.lon.toFixed(6)];
        return [String(p.part), String(p.point), lat, lon, formatUtm(p.lon, p.lat)];
      }),
    );
  }

  attachmentsSection(doc, d.attachments ?? []);
  handoverCertificate(doc, d, total);
  footers(doc, `${title} · generated ${programmeDay(d.generatedAt)} · Mine Action Progress`);
  doc.end();
  return done;
}

/** The post-clearance inspection (QC) since the completion, in full, and the QA notes. */
function qualitySection(doc: Doc, d: CompletionReportData) {
  heading(doc, "Quality control (post-clearance inspection)", 11, 60);
  const i = d.inspection;
  if (i)
    facts(doc, [
      ["Result", i.result === "PASSED" ? "Passed" : "Failed"],
      ["Inspected on", formatDate(i.inspectedOn, L)],
      ["Inspector", i.inspector],
      ["Sampled", formatM2(i.sampledM2, L)],
    ]);
  else paragraph(doc, "Not inspected since this completion report was filed.", { colour: COLOURS.hazard });
  // In full, not in a one-line cell: the QA findings are part of the record.
  if (d.completion.qaNotes) {
    heading(doc, "Quality assurance", 11, 20);
    paragraph(doc, d.completion.qaNotes);
  }
}

/** How the boundary is marked and the benchmark it is measured from; the residual risk and who holds it. */
function markingSection(doc: Doc, c: CompletionReportData["completion"]) {
  heading(doc, "Marking and benchmark", 11, 60);
  const b = c.benchmark;
  facts(doc, [
    ["Marking of the boundary", c.markers ?? "Not recorded"],
    ["Benchmark", b ? `${b.lat.toFixed(6)}, ${b.lon.toFixed(6)} (UTM ${formatUtm(b.lon, b.lat)})` : "Not recorded"],
    ...(b ? [["Benchmark description", b.description]] : []),
  ]);
  heading(doc, "Residual risk", 11, 60);
  paragraph(doc, c.residualRisk ?? "Not recorded.");
  paragraph(doc, `Residual risk held by: ${c.residualRiskHolder ?? "not recorded"}.`);
}

/** Two columns of label and value, without a header row. */
function facts(doc: Doc, rows: string[][]) {
  table(
    doc,
    [
      { header: "", width: 1.5 },
      { header: "", width: 4 },
    ],
    rows,
  );
}

/** The certificate page: what is handed over, to whom, who attended, and the signature lines. */
function handoverCertificate(doc: Doc, d: CompletionReportData, totalM2: number) {
  const c = d.completion;
  doc.addPage();
  doc.font(FONT.bold).fontSize(17).fillColor(COLOURS.text).text("Handover certificate");
  doc.moveDown(0.5);
  paragraph(
    doc,
    `The land described in this report, ${formatM2(totalM2, L)} in ${d.hazardAreas.map((h) => h.code).join(", ")}, ` +
      `released by ${d.task.partner} under task ${d.task.code}, is handed over for use.` +
      (c.residualRiskHolder ? ` The residual risk is held by ${c.residualRiskHolder}.` : ""),
  );
  if (c.remainder)
    paragraph(doc, `Not handed over: ${formatM2(c.remainder.m2, L)} not released (${c.remainder.reason})`, {
      colour: COLOURS.hazard,
    });
  if (c.handedOverOn && c.recipient) {
    const a = c.attendees;
    facts(doc, [
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
    ]);
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
}
