import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

describe("personal API tokens", () => {
  it("a partner creates a token in the UI, its system calls the API with it, and revoking it locks the system out", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, "partner@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.getByLabel("Name").fill("Head-office GIS sync");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!;
    expect(token).toMatch(/^mat_/);

    // The partner's own system: no cookies, only the token.
    const system = await (await browser.newContext()).request;
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const tasks = await system.get(`${baseUrl}/api/tasks`, auth);
    expect(tasks.status()).toBe(200);
    const codes = ((await tasks.json()) as { items: { code: string }[] }).items.map((t) => t.code);
    expect(codes).toContain("DEMO-TASK-001");
    expect(codes).not.toContain("DEMO-TASK-002"); // another partner's task

    // This token's own row: other specs running at the same time make tokens for the same partner.
    const row = page.getByRole("row").filter({ hasText: "Head-office GIS sync" });
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByRole("cell", { name: "revoked" }).waitFor();
    expect((await system.get(`${baseUrl}/api/tasks`, auth)).status()).toBe(401);
  });
});
