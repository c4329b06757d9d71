import { describe, expect, inject, it } from "vitest";
import { pagesFor } from "@/lib/server/permissions";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const ROLE_LABEL = {
  ADMIN: "administrator",
  AUTHORITY: "authority",
  PARTNER: "implementing partner",
  DONOR: "donor",
} as const;
const browser = browserForSpec();

async function newPage() {
  const context = await browser.newContext();
  return context.newPage();
}

describe("signing in", () => {
  it.each([
    ["admin@demo.test", "ADMIN"],
    ["dma@demo.test", "AUTHORITY"],
    ["ikmaa@demo.test", "AUTHORITY"],
    ["partner@demo.test", "PARTNER"],
    ["donor@demo.test", "DONOR"],
  ] as const)("%s lands on the dashboard with the navigation of a %s", async (email, role) => {
    const page = await newPage();
    await signIn(page, baseUrl, email);
    await page.waitForURL(`${baseUrl}/`);
    await expect(page.getByRole("heading", { name: "National progress" }).isVisible()).resolves.toBe(true);
    const nav = page.getByRole("navigation", { name: "Main" });
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(pagesFor({ role }));
    expect(await page.getByTestId("signed-in-as").textContent()).toContain(`(${ROLE_LABEL[role]})`);
    await page.context().close();
  });

  it("tells a user whose password is wrong, and keeps them signed out", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "dma@demo.test", "not-the-password");
    // Next.js's route announcer is an alert too: look for ours by its words.
    await page.getByRole("alert").filter({ hasText: "do not match an active account" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect((await page.request.get(`${baseUrl}/api/progress`)).status()).toBe(401);
    await page.context().close();
  });

  it("pauses sign-in for an account after five wrong passwords, and says so", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/sign-in`);
    // An address no account has: refusals must not differ for unknown ones, and no demo account is locked for the other tests.
    await page.getByLabel("Email").fill("guesser@example.org");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`guess-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").filter({ hasText: "do not match an active account" }).waitFor();
    }
    await page.getByLabel("Password").fill("guess-5");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "sign-in is paused for up to 15 minutes" }).waitFor();
    await page.context().close();
  });

  it("sends a signed-out visitor to sign-in and back to the page they asked for", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/tasks`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.getByLabel("Email").fill("partner@demo.test");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/tasks`);
    await page.getByRole("heading", { name: "My tasks" }).waitFor();
    await page.context().close();
  });
});

describe("after signing in", () => {
  // As the query string arrives: %5C is a backslash, %09 a tab; browsers read "/\\host" and "/<tab>/host" as "//host", another site.
  it.each(["/%5Cevil.example", "/%09/evil.example", "/.//evil.example", "https://evil.example/"])(
    "stays on the site when the link's callbackUrl is %s",
    async (callback) => {
      const page = await newPage();
      await page.goto(`${baseUrl}/sign-in?callbackUrl=${callback}`);
      await page.getByLabel("Email").fill("donor@demo.test");
      await page.getByLabel("Password").fill("demo-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "National progress" }).waitFor();
      expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);
      await page.context().close();
    },
  );
});

describe("demo accounts", () => {
  // The app's server takes the client's address from the connection; from this machine, X-Forwarded-For is what a
  // reverse proxy here says (scripts/app-server.ts), which is how a visitor from another machine is played here.
  it("work only from the machine running the app, and the sign-in page says so elsewhere", async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.30" } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByText("they work only in a browser on the computer that runs the app").waitFor();
    expect(await page.getByText("demo-password").count()).toBe(0);
    await page.getByLabel("Email").fill("admin@demo.test");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Demo accounts work only in a browser on the computer that runs the app" })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect((await page.request.get(`${baseUrl}/api/progress`)).status()).toBe(401);
    await context.close();
  });
});

describe("roles on the server", () => {
  it("refuses a partner an authority's page with 403, even by typing its address", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "partner@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    const response = await page.goto(`${baseUrl}/hazard-areas`);
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { name: "Not allowed" }).waitFor();
    expect(await page.content()).not.toContain("DEMO-NIN-001");
    await page.context().close();
  });

  it("shows an authority the hazardous areas of its own region only", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "ikmaa@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/hazard-areas`);
    const codes = await page.locator("tbody tr td:first-child").allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    // The Kurdistan Region's demo areas, and no federal one; other specs may register areas of IKMAA's meanwhile,
    // so every row is told by its governorate (the fifth column), all four of them the Kurdistan Region's.
    expect(codes.filter((c) => c.startsWith("DEMO-")).every((c) => /^DEMO-(DUH|ERB|SUL|HAL)-/.test(c))).toBe(true);
    const governorates = await page.locator("tbody tr td:nth-child(5)").allTextContents();
    expect(governorates.every((g) => /Duhok|Erbil|Sulaymaniyah|Halabja/.test(g))).toBe(true);
    await page.context().close();
  });
});

describe("dashboard", () => {
  it("shows the figures GET /api/progress computes from the database, and parts add up", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "donor@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    const api = await (await page.request.get(`${baseUrl}/api/progress`)).json();
    const shown = async (id: string) => Number(await page.getByTestId(id).getAttribute("data-m2"));
    expect(await shown("baseline")).toBe(api.baselineM2);
    expect(await shown("released-total")).toBe(api.releasedM2.total);
    expect(await shown("released-cancelled")).toBe(api.releasedM2.cancelled);
    expect(await shown("released-reduced")).toBe(api.releasedM2.reduced);
    expect(await shown("released-cleared")).toBe(api.releasedM2.cleared);
    expect(await shown("remaining")).toBe(api.remainingM2);
    // Remaining in its two parts, and the governorate table's remaining is the registered part.
    expect(await shown("remaining-registered")).toBe(api.registeredRemainingM2);
    expect(await shown("remaining-unregistered")).toBe(api.unregisteredEstimateM2);
    expect(await shown("by-governorate-remaining")).toBe(api.registeredRemainingM2);
    expect(api.registeredRemainingM2 + api.unregisteredEstimateM2).toBeCloseTo(api.remainingM2, 4);
    expect(api.baselineM2).toBe(650_000_000);
    expect(api.releasedM2.total).toBeGreaterThan(0);
    expect(api.releasedM2.cancelled + api.releasedM2.reduced + api.releasedM2.cleared).toBeCloseTo(
      api.releasedM2.total,
      6,
    );
    await page.context().close();
  });

  it("signs out and loses access", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "admin@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    expect((await page.request.get(`${baseUrl}/api/progress`)).status()).toBe(401);
    await page.context().close();
  });
});
