// Who may call what, checked against the running server for every API route
// and every page, for each role and for a signed-out caller. The routes are
// read from app/, so a new route without an entry here fails the test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { APIRequestContext, Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { can, PAGE_PERMISSIONS, type PagePath } from "@/lib/server/permissions";
import { ACCOUNTS, API, type Caller, RECORD_HIDDEN_FROM, ROLE } from "./authorization-matrix";
import { launchBrowser, signIn } from "./browser";

const baseUrl = inject("baseUrl");
function routesUnder(dir: string, file: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...routesUnder(p, file));
    else if (name === file) out.push(path.dirname(p));
  }
  return out;
}
const appDir = path.resolve(import.meta.dirname, "../app");
const apiRoutes = routesUnder(path.join(appDir, "api"), "route.ts")
  .map((d) => `/${path.relative(appDir, d)}`.replace(/\[(\w+)\]/g, "{$1}"))
  .filter((r) => !r.startsWith("/api/auth"));
const pages = routesUnder(appDir, "page.tsx")
  .map((d) => `/${path.relative(appDir, d)}`.replace(/\/\([^)]+\)/g, "").replace(/^\/$/, "") || "/")
  // Open to everyone: signing in, the public progress page (e2e/public-page.spec.ts), and the page the service
  // worker shows for a page not kept on the device, which holds no data (e2e/offline.spec.ts).
  .filter((p) => p !== "/sign-in" && p !== "/public" && p !== "/offline");

/**
 * Server actions, read from the build's manifest (`npm start` built the app
 * this suite runs against), so a new action without an entry here fails. Each
 * entry calls the action as the caller and says what that caller achieved.
 */
type Invoke = (action: string, caller: Caller, args: unknown[]) => Promise<string>;
const TOKENS = "app/(app)/account/tokens/actions.ts";
const LANGUAGE = "app/language-actions.ts";
const USERS = "app/(app)/admin/users/actions.ts";
const PASSWORD = "app/(app)/account/password/actions.ts";
const ONLY_ADMIN = { anonymous: false, ADMIN: true, DMA: false, IKMAA: false, PARTNER: false, DONOR: false };
const SERVER_ACTIONS: Record<
  string,
  { expect: Record<Caller, unknown>; call: (invoke: Invoke, caller: Caller) => Promise<unknown> }
> = {
  // Every role manages its own tokens; a signed-out caller gets no token.
  [`${TOKENS}#createTokenAction`]: {
    expect: { anonymous: false, ADMIN: true, DMA: true, IKMAA: true, PARTNER: true, DONOR: true },
    call: async (invoke, caller) =>
      /"token":"mat_/.test(
        await invoke(`${TOKENS}#createTokenAction`, caller, [{}, form({ name: `matrix ${caller}` })]),
      ),
  },
  // Nobody but its owner revokes a token: DMA's token still opens the API after every other caller tried.
  [`${TOKENS}#revokeTokenAction`]: {
    expect: { anonymous: false, ADMIN: false, DMA: true, IKMAA: false, PARTNER: false, DONOR: false },
    call: async (invoke, caller) => {
      const { id, token } = await dmaToken(invoke);
      await invoke(`${TOKENS}#revokeTokenAction`, caller, [form({ id })]);
      return (
        (
          await callers.anonymous.get(`${baseUrl}/api/tasks`, { headers: { authorization: `Bearer ${token}` } })
        ).status() === 401
      );
    },
  },
  // Only an administrator opens accounts and adds organisations; the users page, as the administrator sees it, shows what was made.
  [`${USERS}#createUserAction`]: {
    expect: ONLY_ADMIN,
    call: async (invoke, caller) => {
      const email = `matrix-${caller.toLowerCase()}-${Date.now()}@test.invalid`;
      await invoke(`${USERS}#createUserAction`, caller, [
        {},
        form({
          email,
          name: "Matrix account",
          role: "PARTNER",
          organisationId: await partnerId(),
          password: "matrix-password-1",
        }),
      ]);
      return (await usersPage()).includes(email);
    },
  },
  [`${USERS}#createOrganisationAction`]: {
    expect: ONLY_ADMIN,
    call: async (invoke, caller) => {
      const name = `Matrix partner ${caller} ${Date.now()}`;
      await invoke(`${USERS}#createOrganisationAction`, caller, [
        {},
        form({ name, roles: "OPERATOR", operatorKind: "NGO" }),
      ]);
      return (await usersPage()).includes(name);
    },
  },
  // Disabling an account: a fresh one each time, opened by the administrator.
  [`${USERS}#setUserDisabledAction`]: {
    expect: ONLY_ADMIN,
    call: async (invoke, caller) => {
      const email = `disable-${caller.toLowerCase()}-${Date.now()}@test.invalid`;
      await invoke(`${USERS}#createUserAction`, "ADMIN", [
        {},
        form({
          email,
          name: "To disable",
          role: "PARTNER",
          organisationId: await partnerId(),
          password: "matrix-password-1",
        }),
      ]);
      const row = () =>
        usersPage().then((html) => html.slice(html.indexOf(email), html.indexOf("</tr>", html.indexOf(email))));
      const id = /name="id" value="([^"]+)"/.exec(await row())![1]!;
      await invoke(`${USERS}#setUserDisabledAction`, caller, [form({ id, disabled: "1" })]);
      return (await row()).includes("disabled since");
    },
  },
  [`${USERS}#setUserPasswordAction`]: {
    expect: ONLY_ADMIN,
    call: async (invoke, caller) => {
      const email = `password-${caller.toLowerCase()}-${Date.now()}@test.invalid`;
      await invoke(`${USERS}#createUserAction`, "ADMIN", [
        {},
        form({
          email,
          name: "Forgetful",
          role: "PARTNER",
          organisationId: await partnerId(),
          password: "matrix-password-1",
        }),
      ]);
      const html = await usersPage();
      const id = /name="id" value="([^"]+)"/.exec(html.slice(html.indexOf(email)))![1]!;
      return /New password set for/.test(
        await invoke(`${USERS}#setUserPasswordAction`, caller, [
          {},
          form({ userId: id, password: "matrix-password-2" }),
        ]),
      );
    },
  },
  // Every signed-in holder changes their own password, and only with the current one: a wrong one is refused, changing nothing.
  [`${PASSWORD}#changeOwnPasswordAction`]: {
    expect: { anonymous: false, ADMIN: true, DMA: true, IKMAA: true, PARTNER: true, DONOR: true },
    call: async (invoke, caller) =>
      (
        await invoke(`${PASSWORD}#changeOwnPasswordAction`, caller, [
          {},
          form({
            currentPassword: "not the password",
            newPassword: "matrix-password-3",
            confirmPassword: "matrix-password-3",
          }),
        ])
      ).includes("The current password is not right."),
  },
  // Anyone chooses the language they read, signed in or not; the action only ever touches the caller's own choice.
  [`${LANGUAGE}#chooseLanguageAction`]: {
    expect: { anonymous: true, ADMIN: true, DMA: true, IKMAA: true, PARTNER: true, DONOR: true },
    call: async (invoke, caller) => {
      await invoke(`${LANGUAGE}#chooseLanguageAction`, caller, [form({ language: "ar", numerals: "latn" })]);
      const chosen = (await languageCookie(caller)) === "ar:latn";
      await invoke(`${LANGUAGE}#chooseLanguageAction`, caller, [form({ language: "en", numerals: "" })]);
      return chosen && (await languageCookie(caller)) === "en";
    },
  },
};

/** The language a caller's browser will ask for next, from the cookie the action set. */
async function languageCookie(caller: Caller): Promise<string | undefined> {
  const value = (await callers[caller].storageState()).cookies.find((c) => c.name === "mat-language")?.value;
  return value === undefined ? undefined : decodeURIComponent(value);
}

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const usersPage = async () => (await callers.ADMIN.get(`${baseUrl}/admin/users`)).text();
const partnerId = async () =>
  ((await (await callers.ADMIN.get(`${baseUrl}/api/organisations?type=partner`)).json()) as { items: { id: string }[] })
    .items[0]!.id;

/** A fresh token of DMA's, created through the action, with its id read from DMA's tokens page. */
async function dmaToken(invoke: Invoke) {
  const name = `revocable ${Math.random().toString(36).slice(2)}`;
  const token = /"token":"(mat_[^"]+)"/.exec(
    await invoke(`${TOKENS}#createTokenAction`, "DMA", [{}, form({ name })]),
  )![1]!;
  const html = await (await callers.DMA.get(`${baseUrl}/account/tokens`)).text();
  const row = html.slice(html.indexOf(name));
  const id = /name="id" value="([^"]+)"/.exec(row)![1]!;
  return { id, token };
}

let browser: Browser;
const callers = {} as Record<Caller, APIRequestContext>;
let taskId: string;
let reportId: string;
let hazardAreaId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  callers.anonymous = (await browser.newContext()).request;
  for (const [caller, email] of Object.entries(ACCOUNTS)) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, email);
    await page.waitForURL(`${baseUrl}/`);
    callers[caller as Caller] = page.request;
  }
  const tasks = (await (await callers.ADMIN.get(`${baseUrl}/api/tasks`)).json()) as {
    items: { id: string; code: string }[];
  };
  taskId = tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id;
  const task = (await (await callers.ADMIN.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as {
    reports: { id: string; status: string }[];
  };
  reportId = task.reports.find((r) => r.status === "approved")!.id;
  const areas = (await (await callers.ADMIN.get(`${baseUrl}/api/hazard-areas?q=DEMO-NIN-001`)).json()) as {
    items: { id: string; code: string }[];
  };
  hazardAreaId = areas.items.find((a) => a.code === "DEMO-NIN-001")!.id;
});

const pageUrl = (page: string) =>
  page
    .replace("/tasks/[id]", `/tasks/${taskId}`)
    .replace("/reports/[id]", `/reports/${reportId}`)
    .replace("/hazard-areas/[id]", `/hazard-areas/${hazardAreaId}`);
afterAll(() => browser?.close());

describe("authorisation matrix", () => {
  it("has an entry for every API route and every page", () => {
    expect(apiRoutes.filter((r) => !API[r]).sort()).toEqual([]);
    expect(pages.filter((p) => !(p in PAGE_PERMISSIONS)).sort()).toEqual([]);
  });

  it.each(Object.entries(API))("%s answers each caller as expected", async (key, { method, expect: expected }) => {
    const url = `${baseUrl}${key
      .replace(/^(GET|POST) /, "")
      .replace("{file}", "reports.csv")
      .replace("{id}", key.includes("reports/{id}") ? "no-such-report" : taskId)}`;
    const actual: Record<string, number> = {};
    for (const caller of Object.keys(expected) as Caller[]) {
      const res =
        method === "GET"
          ? await callers[caller].get(url, { maxRedirects: 0 })
          : await callers[caller].post(url, { data: {}, maxRedirects: 0 });
      actual[caller] = res.status();
    }
    expect(actual).toEqual(expected);
  });

  describe("server actions", () => {
    const manifest = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../.next/server/server-reference-manifest.json"), "utf8"),
    ) as {
      node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
    };
    // An action is posted to a page that uses it, as its form would be.
    const actions = Object.entries(manifest.node).map(([id, a]) => ({
      id,
      key: `${a.filename}#${a.exportedName}`,
      page:
        Object.keys(a.workers)[0]!
          .replace(/^app/, "")
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\/page$/, "") || "/",
    }));
    // React's own encoder, as the browser would send the arguments.
    const { encodeReply } = createRequire(import.meta.url)(
      "next/dist/compiled/react-server-dom-webpack/client.node",
    ) as {
      encodeReply: (args: unknown[]) => Promise<FormData | string>;
    };

    it("has an entry for every server action in the build", () => {
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((a) => !SERVER_ACTIONS[a.key]).map((a) => a.key)).toEqual([]);
    });

    const invoke: Invoke = async (key, caller, args) => {
      const { id, page } = actions.find((a) => a.key === key)!;
      const body = await encodeReply(args);
      const res = await callers[caller].post(`${baseUrl}${page}`, {
        headers: { "next-action": id, accept: "text/x-component" },
        maxRedirects: 0,
        ...(typeof body === "string" ? { data: body } : { multipart: body }),
      });
      expect(res.status(), `${key} as ${caller}: ${(await res.text()).slice(0, 300)}`).toBeLessThan(500);
      return res.text();
    };

    it.each(Object.keys(SERVER_ACTIONS))("%s does for each caller only what the policy allows", async (key) => {
      const { expect: expected, call } = SERVER_ACTIONS[key]!;
      const actual: Record<string, unknown> = {};
      for (const caller of Object.keys(expected) as Caller[]) actual[caller] = await call(invoke, caller);
      expect(actual).toEqual(expected);
    });
  });

  // Record scope with real ids and valid bodies, through the browser's own sessions (tests/integration/record-authorization.test.ts covers every write route).
  describe("records of another scope", () => {
    // DEMO-ANB-001, under DEMO-TASK-003: the second demo partner's, in progress.
    const ANB001 = { centre: [43.3, 33.42], widthM: 200, heightM: 150 };
    const inside = () => {
      const dLon = ANB001.widthM / (111_320 * Math.cos((ANB001.centre[1]! * Math.PI) / 180)) / 4;
      const dLat = ANB001.heightM / 110_574 / 4;
      const [x, y] = ANB001.centre as [number, number];
      return {
        type: "Polygon",
        coordinates: [
          [
            [x - dLon, y - dLat],
            [x + dLon, y - dLat],
            [x + dLon, y + dLat],
            [x - dLon, y + dLat],
            [x - dLon, y - dLat],
          ],
        ],
      };
    };

    it("IKMAA cannot approve a report under review in DMA's region, nor move DMA's task; the report stays under review", async () => {
      const task = (await (await callers.DMA.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as {
        reports: { id: string; status: string }[];
      };
      const underReview = task.reports.find((r) => r.status === "submitted")!.id;
      expect((await callers.IKMAA.post(`${baseUrl}/api/reports/${underReview}/approve`, { data: {} })).status()).toBe(
        404,
      );
      expect(
        (
          await callers.IKMAA.post(`${baseUrl}/api/tasks/${taskId}/status`, {
            data: { to: "cancelled", note: "Not ours." },
          })
        ).status(),
      ).toBe(404);
      const after = (await (await callers.DMA.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as {
        status: string;
        reports: { id: string; status: string }[];
      };
      expect(after.reports.find((r) => r.id === underReview)?.status).toBe("submitted");
    });

    it("the demo partner cannot submit a valid report to another partner's task, nor see that partner's reports under review in an export", async () => {
      const other = (
        (await (await callers.ADMIN.get(`${baseUrl}/api/tasks`)).json()) as { items: { id: string; code: string }[] }
      ).items.find((t) => t.code === "DEMO-TASK-003")!;
      const body = {
        method: "cleared",
        clearanceDepthCm: 30,
        periodStart: "2026-10-01",
        periodEnd: "2026-10-31",
        geometry: inside(),
        devices: [{ type: "UXO", count: 1 }],
      };
      expect((await callers.PARTNER.post(`${baseUrl}/api/tasks/${other.id}/reports`, { data: body })).status()).toBe(
        404,
      );
      const csv = await (await callers.DONOR.get(`${baseUrl}/api/exports/reports.csv?status=all`)).text();
      const task = (await (await callers.DMA.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as {
        reports: { id: string; status: string }[];
      };
      expect(csv).not.toContain(task.reports.find((r) => r.status === "submitted")!.id);
    });
  });

  it.each(Object.keys(PAGE_PERMISSIONS))(
    "page %s: 200 for roles with its permission, 403 otherwise, sign-in when signed out",
    async (page) => {
      const anonymous = await callers.anonymous.get(`${baseUrl}${pageUrl(page)}`, { maxRedirects: 0 });
      expect(anonymous.status()).toBe(307);
      expect(anonymous.headers().location).toContain("/sign-in");
      for (const caller of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]) {
        const res = await callers[caller].get(`${baseUrl}${pageUrl(page)}`, { maxRedirects: 0 });
        const allowed = can({ role: ROLE[caller] }, PAGE_PERMISSIONS[page as PagePath]);
        const expected = !allowed ? 403 : RECORD_HIDDEN_FROM[page as PagePath]?.includes(caller) ? 404 : 200;
        expect([caller, res.status()]).toEqual([caller, expected]);
      }
    },
  );
});
