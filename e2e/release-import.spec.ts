// An authority brings in the land already released in its register: a CSV of
// past releases with each polygon as WKT, an operator's old name mapped to the
// organisation, committed as approved reports marked as imported, and withdrawn;
// the national released figure moves by exactly what they count, and back.
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

type Progress = { releasedM2: { total: number }; remainingM2: number };
type Polygon = { type: "Polygon"; coordinates: number[][][] };

const wkt = (p: Polygon) =>
  `POLYGON ((${p.coordinates[0]!.map(([x, y]) => `${x!.toFixed(7)} ${y!.toFixed(7)}`).join(", ")}))`;

describe("importing past land releases", () => {
  it("checks each release, maps an operator's old name, counts each m² once, and withdraws", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, baseUrl, "dma@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    const figures = async () => (await (await page.request.get(`${baseUrl}/api/progress`)).json()) as Progress;
    const before = await figures();
    const tasks = (await (await page.request.get(`${baseUrl}/api/tasks`)).json()) as {
      items: { id: string; code: string }[];
    };
    const task = (await (
      await page.request.get(`${baseUrl}/api/tasks/${tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id}`)
    ).json()) as { hazardAreas: { code: string; geometry: Polygon }[] };
    const area = task.hazardAreas[0]!;
    const csv = [
      "hazard_code,release_type,organisation,start_date,end_date,wkt",
      `${area.code},Clearance,Zagros Clearance,01/02/2025,30/04/2025,"${wkt(area.geometry)}"`,
      `${area.code},Technical Survey,ZCL-demo,,15/06/2025,"${wkt(area.geometry)}"`,
      `${area.code},Clearance,ZCL-demo,01/05/2025,01/03/2025,"${wkt(area.geometry)}"`,
    ].join("\n");

    await page.goto(`${baseUrl}/hazard-areas/import`);
    await page.getByRole("combobox", { name: "What the file holds" }).selectOption("releases");
    await page.getByLabel("File of past land releases").setInputFiles({
      name: "releases.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByRole("button", { name: "Read and check the file" }).click();
    await page.getByTestId("import-preview").waitFor({ timeout: 60_000 });
    const problems = page.getByTestId("import-problems").locator("tbody tr");
    const shown = () =>
      problems.evaluateAll((rows) =>
        rows.map((r) => [Number(r.getAttribute("data-row")), r.getAttribute("data-code")]),
      );
    // Rows as the sheet numbers them: the header is row 1.
    expect(await shown()).toEqual([
      [2, "UNKNOWN_OPERATOR"],
      [4, "PERIOD_REVERSED"],
    ]);
    // The operator's old name is the demo partner's: mapped, the row passes.
    await page
      .getByTestId("import-values")
      .getByRole("combobox")
      .selectOption({ label: "Zagros Clearance (demo partner)" });
    await page.getByRole("button", { name: "Check the file again with these choices" }).click();
    await expect.poll(() => shown(), { timeout: 60_000 }).toEqual([[4, "PERIOD_REVERSED"]]);
    expect(await page.getByTestId("import-preview").getByRole("status").textContent()).toMatch(
      /^3 rows read: 2 releases can be imported, counting [\d,.]+\sm² as released/,
    );
    await page.getByRole("button", { name: "Review and commit" }).click();
    await page.waitForURL(/\/hazard-areas\/import\?id=/);
    const id = new URL(page.url()).searchParams.get("id")!;

    await page.getByRole("button", { name: "Import 2 past releases" }).click();
    await page.getByTestId("import-committed").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("import-committed").textContent()).toMatch(
      /^2 releases imported, counting [\d,.]+\sm² as released; none skipped\.$/,
    );
    const imported = (await (await page.request.get(`${baseUrl}/api/imports/${id}`)).json()) as {
      kind: string;
      progress: { releasedM2: number };
    };
    expect(imported.kind).toBe("releases");
    const after = await figures();
    expect(after.releasedM2.total - before.releasedM2.total).toBeCloseTo(imported.progress.releasedM2, 3);
    expect(before.remainingM2 - after.remainingM2).toBeCloseTo(imported.progress.releasedM2, 3);

    // Each imported release is a report saying where it came from.
    await page.goto(`${baseUrl}/reports?status=approved`);
    await page.getByRole("cell", { name: "Imported" }).first().waitFor();

    await page.goto(`${baseUrl}/hazard-areas/import?id=${id}`);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Withdraw this import" }).click();
    await page.getByText("Withdrawn: 2 releases are no longer counted.").waitFor();
    const withdrawn = await figures();
    expect(withdrawn.releasedM2.total).toBeCloseTo(before.releasedM2.total, 3);
    expect(withdrawn.remainingM2).toBeCloseTo(before.remainingM2, 3);
    expect(errors).toEqual([]);
    await context.close();
  });
});
