// The IATI 2.03 activity schema's rules for the elements this app writes:
// element order within iati-activity and transaction (the XSD's sequences),
// required elements and attributes, code lists and formats, and the
// Standard's rules (percentages add up to 100). The official XSD is not
// reachable from this build (no network but the npm registry), so the
// rules are encoded here from the schema; returns every breach found,
// empty when the file conforms. Checked by hand against the official 2.03
// XSDs with xmllint (national and filtered exports validate; the one file
// the XSD refused, an empty iati-activities, is now a rule here too). The
// result element's rules (result, indicator, period) were encoded later from
// the stored copy of the 2.03 activity XSD, not checked with xmllint.
import { DOMParser, type Element } from "@xmldom/xmldom";

const ACTIVITY_ORDER = [
  "iati-identifier",
  "reporting-org",
  "title",
  "description",
  "participating-org",
  "other-identifier",
  "activity-status",
  "activity-date",
  "contact-info",
  "activity-scope",
  "recipient-country",
  "recipient-region",
  "location",
  "sector",
  "tag",
  "country-budget-items",
  "humanitarian-scope",
  "policy-marker",
  "collaboration-type",
  "default-flow-type",
  "default-finance-type",
  "default-aid-type",
  "default-tied-status",
  "budget",
  "planned-disbursement",
  "capital-spend",
  "transaction",
  "document-link",
  "related-activity",
  "legacy-data",
  "conditions",
  "result",
  "crs-add",
  "fss",
];
const TRANSACTION_ORDER = [
  "transaction-type",
  "transaction-date",
  "value",
  "description",
  "provider-org",
  "receiver-org",
  "disbursement-channel",
  "sector",
  "recipient-country",
  "recipient-region",
  "flow-type",
  "finance-type",
  "aid-type",
  "tied-status",
];
// result (2.03): its sequences, from the stored 2.03 activity XSD (IATI/IATI-Schemas) and, for document-link and
// reference (added in the 2.03 release), the published 2.03 reference.
const RESULT_ORDER = ["title", "description", "document-link", "reference", "indicator"];
const INDICATOR_ORDER = ["title", "description", "document-link", "reference", "baseline", "period"];
const PERIOD_ORDER = ["period-start", "period-end", "target", "actual"];
/** Codelists ResultType (1 output, 2 outcome, 3 impact, 9 other) and IndicatorMeasure (1–5; 5 qualitative). */
const RESULT_TYPES = new Set(["1", "2", "3", "9"]);
const INDICATOR_MEASURES = new Set(["1", "2", "3", "4", "5"]);
const BOOLEAN = /^(0|1|true|false)$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const TRANSACTION_TYPES = new Set(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]);
const ORGANISATION_TYPES = new Set([
  "10",
  "11",
  "15",
  "21",
  "22",
  "23",
  "24",
  "30",
  "40",
  "60",
  "70",
  "71",
  "72",
  "73",
  "80",
  "90",
]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const children = (e: Element) => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);

const inOrderOf = (parent: Element, order: string[], where: string, out: string[]) => {
  let last = -1;
  for (const c of children(parent)) {
    const i = order.indexOf(c.tagName);
    if (i < 0) out.push(`${where}: unexpected element ${c.tagName}`);
    else if (i < last) out.push(`${where}: ${c.tagName} out of order`);
    else last = i;
  }
};
const countOf = (parent: Element, name: string) => children(parent).filter((c) => c.tagName === name).length;
const narratedIn = (e: Element, where: string, out: string[]) => {
  if (!children(e).some((c) => c.tagName === "narrative" && c.textContent?.trim()))
    out.push(`${where}: ${e.tagName} has no narrative`);
};
/** Exactly one title with a narrative, at most one description with one. */
const titled = (e: Element, where: string, out: string[]) => {
  if (countOf(e, "title") !== 1) out.push(`${where}: needs exactly one title`);
  if (countOf(e, "description") > 1) out.push(`${where}: more than one description`);
  for (const c of children(e)) if (c.tagName === "title" || c.tagName === "description") narratedIn(c, where, out);
};

/** A result: @type, title, indicators, each with @measure and periods whose dates and values are well formed. */
function resultBreaches(r: Element, where: string, out: string[]) {
  inOrderOf(r, RESULT_ORDER, where, out);
  if (!RESULT_TYPES.has(r.getAttribute("type") ?? "")) out.push(`${where}: @type is not a ResultType code`);
  const flag = (e: Element, name: string, w: string) => {
    if (e.hasAttribute(name) && !BOOLEAN.test(e.getAttribute(name)!)) out.push(`${w}: @${name} is not a boolean`);
  };
  flag(r, "aggregation-status", where);
  titled(r, where, out);
  if (!countOf(r, "indicator")) out.push(`${where}: no indicator (the schema requires one or more)`);
  children(r)
    .filter((c) => c.tagName === "indicator")
    .forEach((ind, n) => {
      const w = `${where} indicator ${n + 1}`;
      inOrderOf(ind, INDICATOR_ORDER, w, out);
      const measure = ind.getAttribute("measure") ?? "";
      if (!INDICATOR_MEASURES.has(measure)) out.push(`${w}: @measure is not an IndicatorMeasure code`);
      flag(ind, "ascending", w);
      flag(ind, "aggregation-status", w);
      titled(ind, w, out);
      // A quantitative measure's values are decimals; a qualitative one (5) may leave them out.
      const value = (e: Element, ww: string) => {
        const v = e.getAttribute("value");
        if (measure !== "5" && (v === null || !DECIMAL.test(v))) out.push(`${ww}: @value is not a decimal`);
      };
      for (const b of children(ind).filter((c) => c.tagName === "baseline")) {
        if (!/^[1-9]\d*$/.test(b.getAttribute("year") ?? "")) out.push(`${w} baseline: @year is not a year`);
        value(b, `${w} baseline`);
      }
      children(ind)
        .filter((c) => c.tagName === "period")
        .forEach((p, k) => {
          const wp = `${w} period ${k + 1}`;
          inOrderOf(p, PERIOD_ORDER, wp, out);
          const dates = ["period-start", "period-end"].map((name) => {
            const d = children(p).filter((c) => c.tagName === name);
            if (d.length !== 1 || !DATE.test(d[0]!.getAttribute("iso-date") ?? ""))
              out.push(`${wp}: needs exactly one ${name} with @iso-date`);
            return d[0]?.getAttribute("iso-date") ?? "";
          });
          if (dates[0]! > dates[1]!) out.push(`${wp}: period-end before period-start`);
          for (const v of children(p).filter((c) => c.tagName === "target" || c.tagName === "actual"))
            value(v, `${wp} ${v.tagName}`);
        });
    });
}

export function iatiBreaches(xml: string): string[] {
  const out: string[] = [];
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const root = doc.documentElement!;
  if (root.tagName !== "iati-activities") out.push(`root is ${root.tagName}, not iati-activities`);
  if (root.getAttribute("version") !== "2.03") out.push("iati-activities@version is not 2.03");
  if (!DATETIME.test(root.getAttribute("generated-datetime") ?? ""))
    out.push("iati-activities@generated-datetime is not an xsd:dateTime");
  if (!children(root).length) out.push("iati-activities holds no iati-activity (the schema requires one or more)");
  const inOrder = (parent: Element, order: string[], where: string) => {
    let last = -1;
    for (const c of children(parent)) {
      const i = order.indexOf(c.tagName);
      if (i < 0) out.push(`${where}: unexpected element ${c.tagName}`);
      else if (i < last) out.push(`${where}: ${c.tagName} out of order`);
      else last = i;
    }
  };
  const count = (parent: Element, name: string) => children(parent).filter((c) => c.tagName === name).length;
  const narrated = (e: Element, where: string) => {
    if (!children(e).some((c) => c.tagName === "narrative" && c.textContent?.trim()))
      out.push(`${where}: ${e.tagName} has no narrative`);
  };
  children(root).forEach((a, n) => {
    const where = `activity ${n + 1}`;
    if (a.tagName !== "iati-activity") return out.push(`${where}: ${a.tagName} under iati-activities`);
    inOrder(a, ACTIVITY_ORDER, where);
    for (const [name, min, max] of [
      ["iati-identifier", 1, 1],
      ["reporting-org", 1, 1],
      ["title", 1, 1],
      ["description", 1, Infinity],
      ["participating-org", 1, Infinity],
      ["activity-status", 1, 1],
      ["activity-date", 1, Infinity],
      ["sector", 1, Infinity],
    ] as const) {
      const k = count(a, name);
      if (k < min || k > max)
        out.push(
          `${where}: ${k} ${name} (expected ${min}${max === Infinity ? " or more" : max === min ? "" : `–${max}`})`,
        );
    }
    if (!count(a, "recipient-country") && !count(a, "recipient-region"))
      out.push(`${where}: neither recipient-country nor recipient-region`);
    const dt = a.getAttribute("last-updated-datetime");
    if (dt && !DATETIME.test(dt)) out.push(`${where}: last-updated-datetime is not an xsd:dateTime`);
    for (const c of children(a)) {
      const w = `${where} ${c.tagName}`;
      switch (c.tagName) {
        case "reporting-org":
          if (!c.getAttribute("ref") || !ORGANISATION_TYPES.has(c.getAttribute("type") ?? ""))
            out.push(`${w}: needs @ref and an OrganisationType @type`);
          narrated(c, where);
          break;
        case "title":
        case "description":
          narrated(c, where);
          break;
        case "participating-org":
          if (!["1", "2", "3", "4"].includes(c.getAttribute("role") ?? ""))
            out.push(`${w}: @role is not an OrganisationRole code`);
          narrated(c, where);
          break;
        case "activity-status":
          if (!["1", "2", "3", "4", "5", "6"].includes(c.getAttribute("code") ?? ""))
            out.push(`${w}: @code is not an ActivityStatus code`);
          break;
        case "activity-date":
          if (
            !["1", "2", "3", "4"].includes(c.getAttribute("type") ?? "") ||
            !DATE.test(c.getAttribute("iso-date") ?? "")
          )
            out.push(`${w}: needs an ActivityDateType @type and @iso-date`);
          break;
        case "sector":
          if (c.getAttribute("vocabulary") === "1" && !/^\d{5}$/.test(c.getAttribute("code") ?? ""))
            out.push(`${w}: DAC 5-digit @code expected`);
          break;
        case "result":
          resultBreaches(c, w, out);
          break;
        case "transaction": {
          inOrder(c, TRANSACTION_ORDER, w);
          for (const name of ["transaction-type", "transaction-date", "value"])
            if (count(c, name) !== 1) out.push(`${w}: needs exactly one ${name}`);
          for (const t of children(c)) {
            if (t.tagName === "transaction-type" && !TRANSACTION_TYPES.has(t.getAttribute("code") ?? ""))
              out.push(`${w}: transaction-type @code is not a TransactionType code`);
            if (t.tagName === "transaction-date" && !DATE.test(t.getAttribute("iso-date") ?? ""))
              out.push(`${w}: transaction-date needs @iso-date`);
            if (t.tagName === "value") {
              if (!DATE.test(t.getAttribute("value-date") ?? "")) out.push(`${w}: value needs @value-date`);
              if (!/^[A-Z]{3}$/.test(t.getAttribute("currency") ?? a.getAttribute("default-currency") ?? ""))
                out.push(`${w}: value has no currency`);
              if (!/^-?\d+(\.\d+)?$/.test(t.textContent ?? "")) out.push(`${w}: value is not a decimal`);
            }
            if (t.tagName === "provider-org" || t.tagName === "receiver-org") narrated(t, w);
          }
          break;
        }
      }
    }
    for (const name of ["recipient-country", "sector"]) {
      const parts = children(a).filter((c) => c.tagName === name);
      const total = parts.reduce(
        (s, c) => s + Number(c.getAttribute("percentage") ?? (parts.length === 1 ? 100 : 0)),
        0,
      );
      if (parts.length && Math.abs(total - 100) > 1e-9)
        out.push(`${where}: ${name} percentages add up to ${total}, not 100`);
    }
  });
  return out;
}
