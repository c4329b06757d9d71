import { describe, expect, it } from "vitest";
import { adviceFor } from "./advice";

describe("what to do about a refused submission", () => {
  it.each([
    ["landReleaseReport", 409, undefined, "adviceTaskClosed"],
    ["landReleaseReport", 404, undefined, "adviceNotYours"],
    ["landReleaseReport", 422, undefined, "adviceGeometry"],
    ["landReleaseReport", 400, undefined, "adviceInvalid"],
    ["eoreSession", 409, undefined, "adviceConflict"],
    ["accident", 403, undefined, "adviceForbidden"],
    ["landReleaseReport", 415, "marker.heic", "adviceFileRefused"],
  ] as const)("a %s refused with %i (file %s): %s", (subject, status, fileName, advice) => {
    expect(adviceFor({ subject, refusal: { status, lines: ["…"], ...(fileName ? { fileName } : {}) } })).toBe(advice);
  });
});
