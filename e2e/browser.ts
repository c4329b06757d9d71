import fs from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumMissingMessage(): string | null {
  return fs.existsSync(CHROMIUM)
    ? null
    : `Chromium is not installed at ${CHROMIUM}. Install Debian's: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`;
}

/** Debian's Chromium, headless; no background networking (this machine has no internet). */
export function launchBrowser(): Promise<Browser> {
  const missing = chromiumMissingMessage();
  if (missing) throw new Error(missing);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function signIn(page: Page, baseUrl: string, email: string, password = "demo-password") {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A laptop-sized page of a new browser context, signed in as `email` and on the dashboard; `errors` collects the page's uncaught errors. */
export async function signedInPage(
  browser: Pick<Browser, "newContext">,
  baseUrl: string,
  email: string,
): Promise<Page & { errors: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, baseUrl, email);
  await page.waitForURL(`${baseUrl}/`);
  return Object.assign(page, { errors });
}
