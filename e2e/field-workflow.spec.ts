// The field workflow in Chromium, as its users do it: the authority draws a
// hazardous area and assigns a task; the partner uploads a KML and draws a
// second polygon, sees what each will count, submits both; the authority
// approves one and rejects the other; the national released total moves by
// exactly the approved report's counted area.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { signedInPage } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

const signedIn = (email: string) => signedInPage(browser, baseUrl, email);

async function mapReady(page: Page) {
  await page.locator(".map[data-ready=true]").waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300); // the first frame after fitting the bounds
}

/** Clicks turning points at pixel offsets from the map's centre and closes the polygon with Enter, as a user does. */
async function drawPolygon(page: Page, offsets: [number, number][]) {
  const box = (await page.locator(".map canvas").first().boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  for (const [dx, dy] of offsets) await page.mouse.click(cx + dx, cy + dy);
  await page.keyboard.press("Enter");
}

async function nationalReleasedM2(page: Page): Promise<number> {
  const progress = (await (await page.request.get(`${baseUrl}/api/progress`)).json()) as {
    releasedM2: { total: number };
  };
  return progress.releasedM2.total;
}

const m2Of = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute("data-m2"));

function kmlBox([w, s, e, n]: number[]): string {
  const ring = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ]
    .map(([x, y]) => `${x},${y}`)
    .join(" ");
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Lane 1-4</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
}

// A server action's answer, which under the whole suite's load on 2 cores has taken over the poll's default 1 s.
const SERVER_ROUND_TRIP = { timeout: 15_000 };

describe("field workflow in the browser", () => {
  it("hazardous area drawn and tasked, two reports uploaded and drawn, one approved and one rejected, the total moves by the counted area", async () => {
    const dma = await signedIn("dma@demo.test");
    const code = `CHA-E2E-${Date.now().toString(36).toUpperCase()}`;

    // The authority draws the hazardous area, zoomed in on federal Iraq.
    await dma.goto(`${baseUrl}/hazard-areas/new`);
    await mapReady(dma);
    for (let i = 0; i < 9; i++) await dma.getByRole("button", { name: "Zoom in" }).click();
    await dma.waitForTimeout(800);
    await drawPolygon(dma, [
      [-150, -100],
      [150, -100],
      [150, 100],
      [-150, 100],
    ]);
    await expect.poll(() => dma.getByTestId("hazard-area-m2").textContent(), { timeout: 30_000 }).toMatch(/m²/);
    await dma.getByLabel("Code", { exact: true }).fill(code);
    await dma.getByLabel("Name", { exact: true }).fill("E2E: orchard north of the village");
    await dma.getByLabel("Land use behind the priority").selectOption("AGRICULTURE");
    await dma.getByLabel("Improvised anti-personnel mines").check();
    await dma.getByRole("button", { name: "Register" }).click();

    // It goes straight on to a task order with the new area ticked.
    await dma.waitForURL(/\/tasks\/new\?hazardAreaId=/);
    // Saying it was saved, what and where: not a silent jump to the next form.
    await expect
      .poll(() => dma.getByTestId("notice").textContent())
      .toMatch(new RegExp(`^Registered ${code}, [\\d,]+\\sm², [^.,]+\\.`));
    await expect.poll(() => dma.getByLabel(new RegExp(code)).isChecked()).toBe(true);
    // A national list is searched, not scrolled: find another area, tick it, then think better of it.
    await dma.getByLabel("Find hazardous areas").fill("nin-001");
    await dma.getByLabel(/DEMO-NIN-001 ·/).click();
    await expect.poll(() => dma.getByLabel(/DEMO-NIN-001 ·/).isChecked()).toBe(true);
    await dma.getByLabel(/DEMO-NIN-001 ·/).click();
    await expect.poll(() => dma.getByLabel(/DEMO-NIN-001 ·/).isChecked()).toBe(false);
    await dma.getByLabel("Title", { exact: true }).fill("E2E: clear the orchard");
    await dma.getByLabel("Implementing partner").selectOption({ label: "Zagros Clearance (demo partner)" });
    await dma.getByRole("button", { name: "Issue the task order" }).click();
    await dma.waitForURL(/\/tasks\/c[a-z0-9]+$/);
    const taskUrl = dma.url();
    await expect
      .poll(() => dma.getByTestId("notice").textContent())
      .toMatch(/^Task order \S+ issued to Zagros Clearance \(demo partner\)\./);
    await expect.poll(() => dma.getByTestId("task-status").textContent(), SERVER_ROUND_TRIP).toBe("Assigned");

    // The partner finds it among its tasks and starts.
    const partner = await signedIn("partner@demo.test");
    await partner.goto(taskUrl);
    await partner.getByRole("button", { name: "Start the work" }).click();
    await expect.poll(() => partner.getByTestId("task-status").textContent(), SERVER_ROUND_TRIP).toBe("In progress");
    const taskId = taskUrl.split("/").pop()!;
    const task = (await (await partner.request.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as {
      hazardAreas: { geometry: { coordinates: number[][][] } }[];
    };
    const ring = task.hazardAreas[0]!.geometry.coordinates[0]!;
    const [w, e] = [Math.min(...ring.map((p) => p[0]!)), Math.max(...ring.map((p) => p[0]!))];
    const [s, n] = [Math.min(...ring.map((p) => p[1]!)), Math.max(...ring.map((p) => p[1]!))];

    // Report 1: a KML of the western third, a little past the hazardous area's edge.
    await partner.getByRole("link", { name: "Log a land-release report" }).click();
    await partner.waitForURL(/\/reports\/new$/);
    await mapReady(partner);
    await partner.getByLabel("Upload a GPS file").check();
    await partner.getByLabel("File", { exact: true }).setInputFiles({
      name: "lanes.kml",
      mimeType: "application/vnd.google-earth.kml+xml",
      buffer: Buffer.from(kmlBox([w - (e - w) * 0.05, s, w + (e - w) / 3, n])),
    });
    await partner.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
    const kmlPreview = await m2Of(partner, "preview-counted");
    expect(await partner.getByTestId("preview-outside").textContent()).not.toBe("0\u00a0m²");
    await partner.getByLabel(/^Method/).selectOption("cleared");
    await partner.getByLabel("Period start").fill("2026-11-02");
    await partner.getByLabel("Period end").fill("2026-11-20");
    await partner.getByLabel("Clearance depth (cm)").fill("30");
    await partner.getByRole("button", { name: "Add a device type" }).click();
    await partner.getByLabel(/^Type/).selectOption("IMPROVISED_AP_MINE");
    await partner.getByLabel("Count", { exact: true }).fill("3");
    await partner.getByRole("button", { name: "Submit the report" }).click();
    await partner.waitForURL(/\/reports\/c[a-z0-9]+$/);
    const kmlReportUrl = partner.url();
    await expect
      .poll(() => partner.getByTestId("notice").textContent())
      .toContain(
        `Report submitted for review. As it stands, approval would count ${await partner.getByTestId("report-counted").textContent()}.`,
      );
    expect(await partner.getByTestId("report-status").textContent()).toBe("Awaiting review");
    // The server read the file itself and agrees with the browser.
    expect(Math.abs((await m2Of(partner, "report-counted")) - kmlPreview)).toBeLessThan(1e-6 * kmlPreview);

    // Report 2: drawn in the middle of the hazardous area.
    await partner.goto(`${taskUrl}/reports/new`);
    await mapReady(partner);
    await drawPolygon(partner, [
      [-60, -50],
      [60, -50],
      [60, 50],
      [-60, 50],
    ]);
    await partner.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
    expect(await m2Of(partner, "preview-counted")).toBeGreaterThan(0);
    await partner.getByLabel(/^Method/).selectOption("reduced");
    await partner.getByLabel("Period start").fill("2026-11-10");
    await partner.getByLabel("Period end").fill("2026-11-21");
    await partner.getByRole("button", { name: "Submit the report" }).click();
    await partner.waitForURL(/\/reports\/c[a-z0-9]+$/);
    const drawnReportUrl = partner.url();
    expect(drawnReportUrl).not.toBe(kmlReportUrl);

    // The authority approves the KML report and rejects the drawn one.
    const before = await nationalReleasedM2(dma);
    await dma.goto(`${baseUrl}/reports`);
    expect(await dma.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    // The queue says what approving each would count, longest waiting first.
    expect(await dma.getByTestId("would-count").count()).toBeGreaterThanOrEqual(2);
    expect(await dma.getByRole("columnheader", { name: "Waiting" }).getAttribute("aria-sort")).toBe("descending");
    await dma.goto(kmlReportUrl);
    await mapReady(dma);
    const countedIfApproved = await m2Of(dma, "report-counted-now");
    await dma.getByRole("button", { name: "Approve", exact: true }).click();
    // The confirmation says what approval counts, the figure the page showed, and starts on Cancel.
    const confirm = dma.getByRole("dialog", { name: "Approve this report?" });
    await expect.poll(() => dma.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    expect(await m2Of(dma, "confirm-counted")).toBeCloseTo(countedIfApproved, 6);
    // Escape cancels: nothing decided.
    await dma.keyboard.press("Escape");
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect(await dma.getByTestId("report-status").textContent()).toBe("Awaiting review");
    await dma.getByRole("button", { name: "Approve", exact: true }).click();
    await confirm.getByRole("button", { name: "Yes, approve" }).click();
    await expect.poll(() => dma.getByTestId("report-status").textContent(), SERVER_ROUND_TRIP).toBe("Approved");
    const counted = await m2Of(dma, "report-counted");
    expect(counted).toBeCloseTo(countedIfApproved, 6);
    // The notice says what was counted where, and how a wrong approval is put right.
    const notice = await dma.getByTestId("decision-notice").textContent();
    expect(notice).toContain(`Approved: ${(await dma.getByTestId("report-counted").textContent())?.trim()} counted to`);
    expect(notice).toContain("correction");

    await dma.goto(drawnReportUrl);
    // No reason, no rejection: the form asks for one before any confirmation.
    await dma.getByRole("button", { name: "Reject", exact: true }).click();
    await expect.poll(() => dma.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await dma
      .getByLabel("Reason for rejecting (the partner sees it)")
      .fill("The polygon does not follow the marked lanes; resubmit from the GPS track.");
    await dma.getByRole("button", { name: "Reject", exact: true }).click();
    await dma.getByRole("dialog", { name: "Reject this report?" }).getByRole("button", { name: "Yes, reject" }).click();
    await expect.poll(() => dma.getByTestId("report-status").textContent(), SERVER_ROUND_TRIP).toBe("Rejected");
    expect(await dma.getByTestId("decision-notice").textContent()).toContain("Rejected:");

    // The dashboard moved by exactly what the approved report counted.
    const after = await nationalReleasedM2(dma);
    expect(after - before).toBeCloseTo(counted, 4);
    await dma.goto(`${baseUrl}/`);
    expect(Number(await dma.getByTestId("released-total").getAttribute("data-m2"))).toBeCloseTo(after, 4);

    // The partner sees the decision and the reason, and the task's progress by method.
    await partner.goto(drawnReportUrl);
    await expect.poll(() => partner.getByText("The polygon does not follow the marked lanes").isVisible()).toBe(true);
    await partner.goto(taskUrl);
    await mapReady(partner);
    expect(await partner.getByRole("cell", { name: /m²/ }).first().isVisible()).toBe(true);

    expect([...dma.errors, ...partner.errors]).toEqual([]);
  }, 180_000); // a whole field story, some twenty steps: the suite's 60 s is for one page's worth
});

describe("a boundary that crosses itself", () => {
  it("is refused with where it crosses, and the repaired shape is offered, drawn and accounted once confirmed", async () => {
    const partner = await signedIn("partner@demo.test");
    const tasks = (await (await partner.request.get(`${baseUrl}/api/tasks`)).json()) as {
      items: { id: string; code: string }[];
    };
    const task = tasks.items.find((t) => t.code === "DEMO-TASK-001")!;
    await partner.goto(`${baseUrl}/tasks/${task.id}/reports/new`);
    await mapReady(partner);
    // A bow-tie in the unreleased east of DEMO-NIN-001 (Mosul west farmland): the turning points were walked out of order.
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [43.0525, 36.299],
          [43.053, 36.3005],
          [43.053, 36.299],
          [43.0525, 36.3005],
          [43.0525, 36.299],
        ],
      ],
    };
    await partner.getByLabel("Upload a GPS file").check();
    await partner.getByLabel("File", { exact: true }).setInputFiles({
      name: "walked.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify(bowTie)),
    });
    await expect
      .poll(() => partner.getByRole("alert").first().textContent(), { timeout: 30_000 })
      .toMatch(/crosses itself/);
    expect(await partner.getByRole("button", { name: "Submit the report" }).isDisabled()).toBe(true);
    // The repair is drawn apart from the shape as read (it looked the same): its own fill and its own key.
    const legend = partner.locator("figcaption.legend");
    await expect.poll(() => legend.textContent()).toContain("Repaired shape: what would be recorded");
    expect(await legend.textContent()).toContain(en.map.submitted);
    await partner.getByRole("button", { name: "Use the repaired shape shown on the map" }).click();
    await partner.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
    expect(await m2Of(partner, "preview-counted")).toBeGreaterThan(0);
    expect(await partner.getByRole("button", { name: "Submit the report" }).isDisabled()).toBe(false);
    expect(partner.errors).toEqual([]);
  });
});
