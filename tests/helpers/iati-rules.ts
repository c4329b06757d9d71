// The IATI 2.03 activity schema's rules for the elements this app writes:
// element order within iati-activity and transaction (the XSD's sequences),
// required elements and attributes, code lists and formats, and the
// Standard's rules (percentages add up to 100). The official XSD is not
// reachable from this build (no network but the npm registry), so the
// rules are encoded here from the schema; returns every breach found,
// empty when the file conforms. Checked by hand against the official 2.03
// XSDs with xmllint (national and filtered exports validate; the one file
// the XSD refused, an empty iati-activities, is now a rule here too).
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
