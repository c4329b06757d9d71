import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { iatiBreaches } from "@/tests/helpers/iati-rules";
import { type IatiGrant, iatiActivitiesXml } from "./iati";

const grant: IatiGrant = {
  code: "GR-2025-007",
  title: "Clearance of farmland in Sinjar & Tel Afar <phase 2>",
  donor: { ref: "XM-DAC-5-7", name: "Germany", type: "10" },
  partner: { ref: "XI-MAP-zagros", name: "Zagros Clearance" },
  fiscalYear: 2025,
  periodStart: new Date("2025-01-01"),
  periodEnd: new Date("2025-12-31"),
  lastUpdated: new Date("2026-01-10T08:00:00Z"),
  transactions: [
    {
      type: "INCOMING_COMMITMENT",
      date: new Date("2025-01-15"),
      amount: "1370000.00",
      currency: "EUR",
      description: "Agreement signed",
    },
    { type: "DISBURSEMENT", date: new Date("2025-03-01"), amount: "685000.00", currency: "EUR", description: null },
    {
      type: "EXPENDITURE",
      date: new Date("2025-09-30"),
      amount: "412345.67",
      currency: "EUR",
      description: "Q1–Q3 spending",
    },
  ],
};

describe("IATI 2.03 activities", () => {
  it("writes a grant and its transactions by the schema's rules", () => {
    const xml = iatiActivitiesXml(
      [
        grant,
        {
          ...grant,
          code: "GR-2018-001",
          partner: null,
          periodStart: null,
          periodEnd: null,
          fiscalYear: 2018,
          transactions: [],
        },
      ],
      { ref: "XI-MAP-dma", name: "Directorate of Mine Action", type: "10" },
      new Date("2026-11-26T10:00:00Z"),
    );
    expect(iatiBreaches(xml)).toEqual([]);
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2026-11-26T10:00:00Z">');
    expect(xml).toContain("<iati-identifier>XM-DAC-5-7-GR-2025-007</iati-identifier>");
    expect(xml).toContain('<sector vocabulary="1" code="15250" percentage="100"/>');
    expect(xml).toContain('<recipient-country code="IQ" percentage="100"/>');
    expect(xml).toContain('secondary-reporter="1"'); // DMA publishes Germany's grant
    expect(xml).toContain("Sinjar &amp; Tel Afar &lt;phase 2&gt;");
    expect(xml).toContain(
      '<transaction-type code="11"/><transaction-date iso-date="2025-01-15"/><value currency="EUR" value-date="2025-01-15">1370000.00</value>',
    );
    expect(xml).toContain('<activity-status code="4"/>'); // 2018 grant, closed
  });

  it("the rules catch what the schema forbids", () => {
    const xml = iatiActivitiesXml(
      [grant],
      { ref: "XM-DAC-5-7", name: "Germany", type: "10" },
      new Date("2026-11-26T10:00:00Z"),
    );
    expect(xml).not.toContain("secondary-reporter");
    expect(iatiBreaches(xml.replace("<title>", "<titel>").replace("</title>", "</titel>"))).toContain(
      "activity 1: unexpected element titel",
    );
    expect(iatiBreaches(xml.replace(/<sector [^>]*\/>/, ""))).toContain("activity 1: 0 sector (expected 1 or more)");
    expect(iatiBreaches(xml.replace(/<description type="1">.*?<\/description>/, ""))).toContain(
      "activity 1: 0 description (expected 1 or more)",
    );
    expect(iatiBreaches(xml.replace('code="3"/>', 'code="99"/>'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/TransactionType/)]),
    );
    const swapped = xml.replace(/(<activity-status[^>]*\/>)(<activity-date[^>]*\/><activity-date[^>]*\/>)/, "$2$1");
    expect(iatiBreaches(swapped)).toEqual(
      expect.arrayContaining([expect.stringMatching(/activity-status out of order/)]),
    );
  });
});

describe("IATI 2.03 results: the land released and devices destroyed by a grant's tasks", () => {
  const outputs = [
    { year: 2024, cancelledM2: 0, reducedM2: 1_500.5, clearedM2: 24_000, devices: 12.4 },
    { year: 2025, cancelledM2: 300_000, reducedM2: 0, clearedM2: 8_000.333, devices: 0 },
  ];
  const xml = iatiActivitiesXml(
    [{ ...grant, outputs }],
    { ref: "XM-DAC-5-7", name: "Germany", type: "10" },
    new Date("2026-11-26T10:00:00Z"),
  );
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const results = Array.from(doc.getElementsByTagName("result"));
  const indicator = (title: string) =>
    Array.from(doc.getElementsByTagName("indicator")).find(
      (i) => i.getElementsByTagName("title")[0]!.textContent === title,
    )!;
  const actuals = (title: string) =>
    Array.from(indicator(title).getElementsByTagName("period")).map((p) => [
      p.getElementsByTagName("period-start")[0]!.getAttribute("iso-date"),
      p.getElementsByTagName("period-end")[0]!.getAttribute("iso-date"),
      p.getElementsByTagName("actual")[0]!.getAttribute("value"),
    ]);

  it("writes outputs (ResultType 1) with unit indicators, valid by the schema's rules, after the transactions", () => {
    expect(iatiBreaches(xml)).toEqual([]);
    expect(results.map((r) => [r.getAttribute("type"), r.getElementsByTagName("title")[0]!.textContent])).toEqual([
      ["1", "Land released"],
      ["1", "Explosive ordnance destroyed"],
    ]);
    expect(xml.indexOf("<result ")).toBeGreaterThan(xml.lastIndexOf("</transaction>"));
    for (const i of Array.from(doc.getElementsByTagName("indicator"))) expect(i.getAttribute("measure")).toBe("1");
  });

  it.each([
    ["Land cancelled by non-technical survey (m²)", [["2025-01-01", "2025-12-31", "300000.00"]]],
    ["Land reduced by technical survey (m²)", [["2024-01-01", "2024-12-31", "1500.50"]]],
    [
      "Land cleared (m²)",
      [
        ["2024-01-01", "2024-12-31", "24000.00"],
        ["2025-01-01", "2025-12-31", "8000.33"],
      ],
    ],
    ["Explosive ordnance items destroyed", [["2024-01-01", "2024-12-31", "12.40"]]],
  ])("%s: a period per year with a figure, the value a decimal", (title, periods) => {
    expect(actuals(title)).toEqual(periods);
  });

  it("writes no result for a grant whose tasks released nothing", () => {
    const none = iatiActivitiesXml([{ ...grant, outputs: [] }], grant.donor, new Date("2026-11-26T10:00:00Z"));
    expect(none).not.toContain("<result");
    expect(iatiBreaches(none)).toEqual([]);
  });

  it("the rules catch a result the schema forbids", () => {
    expect(iatiBreaches(xml.replace('<result type="1"', '<result type="7"'))).toContain(
      "activity 1 result: @type is not a ResultType code",
    );
    expect(iatiBreaches(xml.replace('measure="1"', 'measure="9"'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/@measure is not an IndicatorMeasure code/)]),
    );
    expect(iatiBreaches(xml.replace('value="300000.00"', 'value="300,000"'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/actual: @value is not a decimal/)]),
    );
    const periodSwapped = xml.replace(
      /(<period-start iso-date="2024-01-01"\/>)(<period-end iso-date="2024-12-31"\/>)/,
      "$2$1",
    );
    expect(iatiBreaches(periodSwapped)).toEqual(
      expect.arrayContaining([expect.stringMatching(/period-start out of order/)]),
    );
    const beforeTransactions = xml.replace(/(<transaction>.*<\/transaction>)(<result .*<\/result>)/s, "$2$1");
    expect(iatiBreaches(beforeTransactions)).toEqual(
      expect.arrayContaining([expect.stringMatching(/transaction out of order/)]),
    );
    expect(iatiBreaches(xml.replace(/<indicator .*?<\/indicator>/gs, ""))).toEqual(
      expect.arrayContaining([expect.stringMatching(/no indicator/)]),
    );
  });
});
