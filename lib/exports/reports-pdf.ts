// The two PDF reports people hand on: a monthly progress report for a
// partner or an authority, and an IMAS 08.30 completion report with its
// handover certificate. Pure: the figures come in, the document goes out.
import type { MultiPolygon, Polygon } from "geojson";
import { programmeDay } from "@/lib/domain/calendar";
import { turningPoints } from "@/lib/geo/turning-points";
import { formatArea, formatDate, formatM2, formatPercent } from "@/lib/i18n/format";
import {
  COLOURS,
  FONT,
  figureCards,
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
import { burnDownLine, classify, map, methodLegend, stackedBars } from "./pdf-charts";

type Areal = Polygon | MultiPolygon;
const L = "en";
const METHOD_LABEL: Record<MethodKey, string> = {
  cancelled: "Cancelled (non-technical survey)",
  reduced: "Reduced (technical survey)",
  cleared: "Cleared",
};
const SHORT_LABEL: Record<MethodKey, string> = { cancelled: "Cancelled", reduced: "Reduced", cleared: "Cleared" };
const short = (m2: number) => formatArea(m2, L);

export type ProgressReportData = {
  month: string;
  scope: string;
  generatedAt: Date;
  generatedBy: string;
  baseline: { m2: number; source: string; asOf: string; basis: "national-record" | "registered-areas" };
  inMonth: {
    releasedM2: Record<MethodKey | "total", number>;
    devices: { category: string; count: number }[];
    byGovernorate: { name: string; releasedM2: number }[];
  };
  toDate: {
    releasedM2: number;
    remainingM2: number;
    fractionReleased: number;
    completionYear: number | null;
    decadesAway: boolean;
    trailing12M2: number;
  };
  monthly: { month: string; values: Record<MethodKey, number> }[];
  burnDown: { month: string; remainingM2: number }[];
  governorates: { name: string; boundary: Areal; remainingM2: number; inScope: boolean }[];
  reports: {
    task: string;
    hazardArea: string;
    partner: string;
    method: MethodKey;
    periodEnd: Date;
    countedM2: number;
  }[];
  reportsTotal: { count: number; m2: number };
};

/** A month's progress: figures, released per month, burn-down, a map of remaining contamination, the reports behind the month. */
export async function progressReportPdf(d: ProgressReportData): Promise<Uint8Array> {
  const title = `Monthly progress report, ${d.month}`;
  const { doc, done } = newDocument({ title, subject: `Land release, ${d.scope}`, author: d.generatedBy });
  doc.font(FONT.bold).fontSize(18).fillColor(COLOURS.text).text(title);
  paragraph(
    doc,
    `${d.scope}. Approved reports only, counted once (no square metre twice), by the end of their reporting period.`,
    { colour: COLOURS.muted },
  );
  paragraph(doc, `Generated ${d.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC by ${d.generatedBy}.`, {
    colour: COLOURS.muted,
    size: 8,
  });

  heading(doc, "This month");
  figureCards(doc, [
    {
      label: "Released this month",
      value: short(d.inMonth.releasedM2.total),
      note: formatM2(d.inMonth.releasedM2.total, L),
    },
    ...METHODS.map((m) => ({
      label: SHORT_LABEL[m],
      value: short(d.inMonth.releasedM2[m]),
      note: formatM2(d.inMonth.releasedM2[m], L),
      colour: COLOURS[m],
    })),
  ]);
  paragraph(doc, "Cancelled: by non-technical survey. Reduced: by technical survey. Cleared: by clearance.", {
    size: 8,
    colour: COLOURS.muted,
  });
  const devices = d.inMonth.devices.reduce((s, x) => s + x.count, 0);
  paragraph(
    doc,
    devices
      ? `Devices destroyed this month: ${devices} (${d.inMonth.devices.map((x) => `${x.category.toLowerCase().replaceAll("_", " ")} ${x.count}`).join(", ")}).`
      : "No devices destroyed this month.",
  );

  heading(doc, "Since the baseline");
  figureCards(doc, [
    {
      label: d.baseline.basis === "registered-areas" ? "Registered hazardous areas" : "Contamination baseline",
      value: short(d.baseline.m2),
      note:
        d.baseline.basis === "registered-areas"
          ? `In this view, less land released before ${d.baseline.asOf}`
          : `${d.baseline.source}, ${d.baseline.asOf}`,
    },
    { label: "Released to date", value: short(d.toDate.releasedM2), note: formatM2(d.toDate.releasedM2, L) },
    {
      label: "Remaining",
      value: short(d.toDate.remainingM2),
      note: `${formatPercent(d.toDate.fractionReleased, L)} released`,
    },
  ]);
  paragraph(
    doc,
    d.toDate.remainingM2 <= 0
      ? d.baseline.m2 > 0
        ? "All the land in this view has been released: there is nothing left to project."
        : d.baseline.basis === "registered-areas"
          ? "No hazardous area is registered in this view: there is nothing to project."
          : "No contamination baseline has been recorded yet: there is nothing to project."
      : d.toDate.completionYear !== null
        ? `At the last 12 months' rate (${short(d.toDate.trailing12M2)} a year), the remaining land would be released in ${d.toDate.completionYear}.${d.toDate.decadesAway ? " At this rate completion is decades away." : ""}`
        : "Nothing was released in the last 12 months, so no completion year can be projected.",
  );

  heading(doc, "Released per month, by method (last 12 months)", 13, 200);
  methodLegend(doc, { cancelled: "Cancelled", reduced: "Reduced", cleared: "Cleared" });
  stackedBars(
    doc,
    d.monthly.map((m) => ({ label: m.month.slice(2), values: m.values })),
    short,
  );

  heading(doc, "Remaining contamination (burn-down)", 13, 180);
  burnDownLine(doc, d.burnDown, d.baseline.m2, short);

  heading(doc, "Remaining contamination by governorate", 13, 280);
  const colour = classify(d.governorates.filter((g) => g.inScope).map((g) => g.remainingM2));
  map(
    doc,
    d.governorates.map((g) => ({
      geometry: g.boundary,
      fill: g.inScope ? colour(g.remainingM2) : "#ffffff",
      stroke: "#888888",
      lineWidth: 0.4,
    })),
    250,
    d.governorates.filter((g) => g.inScope).map((g) => g.boundary),
  );
  paragraph(doc, "Darker: more remaining (five equal classes up to the largest). Boundaries: OCHA COD-AB, Iraq.", {
    size: 7.5,
    colour: COLOURS.muted,
  });

  heading(doc, "Released this month by governorate");
  const govRows = d.inMonth.byGovernorate.filter((g) => g.releasedM2 > 0);
  table(
    doc,
    [{ header: "Governorate", width: 3 }, figureColumn("Released (m²)", 2)],
    govRows.map((g) => [g.name, formatM2(g.releasedM2, L)]),
    [
      "Total",
      formatM2(
        govRows.reduce((s, g) => s + g.releasedM2, 0),
        L,
      ),
    ],
  );

  heading(doc, `Approved reports this month (${d.reportsTotal.count})`);
  table(
    doc,
    [
      { header: "Task", width: 2 },
      { header: "Hazardous area", width: 2 },
      { header: "Partner", width: 3 },
      { header: "Method", width: 1.4 },
      { header: "Period end", width: 1.5 },
      figureColumn("Counted (m²)", 2),
    ],
    d.reports.map((r) => [
      r.task,
      r.hazardArea,
      r.partner,
      r.method,
      formatDate(r.periodEnd, L),
      formatM2(r.countedM2, L),
    ]),
    ["Total", "", "", "", "", formatM2(d.reportsTotal.m2, L)],
  );
  if (d.reportsTotal.count > d.reports.length)
    paragraph(
      doc,
      `The ${d.reports.length} largest of ${d.reportsTotal.count} reports are listed; the total is of all of them. The full list is in the CSV export for the same view.`,
      { size: 8, colour: COLOURS.muted },
    );

  footers(doc, `${title} · ${d.scope} · Mine Action Progress`);
  doc.end();
  return done;
}

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
      `${h.code} · ${h.name} (${h.kind.toLowerCase()})`,
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
  paragraph(
    doc,
    d.devices.length
      ? `Devices destroyed: ${d.devices.map((x) => `${x.category.toLowerCase().replaceAll("_", " ")} ${x.count}`).join(", ")}.`
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
