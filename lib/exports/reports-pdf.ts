// The monthly progress report for a partner or an authority, as a PDF.
// Pure: the figures come in, the document goes out.
import type { MultiPolygon, Polygon } from "geojson";
import type { BaselineBasis } from "@/lib/domain/progress";
import { formatArea, formatCount, formatDate, formatM2, formatPercent } from "@/lib/i18n/format";
import { methodWord } from "@/lib/i18n/words";
import {
  COLOURS,
  devicesByType,
  FONT,
  figureCards,
  figureColumn,
  footers,
  heading,
  METHODS,
  type MethodKey,
  newDocument,
  paragraph,
  table,
} from "./pdf";
import { burnDownLine, classify, map, methodLegend, stackedBars } from "./pdf-charts";

type Areal = Polygon | MultiPolygon;
const L = "en";
// The screens' words for the methods, so the paper and the dashboard name them alike.
const SHORT_LABEL = Object.fromEntries(METHODS.map((m) => [m, methodWord(m)(L)])) as Record<MethodKey, string>;
const short = (m2: number) => formatArea(m2, L);

export type ProgressReportData = {
  month: string;
  scope: string;
  generatedAt: Date;
  generatedBy: string;
  baseline: { m2: number; source: string; asOf: string; basis: BaselineBasis; nationalEstimateM2: number };
  inMonth: {
    releasedM2: Record<MethodKey | "total", number>;
    devices: { category: string; count: number }[];
    byGovernorate: { name: string; releasedM2: number }[];
  };
  toDate: {
    releasedM2: number;
    remainingM2: number;
    registeredRemainingM2: number;
    unregisteredEstimateM2: number;
    fractionReleased: number;
    /** The dashboard's projection sentences, in English (lib/i18n/projection-sentences.ts), one paragraph each. */
    projection: string[];
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
      ? `Devices destroyed this month: ${formatCount(devices, L)} (${devicesByType(d.inMonth.devices, L)}).`
      : "No devices destroyed this month.",
  );

  heading(doc, "Since the baseline");
  figureCards(doc, [
    {
      label: d.baseline.basis === "national-record" ? "Contamination baseline" : "Registered hazardous areas",
      value: short(d.baseline.m2),
      note: {
        "registered-areas": `In this view, less land released before ${d.baseline.asOf}`,
        "register-exceeds-estimate": `More than the estimate (${short(d.baseline.nationalEstimateM2)}, ${d.baseline.asOf})`,
        "national-record": `${d.baseline.source}, ${d.baseline.asOf}`,
      }[d.baseline.basis],
    },
    { label: "Released to date", value: short(d.toDate.releasedM2), note: formatM2(d.toDate.releasedM2, L) },
    {
      label: "Remaining",
      value: short(d.toDate.remainingM2),
      note: `${formatPercent(d.toDate.fractionReleased, L)} released`,
    },
  ]);
  if (d.baseline.basis !== "registered-areas")
    paragraph(
      doc,
      `Remaining: ${formatM2(d.toDate.registeredRemainingM2, L)} in registered hazardous areas and ${formatM2(d.toDate.unregisteredEstimateM2, L)} of the national estimate not yet registered.`,
    );
  for (const sentence of d.toDate.projection) paragraph(doc, sentence);

  heading(doc, "Released per month, by method (last 12 months)", 13, 200);
  methodLegend(doc, SHORT_LABEL);
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
      SHORT_LABEL[r.method],
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
