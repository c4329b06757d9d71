// A partner who opened the app once while connected works without a connection: the app is installable, its
// service worker keeps the partner's tasks and their report forms, a report made offline with a photo of a marker
// waits on the device and arrives once, with its photo, when the connection returns (the photo's EXIF position
// on the reviewer's map beside the polygon); one whose task the authority cancelled meanwhile is shown refused,
// in words, with what to do.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { demoTask, typedBox } from "./demo-task";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();
const [W, S, E, N] = [44.6, 35.3, 44.6077, 35.305];

/** A phone's photo of a marker: a JPEG whose EXIF says where (decimal degrees as the rationals a camera writes) and when. */
async function markerPhoto(lon: number, lat: number): Promise<string> {
  const dms = (deg: number) => {
    const d = Math.floor(deg);
    const m = Math.floor((deg - d) * 60);
    return `${d}/1 ${m}/1 ${Math.round(((deg - d) * 60 - m) * 60 * 1000)}/1000`;
  };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "offline-photo-")), "marker-offline.jpg");
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: "2026:11:19 10:15:00" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: dms(lat), GPSLongitudeRef: "E", GPSLongitude: dms(lon) },
    })
    .toBuffer();
  fs.writeFileSync(file, jpeg);
  return file;
}

async function fillReport(page: Page, box: string, photo?: string) {
  await page.getByLabel("Type the turning points").check();
  await page.getByLabel("Turning points, one per line").fill(box);
  await page.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
  await page.getByLabel(/^Method/).selectOption("cleared");
  await page.getByLabel("Period start").fill("2026-11-03");
  await page.getByLabel("Period end").fill("2026-11-19");
  await page.getByLabel("Clearance depth (cm)").fill("30");
  if (photo) await page.getByLabel(/^Photos and signed forms/).setInputFiles(photo);
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
    // The field pages are kept in the background; the header says when the partner may leave coverage.
    await page.getByTestId("offline-ready").and(page.locator("[data-state=kept]")).waitFor({ timeout: 90_000 });
    for (const form of [`/tasks/${taskId}/reports/new`, `/tasks/${cancelledTask}/reports/new`])
      expect(await page.evaluate(async (u) => Boolean(await (await caches.open("mat-pages-v1")).match(u)), form)).toBe(
        true,
      );
    const reportsOf = async (id: string) =>
      ((await (await dma.request.get(`${baseUrl}/api/tasks/${id}`)).json()) as { reports: unknown[] }).reports.length;
    const before = await reportsOf(taskId);
    // A task's reports come in the order they were submitted.
    const newestReport = async (id: string) =>
      (
        (await (await dma.request.get(`${baseUrl}/api/tasks/${id}`)).json()) as { reports: { id: string }[] }
      ).reports.at(-1)!.id;

    // Offline: the app opens, the task opens, and two reports are made and kept on the device.
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId("connection-state").textContent()).toContain("Offline");
    await page.goto(`${baseUrl}/tasks/${taskId}`);
    expect(await page.textContent("body")).toContain("DEMO-TASK-001");
    await page.goto(`${baseUrl}/tasks/${taskId}/reports/new`);
    // The photo was taken in the middle of the cleared strip.
    const photo = await markerPhoto(bounds.w + (bounds.e - bounds.w) * 0.085, bounds.s + (bounds.n - bounds.s) * 0.085);
    await fillReport(page, typedBox(bounds, [0.05, 0.12], [0.05, 0.12]), photo);
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
    // With its photo, once; the reviewer sees where it was taken, beside the polygon.
    const report = await newestReport(taskId);
    const files = (await (
      await dma.request.get(`${baseUrl}/api/attachments?subjectType=landReleaseReport&subjectId=${report}`)
    ).json()) as { attachments: { fileName: string; position: { lon: number; lat: number } | null }[] };
    expect(files.attachments.map((a) => a.fileName)).toEqual(["marker-offline.jpg"]);
    expect(files.attachments[0]!.position).not.toBeNull();
    await dma.goto(`${baseUrl}/reports/${report}`);
    const marker = dma.locator(".map .photo-marker");
    await marker.waitFor({ state: "visible", timeout: 20_000 });
    expect(await marker.getAttribute("aria-label")).toMatch(/^marker-offline\.jpg, taken Nov 19, 2026/);
    const [mapBox, markerBox] = [await dma.locator(".map").boundingBox(), await marker.boundingBox()];
    expect(markerBox!.x).toBeGreaterThan(mapBox!.x);
    expect(markerBox!.x + markerBox!.width).toBeLessThan(mapBox!.x + mapBox!.width);
    expect(markerBox!.y).toBeGreaterThan(mapBox!.y);
    expect(markerBox!.y + markerBox!.height).toBeLessThan(mapBox!.y + mapBox!.height);
    await page.getByRole("button", { name: "Show the submissions" }).click();
    const refusal = await page.getByTestId("queue-refusal").textContent();
    expect(refusal).toContain("called off");
    expect(refusal).toContain("Ask DMA/IKMAA to reopen it");
    // The form of a cancelled task takes no report: the land drawn offline is offered as a file, to send under
    // another task; nothing was sent twice.
    expect(await page.getByRole("button", { name: "Open the report again" }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("queue-polygon").click()]);
    const kept = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
      type: string;
      features: { geometry: { type: string; coordinates: number[][][] } }[];
    };
    expect(kept.type).toBe("FeatureCollection");
    const corners = kept.features[0]!.geometry.coordinates[0]!.map(([x, y]) => `${x!.toFixed(6)} ${y!.toFixed(6)}`);
    expect(corners.slice(0, 4)).toEqual(typedBox({ w: W, e: E, s: S, n: N }, [0.2, 0.6], [0.2, 0.6]).split("\n"));
    await page.reload();
    expect(await reportsOf(taskId)).toBe(before + 1);
    expect(errors).toEqual([]);
    await authority.close();
    await context.close();
  }, 300_000);
});
