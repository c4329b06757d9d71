import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

describe("accounts", () => {
  it("an administrator adds a partner and opens an account there; its holder chooses their own password at first sign-in and works; a reset or a disable ends the session at once", async () => {
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, baseUrl, "admin@demo.test");
    await admin.waitForURL(`${baseUrl}/`);
    await admin.getByRole("link", { name: "Users" }).click();

    const partner = `Tigris Clearance ${Date.now()}`;
    const addOrganisation = admin.getByRole("form", { name: "Add an implementing partner or donor" });
    await addOrganisation.getByLabel("Name", { exact: true }).fill(partner);
    await addOrganisation.getByRole("checkbox", { name: "Operator" }).check();
    await addOrganisation.getByLabel("Kind of operator").selectOption({ label: "NGO" });
    await addOrganisation.getByRole("button", { name: "Add the organisation" }).click();
    await addOrganisation
      .getByRole("status")
      .filter({ hasText: `${partner} added.` })
      .waitFor();

    const email = `ops.${Date.now()}@tigris.example.org`;
    const addUser = admin.getByRole("form", { name: "Add an account" });
    // An email already in use: said, and under the field; no account is made.
    await addUser.getByLabel("Email").fill("partner@demo.test");
    await addUser.getByLabel("Name", { exact: true }).fill("Layla Hassan");
    await addUser.getByLabel("Role").selectOption({ label: "implementing partner" });
    await addUser.getByLabel("Organisation").selectOption({ label: partner });
    await addUser.getByLabel("First password").fill("a long first password");
    await addUser.getByRole("button", { name: "Create the account" }).click();
    await addUser
      .getByRole("alert")
      .filter({ hasText: "An account with the email partner@demo.test already exists." })
      .waitFor();
    expect(await addUser.getByRole("textbox", { name: "Email" }).getAttribute("aria-invalid")).toBe("true");
    await addUser.getByText("Email already in use").waitFor();
    await addUser.getByLabel("Email").fill(email);
    await addUser.getByRole("button", { name: "Create the account" }).click();
    await addUser
      .getByRole("status")
      .filter({ hasText: `Account ${email} created.` })
      .waitFor();
    await admin.getByRole("cell", { name: email, exact: true }).waitFor();

    // The holder signs in with the first password, which the administrator knows: they are sent to choose their own first.
    const holder = await (await browser.newContext()).newPage();
    await signIn(holder, baseUrl, email, "a long first password");
    await holder.waitForURL(`${baseUrl}/account/password`);
    await holder.goto(`${baseUrl}/tasks`);
    await holder.waitForURL(`${baseUrl}/account/password`);
    await holder.getByLabel("Current password").fill("a long first password");
    await holder.getByLabel("New password", { exact: true }).fill("only Layla knows this");
    await holder.getByLabel("New password again").fill("only Layla knows this");
    await holder.getByRole("button", { name: "Change the password" }).click();
    await holder.getByRole("status").filter({ hasText: "Your password is changed." }).waitFor();
    // Every session of the account has ended, this one too: the holder signs in with their own password.
    await holder.goto(`${baseUrl}/tasks`);
    await holder.waitForURL(/\/sign-in/);
    await signIn(holder, baseUrl, email, "only Layla knows this");
    await holder.waitForURL(`${baseUrl}/`);
    // Their organisation's (empty) work.
    expect(await holder.getByTestId("signed-in-as").textContent()).toContain(partner);
    await holder.getByRole("link", { name: "My tasks" }).click();
    await holder.waitForURL(`${baseUrl}/tasks`);

    // The administrator sets a new password for the holder: the holder's open session ends at its next page.
    const setPassword = admin.getByRole("form", { name: "Set a new password" });
    await setPassword.getByLabel("Account").selectOption({ label: `Layla Hassan (${email})` });
    await setPassword.getByLabel("New password").fill("a reset password, handed over");
    await setPassword.getByRole("button", { name: "Set the password" }).click();
    await setPassword
      .getByRole("status")
      .filter({ hasText: `New password set for ${email}.` })
      .waitFor();
    await holder.reload();
    await holder.waitForURL(/\/sign-in/);
    await signIn(holder, baseUrl, email, "a reset password, handed over");
    await holder.waitForURL(`${baseUrl}/account/password`);

    await admin.getByRole("button", { name: `Disable ${email}` }).click();
    await admin
      .getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })
      .getByText(/disabled since/)
      .waitFor();
    // The next page the holder opens sends them to sign in, and signing in again is refused.
    await holder.reload();
    await holder.waitForURL(/\/sign-in/);
    await signIn(holder, baseUrl, email, "a reset password, handed over");
    await holder.getByRole("alert").waitFor();
    expect(holder.url()).toContain("/sign-in");
  });
});
