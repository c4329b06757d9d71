import { describe, expect, it } from "vitest";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { exportFileName, namePart } from "./file-name";

const asOf = new Date("2026-11-26T22:30:00Z"); // already 27 November in Baghdad
const filter = (query: Record<string, string>) => ZExportFilter.parse(query);

describe("export file names", () => {
  it("name the partner, donor and governorate in place of their ids", () => {
    const name = exportFileName(
      "reports.csv",
      filter({
        region: "kurdistan",
        governorate: "IQG06",
        partner: "cmx58huab000r6g7d75ghkro9",
        from: "2025-01-01",
        to: "2025-12-31",
      }),
      asOf,
      { partner: "ZCL", governorate: "Erbil" },
    );
    expect(name).toBe("reports_approved_kurdistan_Erbil_partner-ZCL_2025-01-01_to_2025-12-31_as-of_2026-11-27.csv");
    expect(exportFileName("grants.xlsx", filter({ donor: "cmdonor1" }), asOf, { donor: "Demo Peace Fund" })).toBe(
      "grants_donor-Demo-Peace-Fund_as-of_2026-11-27.xlsx",
    );
  });

  it("keep a filter's id when its name is not known, so the name still says what was chosen", () => {
    expect(exportFileName("tasks.csv", filter({ partner: "cmx58huab000r6g7d75ghkro9" }), asOf)).toBe(
      "tasks_partner-cmx58huab000r6g7d75ghkro9_as-of_2026-11-27.csv",
    );
  });

  it("turn spaces, slashes, dots and underscores inside a name into single hyphens, never a path or a new part", () => {
    expect(namePart("Mines Advisory Group (MAG) / Iraq")).toBe("Mines-Advisory-Group-MAG-Iraq");
    expect(namePart("../../etc/passwd")).toBe("etc-passwd");
    expect(namePart("Team_A.B")).toBe("Team-A-B");
    const name = exportFileName("reports.csv", filter({ partner: "x" }), asOf, { partner: "A/B_C" });
    expect(name).toBe("reports_approved_partner-A-B-C_as-of_2026-11-27.csv");
  });

  it("keep Arabic and Sorani letters (and their marks), dropping direction marks that could disguise the name", () => {
    expect(namePart("منظمة الأمل للإزالة")).toBe("منظمة-الأمل-للإزالة");
    expect(namePart("ڕێکخراوی هیوا")).toBe("ڕێکخراوی-هیوا");
    expect(namePart("مُنظَّمة")).toBe("مُنظَّمة");
    // A right-to-left override would show "…fdp.exe" as "…exe.pdf".
    expect(namePart("evil\u202Efdp.exe")).toBe("evil-fdp-exe");
  });

  it("cut a very long name to 40 characters, without a trailing hyphen", () => {
    const long = namePart("The Very Long Name of an Implementing Partner Working in Nineveh Governorate");
    expect(long).toBe("The-Very-Long-Name-of-an-Implementing-Pa");
    expect(Array.from(namePart(`${"ا".repeat(39)} ب`))).toHaveLength(39);
  });

  it("fall back to the id when a name has nothing readable in it", () => {
    expect(exportFileName("reports.csv", filter({ partner: "cm1" }), asOf, { partner: "***" })).toBe(
      "reports_approved_partner-cm1_as-of_2026-11-27.csv",
    );
  });
});
