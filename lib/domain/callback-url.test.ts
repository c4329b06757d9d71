import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./callback-url";

describe("the callback URL after sign-in", () => {
  it.each([
    ["/tasks?status=active", "/tasks?status=active"],
    ["/hazard-areas/abc#map", "/hazard-areas/abc#map"],
    ["/", "/"],
  ])("keeps the path %s on this site", (raw, expected) => {
    expect(sameOriginPath(raw)).toBe(expected);
  });

  it.each([
    undefined,
    "",
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    // As the page receives them: the query string's %09 and %0A already decoded to a tab and a newline.
    "/\t/evil.example",
    "/\n/evil.example",
    "/.//evil.example",
    "/\\/evil.example",
    "javascript:alert(1)",
    " /evil",
  ])("sends %j to the home page instead of another site", (raw) => {
    expect(sameOriginPath(raw)).toBe("/");
  });

  it("never returns a path that a browser would read as another host", () => {
    for (const raw of ["/%2F/evil.example", "/%5Cevil.example", "/a/../..//evil.example"]) {
      const path = sameOriginPath(raw);
      expect(new URL(path, "https://app.example").host).toBe("app.example");
    }
  });
});
