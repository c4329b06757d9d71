// A partner who opened the app once while connected works without a connection: the app is installable, its
// service worker keeps the partner's tasks and their report forms, a report made offline waits on the device and
// arrives once when the connection returns; one whose task the authority cancelled meanwhile is shown refused,
// in words, with what to do.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { demoTask, typedBox } from "./demo-task";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();
const [W, S, E, N] = [44.6, 35.3, 44.6077, 35.305];

async function fillReport(page: Page, box: string) {
  await page.getByLabel("Type the turning points").check();
  await page.getByLabel("Turning points, one per line").fill(box);
  await page.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
  await page.getByLabel(/^Method/).selectOption("cleared");
  await page.getByLabel("Period start").fill("2026-11-03");
  await page.getByLabel("Period end").fill("2026-11-19");
  await page.getByRole("button", { name: "Submit the report" }).click();
  await page.getByTestId("offline").waitFor();
}

const count = async (page: Page, testId: string) =>
  Number(
    (await page
      .getByTestId(testId)
      .getAttribute("data-count")
      .catch(() => "0")) ?? 0,
  );

describe("the app offline", () => {
  it("is installable, opens offline, queues reports and sends them once; a cancelled task's report is refused in words", async () => {
    // The authority issues a task to the partner on a new area, to cancel while the partner is offline.
    const authority = await browser.newContext();
    const dma = await authority.newPage();
    await signIn(dma, baseUrl, "dma@demo.test");
    await dma.waitForURL(`${baseUrl}/`);
    const ring = [
      [W, S],
      [E, S],
      [E, N],
      [W, N],
      [W, S],
    ];
    const area = await dma.request.post(`${baseUrl}/api/hazard-areas`, {
      headers: { origin: baseUrl },
      data: {
        code: "SHA-KRK-E2E-OFFLINE",
        name: "E2E: orchard reached offline",
        kind: "SHA",
        contamination: ["UXO"],
        landUse: "AGRICULTURE",
        priorityRank: 3,
        geometry: { type: "Polygon", coordinates: [ring] },
      },
    });
    expect(area.status()).toBe(201);
    const demo = (await (await dma.request.get(`${baseUrl}/api/tasks`)).json()) as {
      items: { code: string; partner: string | null }[];
    };
    const partnerName = demo.items.find((t) => t.code === "DEMO-TASK-001")!.partner;
    const orgs = (await (await dma.request.get(`${baseUrl}/api/organisations`)).json()) as {
      items: { id: string; name: string }[];
    };
    const partnerId = orgs.items.find((o) => o.name === partnerName)!.id;
    const issued = await dma.request.post(`${baseUrl}/api/tasks`, {
      headers: { origin: baseUrl },
      data: {
        title: "E2E offline orchard",
        hazardAreaIds: [((await area.json()) as { id: string }).id],
        partnerId,
        priority: 7,
      },
    });
    expect(issued.status()).toBe(201);
    const cancelledTask = ((await issued.json()) as { id: string }).id;

    // The partner signs in once while connected: the worker takes the page and the field pages are kept.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, baseUrl, "partner@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    const { taskId, bounds } = await demoTask(page, baseUrl);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    // Playwright's contexts are incognito, which Chromium names as the one reason not to offer installing;
    // no other (manifest, icons, start URL, service worker) may remain.
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
    const manifest = (await (await page.request.get(`${baseUrl}/manifest.webmanifest`)).json()) as {
      display: string;
      icons: { sizes: string; purpose: string }[];
    };
    expect(manifest.display).toBe("standalone");
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    const kept = (url: string) =>
      page.waitForFunction(async (u) => Boolean(await (await caches.open("mat-pages-v1")).match(u)), url, {
        timeout: 60_000,
      });
    await kept(`/tasks/${taskId}/reports/new`);
    await kept(`/tasks/${cancelledTask}/reports/new`);
    const reportsOf = async (id: string) =>
      ((await (await dma.request.get(`${baseUrl}/api/tasks/${id}`)).json()) as { reports: unknown[] }).reports.length;
    const before = await reportsOf(taskId);

    // Offline: the app opens, the task opens, and two reports are made and kept on the device.
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId("connection-state").textContent()).toContain("Offline");
    await page.goto(`${baseUrl}/tasks/${taskId}`);
    expect(await page.textContent("body")).toContain("DEMO-TASK-001");
    await page.goto(`${baseUrl}/tasks/${taskId}/reports/new`);
    await fillReport(page, typedBox(bounds, [0.05, 0.12], [0.05, 0.12]));
    await expect.poll(() => count(page, "queue-waiting")).toBe(1);
    await page.goto(`${baseUrl}/tasks/${cancelledTask}/reports/new`);
    await fillReport(page, typedBox({ w: W, e: E, s: S, n: N }, [0.2, 0.6], [0.2, 0.6]));
    await expect.poll(() => count(page, "queue-waiting")).toBe(2);

    // Meanwhile the authority cancels the second task.
    const cancelled = await dma.request.post(`${baseUrl}/api/tasks/${cancelledTask}/status`, {
      headers: { origin: baseUrl },
      data: { to: "cancelled", note: "Access refused by the landowner." },
    });
    expect(cancelled.status()).toBe(200);

    // Back online: the first report arrives once; the second is refused, said in words with what to do.
    await context.setOffline(false);
    await expect.poll(() => count(page, "queue-waiting"), { timeout: 30_000 }).toBe(0);
    expect(await count(page, "queue-refused")).toBe(1);
    expect(await reportsOf(taskId)).toBe(before + 1);
    await page.getByRole("button", { name: "Show the submissions" }).click();
    const refusal = await page.getByTestId("queue-refusal").textContent();
    expect(refusal).toContain("cancelled");
    expect(refusal).toContain("Ask DMA/IKMAA to reopen it");
    // Opened again, the form has the report back; nothing was sent twice.
    await page.getByRole("button", { name: "Open the report again" }).click();
    await page.waitForURL(`${baseUrl}/tasks/${cancelledTask}/reports/new`);
    await page.getByTestId("draft-restored").waitFor();
    await page.reload();
    expect(await reportsOf(taskId)).toBe(before + 1);
    expect(errors).toEqual([]);
    await authority.close();
    await context.close();
  });
});
