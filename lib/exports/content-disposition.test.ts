import { describe, expect, it } from "vitest";
import { asciiFileName, attachment, fileNameOf } from "./content-disposition";

describe("a download's file name in its Content-Disposition header", () => {
  it("carries an Arabic or Sorani name whole in filename*, with an ASCII filename beside it", () => {
    const name = "reports_approved_partner-منظمة-الأمل_as-of_2026-11-26.csv";
    const header = attachment(name);
    expect(header).toBe(
      `attachment; filename="reports_approved_partner_as-of_2026-11-26.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(fileNameOf(header)).toBe(name);
  });

  it("keeps an ASCII name as it is, and drops accents rather than letters", () => {
    expect(attachment("tasks_as-of_2026-11-26.xlsx")).toBe(
      `attachment; filename="tasks_as-of_2026-11-26.xlsx"; filename*=UTF-8''tasks_as-of_2026-11-26.xlsx`,
    );
    expect(asciiFileName("grants_donor-Société-Générale_as-of_2026-11-26.csv")).toBe(
      "grants_donor-Societe-Generale_as-of_2026-11-26.csv",
    );
    expect(asciiFileName("مخطط.pdf")).toBe("export.pdf");
  });

  it("never lets a quote, a semicolon or a line break into the header", () => {
    const header = attachment("a\"b;c\r\nd'(e)*.csv");
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split(";")).toHaveLength(3);
    expect(fileNameOf(header)).toBe("a\"b;c\r\nd'(e)*.csv");
  });

  it("reads the plain filename when the header has no filename*, and nothing from no header", () => {
    expect(fileNameOf('attachment; filename="reports.csv"')).toBe("reports.csv");
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A; filename=\"x.csv\"")).toBe("x.csv");
    expect(fileNameOf(null)).toBeNull();
  });
});
