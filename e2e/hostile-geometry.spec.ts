// The worst shapes within the limits, sent to both write routes of the
// running app, while /api/health is asked over and over: each shape gets a
// specific refusal, and health answers while the shape is being checked
// (the check runs in a worker thread, not on the event loop that serves
// everyone). Timings are recorded by npm run bench:hostile, not asserted here.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_VERTICES } from "@/lib/geo/validate";
import { hostileReport, IN_DESERT, IN_TASK_AREA, spiral, star } from "@/tests/helpers/hostile-shapes";
import { sessionCookie } from "@/tests/helpers/session-cookie";

const baseUrl = inject("baseUrl");
let partner: string;
let dma: string;
let taskId: string;

beforeAll(async () => {
  partner = await sessionCookie(baseUrl, "partner@demo.test");
  dma = await sessionCookie(baseUrl, "dma@demo.test");
  const tasks = (await (await fetch(`${baseUrl}/api/tasks`, { headers: { cookie: partner } })).json()) as {
    items: { id: string; code: string }[];
  };
  taskId = tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id;
});

type Answer = { status: number; code?: string; healthBeforeAnswer: number; healthFailures: number };

/** Posts the body while a second client asks /api/health every 100 ms; counts the health answers that came back before the post's. */
async function postWhileWatchingHealth(route: string, cookie: string, body: unknown): Promise<Answer> {
  let answered = false;
  let healthBeforeAnswer = 0;
  let healthFailures = 0;
  const watch = (async () => {
    while (!answered) {
      const ok = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ok) healthFailures++;
      else if (!answered) healthBeforeAnswer++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const res = await fetch(`${baseUrl}${route}`, {
    method: "POST",
    headers: { cookie, origin: baseUrl, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  answered = true;
  const json = (await res.json()) as { error?: { details?: { problems?: { code: string }[] } } };
  await watch;
  return { status: res.status, code: json.error?.details?.problems?.[0]?.code, healthBeforeAnswer, healthFailures };
}

// GEOS finds a star's first crossing in about 5 s; on a machine loaded past the 15 s budget the refusal is "too complex".
const REFUSED = ["SELF_INTERSECTION", "GEOMETRY_TOO_COMPLEX"];

describe("hostile shapes at the vertex limit", () => {
  it("a self-crossing star of 100,000 vertices sent as a land-release report is refused; health answers meanwhile", async () => {
    const a = await postWhileWatchingHealth(
      `/api/tasks/${taskId}/reports`,
      partner,
      hostileReport(star(MAX_VERTICES, IN_TASK_AREA, 0.001)),
    );
    expect(a).toMatchObject({ status: 422, healthFailures: 0 });
    expect(REFUSED).toContain(a.code);
    expect(a.healthBeforeAnswer).toBeGreaterThan(0);
  });

  it("the same star registered as a hazardous area is refused the same way; health answers meanwhile", async () => {
    const body = {
      code: "E2E-STAR-001",
      name: "A star-shaped hostile input",
      kind: "SHA",
      contamination: ["AP_MINES"],
      landUse: "OTHER",
      priorityRank: 3,
      geometry: star(MAX_VERTICES, IN_DESERT),
    };
    const a = await postWhileWatchingHealth("/api/hazard-areas", dma, body);
    expect(a).toMatchObject({ status: 422, healthFailures: 0 });
    expect(REFUSED).toContain(a.code);
    expect(a.healthBeforeAnswer).toBeGreaterThan(0);
  });

  it("a spiral walked out and straight back, 100,000 vertices, is refused as crossing itself", async () => {
    const a = await postWhileWatchingHealth(
      `/api/tasks/${taskId}/reports`,
      partner,
      hostileReport(spiral(MAX_VERTICES, IN_TASK_AREA, 0.001)),
    );
    expect(a).toMatchObject({ status: 422, healthFailures: 0 });
    expect(REFUSED).toContain(a.code);
  });
});
