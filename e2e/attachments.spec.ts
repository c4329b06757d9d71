// Attachments in Chromium: the partner attaches a photo of a marker to its
// report on the report's page, sees its thumbnail, the time it was taken and a
// camera marker where it was taken on the report's map; a page of HTML named
// .jpg is refused in the browser, before it is sent, saying what it is.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { signedInPage } from "./browser";
import { demoTask } from "./demo-task";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();
const fixture = (name: string) => path.resolve(import.meta.dirname, "../tests/fixtures/attachments", name);

const signedIn = (email: string) => signedInPage(browser, baseUrl, email);

describe("attachments in the browser", () => {
  it("a photo attached on the report page shows its thumbnail, its time and its place on the map; HTML named .jpg is refused", async () => {
    const partner = await signedIn("partner@demo.test");
    const { taskId } = await demoTask(partner, baseUrl);
    const task = (await (await partner.request.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as {
      reports: { id: string }[];
    };
    const reportId = task.reports[0]!.id;
    await partner.goto(`${baseUrl}/reports/${reportId}`);
    await partner.locator(".map[data-ready=true]").waitFor({ timeout: 30_000 });

    const picker = partner.getByLabel(en.attachments.add);
    await picker.setInputFiles(fixture("not-a-photo.jpg"));
    await expect
      .poll(() => partner.getByTestId("attachments").getByRole("alert").textContent(), { timeout: 15_000 })
      .toContain("not-a-photo.jpg is not a photo or PDF: its content is text");

    await picker.setInputFiles(fixture("marker-photo-gps.jpg"));
    const item = partner.getByTestId("attachment").filter({ hasText: "marker-photo-gps.jpg" });
    await item.waitFor({ timeout: 30_000 });
    // The thumbnail loaded (a real image, made by the server), and the time the photo was taken, in Iraq's time.
    const thumb = item.getByRole("img", { name: "Photo marker-photo-gps.jpg" });
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await item.textContent()).toMatch(/Taken Nov 20, 2026, 9:41/);

    // On the map: a camera marker where it was taken, named by file and time, and its key.
    await partner.locator(".map[data-ready=true]").waitFor({ timeout: 30_000 });
    const marker = partner.locator(".map .photo-marker");
    await marker.waitFor({ state: "attached", timeout: 15_000 });
    expect(await marker.getAttribute("aria-label")).toMatch(/^marker-photo-gps\.jpg, taken Nov 20, 2026/);
    expect(await partner.locator(".legend").textContent()).toContain(en.map.photoTaken);

    // Sent again (as a queued upload would be), it is the same attachment: still one in the list.
    const again = await partner.request.post(`${baseUrl}/api/attachments`, {
      headers: { origin: baseUrl },
      multipart: {
        subjectType: "landReleaseReport",
        subjectId: reportId,
        file: { name: "again.jpg", mimeType: "image/jpeg", buffer: readFileSync(fixture("marker-photo-gps.jpg")) },
      },
    });
    expect(again.status()).toBe(200);
    await partner.reload();
    expect(await partner.getByTestId("attachment").filter({ hasText: "marker-photo-gps.jpg" }).count()).toBe(1);
  });
});
