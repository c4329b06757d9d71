// The pages cache (lib/server/page-cache) serves the dashboard, funding and
// report-list pages to everyone of a role and organisation alike. Two
// partners, two authorities and a donor each ask for each page, in turn and
// again: every answer is the asker's own scope's page (its sentence "signed in
// as … (role), organisation" and its role's controls), and no answer names any
// of them. The name comes from the viewer cookie, in the browser.
import { describe, expect, inject, it } from "vitest";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

const USERS = [
  { email: "partner@demo.test", role: "implementing partner", organisation: "Zagros Clearance" },
  { email: "ikmaa-team@demo.test", role: "implementing partner", organisation: "Iraqi Kurdistan Mine Action Agency" },
  { email: "dma@demo.test", role: "authority", organisation: "Directorate of Mine Action" },
  { email: "ikmaa@demo.test", role: "authority", organisation: "Iraqi Kurdistan Mine Action Agency" },
  { email: "donor@demo.test", role: "donor", organisation: "Demo Peace Fund" },
] as const;

/** The server-rendered part of the "signed in as" sentence, without tags. */
function signedInLine(html: string): string {
  const m = /<p class="who" data-testid="signed-in-as">(.*?)<\/p>/s.exec(html);
  return (m?.[1] ?? "").replace(/<!-- -->/g, "").replace(/&amp;/g, "&");
}

describe("pages served from the cache", () => {
  it("give each of two partners, two authorities and a donor their own scope's page, naming nobody", async () => {
    const cookies = await Promise.all(USERS.map((u) => sessionCookie(baseUrl, u.email)));
    const names: string[] = [];
    const answers: { user: (typeof USERS)[number]; path: string; html: string; state: string | null }[] = [];
    for (const round of [1, 2])
      for (const path of ["/", "/reports", "/funding"])
        for (const [i, user] of USERS.entries()) {
          const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: cookies[i]! }, redirect: "manual" });
          const html = await res.text();
          if (path === "/funding" && user.role === "implementing partner") {
            expect(res.status).toBe(403);
            continue;
          }
          expect(res.status, `${user.email} ${path}`).toBe(200);
          const viewer = decodeURIComponent(/mat-viewer=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "");
          if (round === 1) names.push((JSON.parse(viewer) as { name: string }).name);
          answers.push({ user, path, html, state: res.headers.get("x-page-cache") });
        }

    expect(names.length).toBe(USERS.length * 3 - 2);
    for (const { user, path, html } of answers) {
      const line = signedInLine(html);
      expect(line, `${user.email} ${path}`).toContain(`(${user.role}), ${user.organisation}`);
      for (const name of new Set(names)) expect(html, `${user.email} ${path}`).not.toContain(name);
      for (const other of USERS) expect(html).not.toContain(other.email);
      // The control to withdraw the public page is the authorities' alone.
      if (path === "/")
        expect(html.includes('data-testid="public-page-switch"'), user.email).toBe(user.role === "authority");
    }
    // The second round came from the cache (unless another spec's write moved the figures in between).
    expect(answers.filter((a) => a.state === "hit").length).toBeGreaterThan(0);
    expect(answers.every((a) => a.state === "hit" || a.state === "miss")).toBe(true);
  });

  it("show each person their own name, put in by the browser, on a page shared by their scope", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, "partner@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    await expect
      .poll(() => page.getByTestId("signed-in-as").textContent())
      .toMatch(/^Signed in as \S.+ \(implementing partner\), Zagros Clearance/);
    const partnerLine = await page.getByTestId("signed-in-as").textContent();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await signIn(page, baseUrl, "ikmaa-team@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    await expect
      .poll(() => page.getByTestId("signed-in-as").textContent())
      .toMatch(/^Signed in as \S.+ \(implementing partner\), Iraqi Kurdistan Mine Action Agency/);
    expect(await page.getByTestId("signed-in-as").textContent()).not.toBe(partnerLine);
    await context.close();
  });
});
