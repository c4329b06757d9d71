// IATI 2.03 <result> elements for a grant's outputs: land released by method
// and explosive ordnance destroyed, one period per calendar year with figures.
// ResultType 1 (output); IndicatorMeasure 1 (unit); titles in English.
import type { Element } from "@xmldom/xmldom";
import type { GrantYearOutputs } from "@/lib/domain/grant-outputs";

type Build = (name: string, attrs?: Record<string, string | undefined>, ...children: (Element | string)[]) => Element;

/** IATI ResultType: 1 output. IndicatorMeasure: 1 unit. */
const OUTPUT = "1";
const UNIT = "1";

const LAND = [
  ["cancelledM2", "Land cancelled by non-technical survey (m²)"],
  ["reducedM2", "Land reduced by technical survey (m²)"],
  ["clearedM2", "Land cleared (m²)"],
] as const;

/** A figure as IATI's decimal: two places (shares of a task leave fractions of m² and of devices). */
export const iatiDecimal = (v: number) => (Math.round(v * 100) / 100).toFixed(2);

/**
 * The grant's result elements, in the schema's order (title, description,
 * indicator: title, description, period: period-start, period-end, actual):
 * one for land released (an indicator per method), one for devices
 * destroyed; an indicator only with the years where it is not zero, a result
 * only with an indicator.
 */
export function resultElements(el: Build, outputs: readonly GrantYearOutputs[]): Element[] {
  const narrative = (text: string) => el("narrative", {}, text);
  const periods = (value: (y: GrantYearOutputs) => number) =>
    outputs
      .filter((y) => value(y) !== 0)
      .map((y) =>
        el(
          "period",
          {},
          el("period-start", { "iso-date": `${y.year}-01-01` }),
          el("period-end", { "iso-date": `${y.year}-12-31` }),
          el("actual", { value: iatiDecimal(value(y)) }),
        ),
      );
  const indicator = (title: string, description: string, value: (y: GrantYearOutputs) => number) => {
    const p = periods(value);
    return p.length
      ? [
          el(
            "indicator",
            { measure: UNIT, ascending: "1" },
            el("title", {}, narrative(title)),
            el("description", {}, narrative(description)),
            ...p,
          ),
        ]
      : [];
  };
  const result = (title: string, description: string, indicators: Element[]) =>
    indicators.length
      ? [
          el(
            "result",
            { type: OUTPUT, "aggregation-status": "1" },
            el("title", {}, narrative(title)),
            el("description", {}, narrative(description)),
            ...indicators,
          ),
        ]
      : [];
  const share = "each task's approved figures attributed by this grant's share of the task";
  return [
    ...result(
      "Land released",
      "Land released in the tasks this grant funds, by method (IMAS 07.11), by year of the report's period end: " +
        `${share}.`,
      LAND.flatMap(([key, title]) => indicator(title, `Square metres, ${share}.`, (y) => y[key])),
    ),
    ...result(
      "Explosive ordnance destroyed",
      "Explosive ordnance found and destroyed in the tasks this grant funds, by year of the report's period end: " +
        `${share}, so a share of a task's items may be a fraction.`,
      indicator("Explosive ordnance items destroyed", `Items, ${share}.`, (y) => y.devices),
    ),
  ];
}
