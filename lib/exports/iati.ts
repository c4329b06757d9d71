// Grants and their transactions as IATI 2.03 activity XML, the format
// donors publish aid in (iatistandard.org/en/iati-standard/203/activity-standard/).
// One activity per grant, sector DAC 15250 (removal of land mines and
// explosive remnants of war), recipient country Iraq. Pure: rows in, XML out,
// built with xmldom so every name and value is escaped as XML requires.
import { DOMImplementation, type Document, type Element, XMLSerializer } from "@xmldom/xmldom";
import type { GrantYearOutputs } from "@/lib/domain/grant-outputs";
import { resultElements } from "./iati-results";

export const IATI_VERSION = "2.03";
/** DAC 5-digit purpose code: Removal of land mines and explosive remnants of war. */
export const MINE_ACTION_SECTOR = "15250";

/** IATI TransactionType codes for the app's transaction kinds. */
export const IATI_TRANSACTION_TYPE = {
  INCOMING_COMMITMENT: "11",
  OUTGOING_COMMITMENT: "2",
  DISBURSEMENT: "3",
  EXPENDITURE: "4",
} as const;

export type IatiOrganisation = { ref: string; name: string; type?: string };

export type IatiGrant = {
  code: string;
  title: string;
  donor: IatiOrganisation;
  partner: IatiOrganisation | null;
  fiscalYear: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  lastUpdated: Date;
  transactions: {
    type: keyof typeof IATI_TRANSACTION_TYPE;
    date: Date;
    amount: string;
    currency: string;
    description: string | null;
  }[];
  /** Outputs of the tasks it funds by year (see grantOutputs): written as <result> elements. */
  outputs?: GrantYearOutputs[];
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const isoDateTime = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/**
 * The activity file. `reporter` is the organisation publishing it (the
 * caller's); where it is not a grant's donor it reports as a secondary
 * reporter, as IATI asks of anyone publishing others' activities.
 */
export function iatiActivitiesXml(
  grants: readonly IatiGrant[],
  reporter: IatiOrganisation,
  generated: Date,
  today = generated,
): string {
  const doc: Document = new DOMImplementation().createDocument(null, "iati-activities", null);
  const root = doc.documentElement!;
  root.setAttribute("version", IATI_VERSION);
  root.setAttribute("generated-datetime", isoDateTime(generated));

  const el = (
    name: string,
    attrs: Record<string, string | undefined> = {},
    ...children: (Element | string)[]
  ): Element => {
    const e = doc.createElement(name);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
    for (const c of children) e.appendChild(typeof c === "string" ? doc.createTextNode(c) : c);
    return e;
  };
  const narrative = (text: string) => el("narrative", {}, text);
  const org = (name: string, o: IatiOrganisation, attrs: Record<string, string | undefined> = {}) =>
    el(name, { ref: o.ref, type: o.type, ...attrs }, narrative(o.name));

  for (const g of grants) {
    const start = g.periodStart ?? new Date(Date.UTC(g.fiscalYear, 0, 1));
    const end = g.periodEnd ?? new Date(Date.UTC(g.fiscalYear, 11, 31));
    // 2 implementation, 3 finalisation (ended, money still moving), 4 closed: by the grant's period.
    const status = end >= today ? "2" : g.transactions.some((t) => t.date > end) ? "3" : "4";
    const activity = el(
      "iati-activity",
      {
        "last-updated-datetime": isoDateTime(g.lastUpdated),
        "xml:lang": "en",
        "default-currency": "USD",
        humanitarian: "1",
      },
      el("iati-identifier", {}, `${g.donor.ref}-${g.code}`),
      org("reporting-org", reporter, {
        type: reporter.type ?? "90",
        ...(reporter.ref === g.donor.ref ? {} : { "secondary-reporter": "1" }),
      }),
      el("title", {}, narrative(g.title)),
      el(
        "description",
        { type: "1" },
        narrative(
          `Humanitarian mine action in Iraq funded by ${g.donor.name}${g.partner ? ` and implemented by ${g.partner.name}` : ""}: survey and clearance to release contaminated land (fiscal year ${g.fiscalYear}).`,
        ),
      ),
      org("participating-org", g.donor, { role: "1" }),
      ...(g.partner ? [org("participating-org", g.partner, { role: "4" })] : []),
      el("activity-status", { code: status }),
      el("activity-date", { type: "1", "iso-date": isoDate(start) }),
      el("activity-date", { type: "3", "iso-date": isoDate(end) }),
      el("recipient-country", { code: "IQ", percentage: "100" }),
      el("sector", { vocabulary: "1", code: MINE_ACTION_SECTOR, percentage: "100" }),
      ...g.transactions.map((t) =>
        el(
          "transaction",
          {},
          el("transaction-type", { code: IATI_TRANSACTION_TYPE[t.type] }),
          el("transaction-date", { "iso-date": isoDate(t.date) }),
          el("value", { currency: t.currency, "value-date": isoDate(t.date) }, t.amount),
          ...(t.description ? [el("description", {}, narrative(t.description))] : []),
          org("provider-org", g.donor),
          ...(g.partner ? [org("receiver-org", g.partner)] : []),
        ),
      ),
      // After transactions (document-link, related-activity, legacy-data and conditions, not written, come between).
      ...resultElements(el, g.outputs ?? []),
    );
    root.appendChild(activity);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}
