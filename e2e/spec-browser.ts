// The one browser a spec's tests open their contexts in. Kept apart from
// e2e/browser.ts, which scripts outside Vitest import too.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";

/** Call at the top of a spec: a browser launched before its tests and closed after them. */
export function browserForSpec(): Pick<Browser, "newContext"> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  return { newContext: (options) => browser!.newContext(options) };
}
