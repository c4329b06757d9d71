// A partner on a weak connection: the report form keeps a draft on the
// device, so a reload loses nothing; a submission made while offline waits
// and is sent by itself when the connection is back, once.
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { demoTask, typedBox } from "./demo-task";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

describe("the report form on a weak connection", () => {
  it("keeps a draft across a reload and sends an offline submission when the connection is back, once", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, baseUrl, "partner@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    const { taskId, bounds } = await demoTask(page, baseUrl);
    const reportsOfTask = async () =>
      ((await (await page.request.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as { reports: unknown[] }).reports
        .length;

    await page.goto(`${baseUrl}/tasks/${taskId}/reports/new`);
    await page.getByLabel("Type the turning points").check();
    await page.getByLabel("Turning points, one per line").fill(typedBox(bounds, [0.7, 0.8], [0.2, 0.3]));
    await page.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
    const counted = Number(await page.getByTestId("preview-counted").getAttribute("data-m2"));
    expect(counted).toBeGreaterThan(0);
    await page.getByLabel(/^Method/).selectOption("cleared");
    await page.getByLabel("Period start").fill("2026-11-03");
    await page.getByLabel("Period end").fill("2026-11-19");
    await page.getByLabel("Clearance depth (cm)").fill("30");
    await page.getByRole("button", { name: "Add a device type" }).click();
    await page.getByLabel("Count", { exact: true }).fill("2");

    // The tab is reloaded (or the phone drops the page): everything comes back from the draft.
    await page.reload();
    await page.getByTestId("draft-restored").waitFor();
    await page.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
    expect(Number(await page.getByTestId("preview-counted").getAttribute("data-m2"))).toBeCloseTo(counted, 6);
    expect(await page.getByLabel(/^Method/).inputValue()).toBe("cleared");
    expect(await page.getByLabel("Period end").inputValue()).toBe("2026-11-19");
    expect(await page.getByLabel("Clearance depth (cm)").inputValue()).toBe("30");
    expect(await page.getByLabel("Count", { exact: true }).inputValue()).toBe("2");

    // Submitted with no connection: kept, said so, and sent once the connection is back.
    const before = await reportsOfTask();
    await context.setOffline(true);
    await page.getByRole("button", { name: "Submit the report" }).click();
    await page.getByTestId("offline").waitFor();
    expect(page.url()).toMatch(/\/reports\/new$/);
    // It waits in the device's queue (the header says so) and goes by itself once the connection is back.
    expect(await page.getByTestId("queue-waiting").getAttribute("data-count")).toBe("1");
    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId("queue-waiting").getAttribute("data-count"), { timeout: 30_000 })
      .toBe("0");
    expect(await reportsOfTask()).toBe(before + 1);

    // The draft is gone once the report is made.
    await page.goto(`${baseUrl}/tasks/${taskId}/reports/new`);
    await page.getByRole("button", { name: "Submit the report" }).waitFor();
    expect(await page.getByTestId("draft-restored").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
