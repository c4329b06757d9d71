// Quality management end to end, as IKMAA works: it accredits its own team for
// clearance and tasks it; the team reports; a QA officer records a monitoring
// visit with a non-conformity and closes it; a failed post-clearance
// inspection reopens the land it sampled (the dashboard moves back by exactly
// that land); after the team re-clears it, a passed inspection lets the land be
// handed over, and the certificate (PDF, read as an image) shows only this
// task's land, not another operator's in the same hazardous area.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { MAP_COLOURS } from "@/lib/colours";
import { signedInPage } from "./browser";
import { colourBoxes, readPdf } from "./certificate-image";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();
const SERVER_ROUND_TRIP = { timeout: 15_000 };

const signedIn = (email: string) => signedInPage(browser, baseUrl, email);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const TODAY = day(0);

// A 300 m × 200 m field north of Erbil, moved east on each run so runs on one database never overlap.
const W = 44.05 + (Date.now() % 89) * 0.004;
const S = 36.3;
const [WIDTH, HEIGHT] = [0.0034, 0.0018];
/** The rectangle between fractions of the field's width and height, as GeoJSON. */
const part = (x0: number, x1: number, y0 = 0, y1 = 1) => {
  const [w, e, s, n] = [W + WIDTH * x0, W + WIDTH * x1, S + HEIGHT * y0, S + HEIGHT * y1];
  const ring = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return { type: "Polygon", coordinates: [ring] };
};
const OTHER_OPERATORS_LAND = part(0, 0.3);
const TEAMS_LAND = part(0.3, 0.7);
const SAMPLE = part(0.4, 0.5, 0.2, 0.8);
const geojsonFile = (name: string, geometry: object) => ({
  name,
  mimeType: "application/geo+json",
  buffer: Buffer.from(JSON.stringify(geometry)),
});

async function post(page: Page, url: string, data: object) {
  const res = await page.request.post(`${baseUrl}${url}`, { headers: { origin: baseUrl }, data });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

const nationalReleasedM2 = async (page: Page) =>
  ((await (await page.request.get(`${baseUrl}/api/progress`)).json()) as { releasedM2: { total: number } }).releasedM2
    .total;

type TaskAnswer = { status: string; reports: { kind: string; status: string; countedAreaM2: number }[] };
const taskAnswer = async (page: Page, id: string) =>
  (await (await page.request.get(`${baseUrl}/api/tasks/${id}`)).json()) as TaskAnswer;

describe("quality management", () => {
  it("accredits IKMAA's own team, tasks it, monitors it, fails then passes an inspection, and certifies only its land", async () => {
    const ikmaa = await signedIn("ikmaa@demo.test");
    const code = `CHA-ERB-QA-${Date.now().toString(36).toUpperCase()}`;
    const area = await post(ikmaa, "/api/hazard-areas", {
      code,
      name: "E2E: wheat field north of Erbil",
      kind: "CHA",
      contamination: ["AP_MINES"],
      landUse: "AGRICULTURE",
      priorityRank: 2,
      geometry: part(0, 1),
    });

    // Another operator has already cleared the western strip of the same area, under its own task.
    const orgs = (await (await ikmaa.request.get(`${baseUrl}/api/organisations`)).json()) as {
      items: { id: string; name: string }[];
    };
    const zagros = orgs.items.find((o) => o.name === "Zagros Clearance (demo partner)")!.id;
    const otherTask = await post(ikmaa, "/api/tasks", {
      title: "E2E: western strip",
      hazardAreaIds: [area.id],
      partnerId: zagros,
      priority: 2,
    });
    const partner = await signedIn("partner@demo.test");
    const otherRelease = await post(partner, `/api/tasks/${otherTask.id}/reports`, {
      method: "cleared",
      clearanceDepthCm: 20,
      periodStart: day(-40),
      periodEnd: day(-35),
      geometry: OTHER_OPERATORS_LAND,
    });
    await post(ikmaa, `/api/reports/${otherRelease.id}/approve`, {});

    // IKMAA's own team is not offered for clearance until IKMAA accredits it.
    await ikmaa.goto(`${baseUrl}/accreditations`);
    const ownRows = ikmaa.locator("tbody tr", { hasText: "Iraqi Kurdistan Mine Action Agency" });
    for (const row of await ownRows.all()) {
      if (!(await row.locator("summary").count())) continue; // withdrawn already
      await row.locator("summary").click();
      await row.getByLabel("Withdrawn from").fill(TODAY);
      await row.getByLabel("Reason for the withdrawal or suspension").fill("Re-accreditation after the 2026 audit.");
      await row.getByRole("button", { name: "Withdraw the accreditation" }).click();
      await expect.poll(() => row.locator("summary").count(), SERVER_ROUND_TRIP).toBe(0);
    }
    await ikmaa.goto(`${baseUrl}/tasks/new?hazardAreaId=${area.id}`);
    await ikmaa.getByLabel("clearance", { exact: true }).check();
    const operator = ikmaa.getByLabel("Implementing partner");
    await expect
      .poll(() => operator.locator("option").allTextContents())
      .not.toContain("Iraqi Kurdistan Mine Action Agency");

    await ikmaa.goto(`${baseUrl}/accreditations`);
    const reference = `IKMAA-ACC-E2E-${Date.now().toString(36).toUpperCase()}`;
    await ikmaa.getByLabel(/^Operator/).selectOption({ label: "Iraqi Kurdistan Mine Action Agency" });
    await ikmaa.getByLabel("Certificate number").fill(reference);
    await ikmaa.getByLabel("Valid from").fill(day(-1));
    await ikmaa.getByLabel("Valid to").fill(day(365));
    await ikmaa.getByLabel("clearance", { exact: true }).check();
    await ikmaa.getByRole("button", { name: "Record the accreditation" }).click();
    await expect
      .poll(() => ikmaa.getByTestId("notice").textContent())
      .toContain(`Accreditation ${reference} recorded.`);
    await expect.poll(() => ikmaa.locator("tbody tr", { hasText: reference }).textContent()).toContain("Valid");

    // The task order to its own team.
    await ikmaa.goto(`${baseUrl}/tasks/new?hazardAreaId=${area.id}`);
    await expect.poll(() => ikmaa.getByLabel(new RegExp(code)).isChecked()).toBe(true);
    await ikmaa.getByLabel("Title", { exact: true }).fill("E2E: clear the middle of the wheat field");
    await ikmaa.getByLabel("clearance", { exact: true }).check();
    await ikmaa.getByLabel("Implementing partner").selectOption({ label: "Iraqi Kurdistan Mine Action Agency" });
    await ikmaa.getByRole("button", { name: "Issue the task order" }).click();
    await ikmaa.waitForURL(/\/tasks\/c[a-z0-9]+$/);
    const taskUrl = ikmaa.url();
    const taskId = taskUrl.split("/").pop()!;

    // The team reports the middle of the field from its GPS file; IKMAA approves, shown as its own team's.
    const team = await signedIn("ikmaa-team@demo.test");
    await team.goto(taskUrl);
    await team.getByRole("button", { name: "Start the work" }).click();
    await expect.poll(() => team.getByTestId("task-status").textContent(), SERVER_ROUND_TRIP).toBe("In progress");
    await team.goto(`${taskUrl}/reports/new`);
    await team.locator(".map[data-ready=true]").waitFor({ timeout: 30_000 });
    await team.getByLabel("Upload a GPS file").check();
    await team.getByLabel("File", { exact: true }).setInputFiles(geojsonFile("lanes.geojson", TEAMS_LAND));
    await team.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
    await team.getByLabel(/^Method/).selectOption("cleared");
    await team.getByLabel("Period start").fill(day(-20));
    await team.getByLabel("Period end").fill(day(-5));
    await team.getByLabel("Clearance depth (cm)").fill("30");
    await team.getByRole("button", { name: "Submit the report" }).click();
    await team.waitForURL(/\/reports\/c[a-z0-9]+$/);
    const reportUrl = team.url();
    await ikmaa.goto(reportUrl);
    await ikmaa.getByRole("button", { name: "Approve", exact: true }).click();
    await ikmaa
      .getByRole("dialog", { name: "Approve this report?" })
      .getByRole("button", { name: "Yes, approve" })
      .click();
    await expect.poll(() => ikmaa.getByTestId("report-status").textContent(), SERVER_ROUND_TRIP).toBe("Approved");
    expect(await ikmaa.getByText("Approved by the operator's own authority").first().isVisible()).toBe(true);

    // A QA officer's monitoring visit finds a non-conformity, and closes it once corrected.
    await ikmaa.goto(taskUrl);
    const visitForm = ikmaa.locator("form", { has: ikmaa.getByRole("heading", { name: "Record a monitoring visit" }) });
    await visitForm.getByLabel("Team", { exact: true }).fill("IKMAA manual clearance team 2");
    await visitForm.getByLabel("Date of visit").fill(TODAY);
    await visitForm.getByLabel("Inspector", { exact: true }).fill("QA officer Shilan Aziz");
    await visitForm.getByLabel("Findings", { exact: true }).fill("Lanes marked; one deminer's visor was cracked.");
    await visitForm.getByRole("button", { name: "Add a non-conformity" }).click();
    const row = visitForm.getByTestId("non-conformity-row");
    await row.getByLabel("Non-conformity", { exact: true }).fill("Personal protective equipment not serviceable.");
    await row.getByLabel("Severity").selectOption("MAJOR");
    await row.getByLabel("Corrective action").fill("Replace the visor before work resumes.");
    await row.getByLabel("Deadline").fill(day(7));
    await visitForm.getByRole("button", { name: "Record the visit" }).click();
    await expect.poll(() => ikmaa.getByTestId("notice").textContent()).toContain("Monitoring visit recorded.");
    const visit = ikmaa.getByTestId("monitoring-visit").first();
    await expect.poll(() => visit.textContent(), SERVER_ROUND_TRIP).toContain("Open");
    await visit.getByLabel("Closed on").fill(TODAY);
    await visit.getByLabel("Closure note").fill("New visor seen on site.");
    await visit.getByRole("button", { name: "Close non-conformity" }).click();
    await expect.poll(() => visit.textContent(), SERVER_ROUND_TRIP).toContain("New visor seen on site.");

    // The team completes the task: the eastern part, never released, is recorded as the remainder.
    const complete = async () => {
      await team.goto(`${taskUrl}/completion`);
      await team.getByLabel("Work completed on").fill(TODAY);
      await team.getByLabel("Clearance depth (cm)").fill("30");
      await team.getByLabel("Benchmark latitude (WGS 84)").fill(String(S));
      await team.getByLabel("Benchmark longitude (WGS 84)").fill(String(W + WIDTH * 0.3));
      await team.getByLabel(/^Benchmark description/).fill("Concrete post at the south-west turning point.");
      await team.getByLabel(/^Marking of the boundary/).fill("Painted stones at each turning point.");
      await team.getByLabel("Residual-risk statement").fill("Items below 30 cm cannot be ruled out.");
      await team.getByLabel("Residual risk held by").fill("The village council (land user)");
      await team.getByLabel(/^Unreleased remainder/).fill("The eastern part remains a hazardous area, to be tasked.");
      await team.getByRole("button", { name: "File the completion report" }).click();
      await expect.poll(() => taskAnswer(team, taskId).then((t) => t.status), SERVER_ROUND_TRIP).toBe("completed");
    };
    await complete();

    // A failed inspection reopens the sampled land: the national figure moves back by exactly that land.
    const before = await nationalReleasedM2(ikmaa);
    await ikmaa.goto(taskUrl);
    const inspection = ikmaa.getByTestId("inspection-form");
    const inspect = async (result: "PASSED" | "FAILED", items: number) => {
      await inspection.getByLabel("Upload a GPS file").check();
      await inspection.getByLabel("File", { exact: true }).setInputFiles(geojsonFile("sample.geojson", SAMPLE));
      await inspection.getByTestId("sampled-area-m2").waitFor({ timeout: 30_000 });
      await inspection.getByLabel("Date of inspection").fill(TODAY);
      await inspection.getByLabel("Inspector", { exact: true }).fill("QC inspector Dilan Omar");
      await inspection.getByLabel("Items found").fill(String(items));
      await inspection.getByLabel("Result").selectOption(result);
      await inspection.getByRole("button", { name: "Record the inspection" }).click();
    };
    await inspect("FAILED", 1);
    await expect.poll(() => ikmaa.getByTestId("notice").textContent(), SERVER_ROUND_TRIP).toContain("Failed");
    const reopened = (await taskAnswer(ikmaa, taskId)).reports.filter((r) => r.kind === "REOPENING");
    expect(reopened).toHaveLength(1);
    const reopenedM2 = -reopened[0]!.countedAreaM2;
    expect(reopenedM2).toBeGreaterThan(1000); // about 30 m × 120 m
    expect(before - (await nationalReleasedM2(ikmaa))).toBeCloseTo(reopenedM2, 4);
    await ikmaa.goto(`${baseUrl}/`);
    expect(Number(await ikmaa.getByTestId("released-total").getAttribute("data-m2"))).toBeCloseTo(
      before - reopenedM2,
      4,
    );
    expect((await taskAnswer(ikmaa, taskId)).status).toBe("in_progress");

    // The team re-clears the reopened land and completes again; a passed inspection follows.
    const reclear = await post(team, `/api/tasks/${taskId}/reports`, {
      method: "cleared",
      clearanceDepthCm: 30,
      periodStart: TODAY,
      periodEnd: TODAY,
      geometry: SAMPLE,
    });
    await post(ikmaa, `/api/reports/${reclear.id}/approve`, {});
    expect(Math.abs((await nationalReleasedM2(ikmaa)) - before)).toBeLessThan(0.01);
    await complete();
    await ikmaa.goto(taskUrl);
    await inspect("PASSED", 0);
    await expect.poll(() => ikmaa.getByTestId("notice").textContent(), SERVER_ROUND_TRIP).toContain("Passed");

    // The handover, and its certificate.
    await ikmaa.goto(`${taskUrl}/completion`);
    await ikmaa.getByLabel("Handover date").fill(TODAY);
    await ikmaa.getByLabel("Received by").fill("Mukhtar of the village, for the land users");
    await ikmaa.getByLabel("Women").fill("2");
    await ikmaa.getByLabel("Men", { exact: true }).fill("5");
    await ikmaa.getByRole("button", { name: "Record the handover" }).click();
    await expect.poll(() => taskAnswer(ikmaa, taskId).then((t) => t.status), SERVER_ROUND_TRIP).toBe("handed_over");

    const pdf = await ikmaa.request.get(`${baseUrl}/api/exports/completion.pdf?task=${taskId}`);
    expect(pdf.status()).toBe(200);
    const { text, pages } = readPdf(await pdf.body(), path.resolve("test-results", "certificate"), taskId);
    expect(text).toContain("Passed");
    expect(text).toContain("The village council (land user)");
    // Every turning point is on this task's land (the middle 30–70 % of the field), none on the other operator's.
    const longitudes = [...text.matchAll(/\b44\.\d{5,}\b/g)].map((m) => Number(m[0]));
    expect(longitudes.length).toBeGreaterThanOrEqual(4);
    for (const lon of longitudes) {
      expect(lon).toBeGreaterThanOrEqual(W + WIDTH * 0.3 - 1e-5);
      expect(lon).toBeLessThanOrEqual(W + WIDTH * 0.7 + 1e-5);
    }
    // On the map, the green of released land spans 40 % of the field's orange outline: only this task's land.
    let measured: number | null = null;
    for (const png of pages) {
      const { land } = await colourBoxes(png, { land: MAP_COLOURS.hazard.released });
      if (!land || land.count < 500) continue;
      const { outline } = await colourBoxes(png, { outline: MAP_COLOURS.hazard.open }, [land.top, land.bottom]);
      if (!outline) continue;
      measured = (land.right - land.left) / (outline.right - outline.left);
    }
    expect(measured).not.toBeNull();
    expect(measured!).toBeGreaterThan(0.35);
    expect(measured!).toBeLessThan(0.45);

    expect([...ikmaa.errors, ...team.errors, ...partner.errors]).toEqual([]);
  }, 300_000);
});
