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
