import { describe, expect, it } from "vitest";
import { MAX_FAILURES, signInAllowed, WINDOW_MS } from "./sign-in-throttle";

const now = new Date("2026-11-26T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("sign-in throttling", () => {
  it("allows up to the limit of failures in the window", () => {
    expect(signInAllowed([], now)).toEqual({ allowed: true });
    expect(signInAllowed(Array.from({ length: MAX_FAILURES - 1 }, (_, i) => ago(i * 1000)), now)).toEqual({ allowed: true });
  });

  it("pauses after the limit until the oldest counted failure leaves the window", () => {
    const failures = Array.from({ length: MAX_FAILURES }, (_, i) => ago((i + 1) * 60_000)); // 1..5 minutes ago
    expect(signInAllowed(failures, now)).toEqual({ allowed: false, retryAfterSeconds: (WINDOW_MS - 5 * 60_000) / 1000 });
  });

  it("forgets failures older than the window", () => {
    const failures = Array.from({ length: MAX_FAILURES }, () => ago(WINDOW_MS + 1));
    expect(signInAllowed(failures, now)).toEqual({ allowed: true });
  });
});
