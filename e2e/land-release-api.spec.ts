// The land-release API over HTTP with session cookies, against the running app:
// a partner submits, the authority of the governorate approves, and the
// national figure moves by exactly the counted area.
import type { APIRequestContext } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

async function session(email: string): Promise<APIRequestContext> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, email);
  await page.waitForURL(`${baseUrl}/`);
  return page.request;
}

// Inside DEMO-NIN-001 (Mosul west farmland), east of what was released: about 60 m × 300 m.
const STRIP = {
  type: "Polygon",
  coordinates: [
    [
      [43.0522, 36.2985],
      [43.0529, 36.2985],
      [43.0529, 36.3012],
      [43.0522, 36.3012],
      [43.0522, 36.2985],
    ],
  ],
};
const REPORT = {
  method: "cleared",
  periodStart: "2026-11-01",
  periodEnd: "2026-11-20",
  clearanceDepthCm: 30,
  geometry: STRIP,
  devices: [{ type: "IMPROVISED_AP_MINE", count: 2 }],
};

describe("land-release reports over the API", () => {
  it("partner submits, authority approves, the national total moves by exactly the counted area", async () => {
    const partner = await session("partner@demo.test");
    const tasks = (await (await partner.get(`${baseUrl}/api/tasks`)).json()) as {
      items: { id: string; code: string }[];
    };
    const task = tasks.items.find((t) => t.code === "DEMO-TASK-001")!;
    expect(task).toBeDefined();

    const created = await partner.post(`${baseUrl}/api/tasks/${task.id}/reports`, { data: REPORT });
    expect(created.status()).toBe(201);
    const report = await created.json();
    expect(report).toMatchObject({ status: "submitted" });
    expect(report.countedAreaM2).toBeGreaterThan(10_000);

    const dma = await session("dma@demo.test");
    const before = await (await dma.get(`${baseUrl}/api/progress`)).json();
    const ikmaa = await session("ikmaa@demo.test");
    expect((await ikmaa.post(`${baseUrl}/api/reports/${report.id}/approve`)).status()).toBe(404);
    const approved = await dma.post(`${baseUrl}/api/reports/${report.id}/approve`);
    expect(approved.status()).toBe(200);
    const { countedAreaM2 } = await approved.json();
    const after = await (await dma.get(`${baseUrl}/api/progress`)).json();
    expect(after.releasedM2.cleared - before.releasedM2.cleared).toBeCloseTo(countedAreaM2, 6);
    expect(before.remainingM2 - after.remainingM2).toBeCloseTo(countedAreaM2, 4);
    expect((await dma.post(`${baseUrl}/api/reports/${report.id}/approve`)).status()).toBe(409);
  });

  it("answers a bad polygon with 422 and the located problem, and other roles with 401/403", async () => {
    const partner = await session("partner@demo.test");
    const { items } = (await (await partner.get(`${baseUrl}/api/tasks`)).json()) as {
      items: { id: string; code: string }[];
    };
    const id = items.find((t) => t.code === "DEMO-TASK-001")!.id;
    const bowtie = {
      ...REPORT,
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [43.0522, 36.2985],
            [43.0529, 36.3012],
            [43.0529, 36.2985],
            [43.0522, 36.3012],
            [43.0522, 36.2985],
          ],
        ],
      },
    };
    const bad = await partner.post(`${baseUrl}/api/tasks/${id}/reports`, { data: bowtie });
    expect(bad.status()).toBe(422);
    const body = await bad.json();
    expect(body.error.code).toBe("unprocessable");
    expect(body.error.details.problems[0].code).toBe("SELF_INTERSECTION");
    expect(body.error.details.repaired.type).toBe("MultiPolygon");

    const notJson = await partner.post(`${baseUrl}/api/tasks/${id}/reports`, {
      data: "not json",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status()).toBe(400);

    const donor = await session("donor@demo.test");
    expect((await donor.post(`${baseUrl}/api/tasks/${id}/reports`, { data: REPORT })).status()).toBe(403);
    const anonymous = await (await browser.newContext()).request.post(`${baseUrl}/api/tasks/${id}/reports`, {
      data: REPORT,
    });
    expect(anonymous.status()).toBe(401);
  });
});
