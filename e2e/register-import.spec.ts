// An authority brings its existing register in: a zipped shapefile in UTM
// 38N with IMSMA NG's columns, a few hundred areas and some broken rows,
// checked row by row, an unknown word mapped, the overlap decided, committed
// with a progress bar, found on the register's map, and withdrawn; the
// national registered figure moves by exactly the imported area and back.
import { describe, expect, inject, it } from "vitest";
import type { RegisterMap } from "@/lib/domain/register-map";
import { BROKEN_ROWS, codeOfRow, registerShapefile } from "@/tests/helpers/register-file";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();
const ROWS = 300;

type Progress = { registeredM2: number; remainingM2: number; registeredRemainingM2: number };

describe("importing a register", () => {
  it("checks every row, lets the authority map a word and decide overlaps, commits with progress, and withdraws", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, baseUrl, "dma@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    const figures = async () => (await (await page.request.get(`${baseUrl}/api/progress`)).json()) as Progress;
    const before = await figures();

    await page.goto(`${baseUrl}/hazard-areas`);
    await page.getByRole("link", { name: "Import from a file" }).click();
    await page.waitForURL(`${baseUrl}/hazard-areas/import`);
    await page.getByLabel("File of hazardous areas").setInputFiles({
      name: "dma-register.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(registerShapefile({ count: ROWS })),
    });
    // IMSMA NG's export is offered as a mapping of its own.
    await page.getByRole("combobox", { name: /^Start from a mapping/ }).selectOption({ label: "IMSMA NG (built in)" });
    await page.getByRole("button", { name: "Read and check the file" }).click();
    const problems = page.getByTestId("import-problems").locator("tbody tr");
    await page.getByTestId("import-preview").waitFor({ timeout: 60_000 });
    // Each broken row, with its field, as single registration would say it.
    const shown = async () =>
      problems.evaluateAll((rows) =>
        rows.map((r) => [
          Number(r.getAttribute("data-row")),
          r.getAttribute("data-field"),
          r.getAttribute("data-code"),
        ]),
      );
    expect(await shown()).toEqual(Object.entries(BROKEN_ROWS).map(([row, p]) => [Number(row), p.field, p.code]));
    expect(await problems.first().textContent()).toContain("'Danger zone' in column 'HAZ_TYPE'");

    // "Danger zone" is this authority's word for a confirmed area: mapped, the row passes.
    await page.getByTestId("import-values").getByRole("combobox").selectOption("CHA");
    await page.getByRole("button", { name: "Check the file again with these choices" }).click();
    await expect
      .poll(() => shown(), { timeout: 60_000 })
      .toEqual(
        Object.entries(BROKEN_ROWS)
          .filter(([row]) => row !== "3")
          .map(([row, p]) => [Number(row), p.field, p.code]),
      );
    // Kept with the word mapped, for this source's next export.
    await page.getByLabel("Save this mapping as").fill("Kirkuk office export");
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect
      .poll(() => page.getByTestId("import-mapping").getByRole("status").textContent())
      .toContain("Saved as “Kirkuk office export”");
    const accepted = ROWS - 3;
    await page.getByRole("button", { name: "Review and commit" }).click();
    await page.waitForURL(/\/hazard-areas\/import\?id=/);
    const id = new URL(page.url()).searchParams.get("id")!;

    // One row lies half over its neighbour: nothing is committed until the authority says how to take it.
    const commit = page.getByRole("button", { name: `Register ${accepted} areas` });
    expect(await commit.isDisabled()).toBe(true);
    await page.getByLabel("Keep only their part not yet registered").check();
    await commit.click();
    // The bar shows how far it has come (two batches of 200 rows here), then what was registered.
    await page.getByRole("progressbar", { name: "Progress of the import" }).waitFor();
    await page.getByTestId("import-committed").waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("import-committed").textContent()).toMatch(
      new RegExp(`^${accepted} areas registered \\([\\d,.]+\\sm²\\); none skipped\\.$`),
    );

    const imported = (await (await page.request.get(`${baseUrl}/api/imports/${id}`)).json()) as {
      registeredM2: number;
      registeredAreas: number;
    };
    expect(imported.registeredAreas).toBe(accepted);
    const after = await figures();
    expect(after.registeredM2 - before.registeredM2).toBeCloseTo(imported.registeredM2, 3);
    expect(after.remainingM2).toBeCloseTo(before.remainingM2, 3);

    // On the register's map at district scale, where the file put them.
    const near = (await (
      await page.request.get(`${baseUrl}/api/hazard-areas/map?bbox=44.05,35.25,44.45,35.45&zoom=12`)
    ).json()) as RegisterMap;
    const codes = near.level === "areas" ? near.features.map((f) => f.properties.code) : [];
    expect(codes).toContain(codeOfRow(1));
    expect(codes).toContain(codeOfRow(ROWS));

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Withdraw this import" }).click();
    await page.getByText(`Withdrawn: ${accepted} areas were removed from the register.`).waitFor();
    const withdrawn = await figures();
    expect(withdrawn.registeredM2).toBeCloseTo(before.registeredM2, 3);
    expect(withdrawn.registeredRemainingM2).toBeCloseTo(before.registeredRemainingM2, 3);
    expect(errors).toEqual([]);
    await context.close();
  });
});
