import { describe, expect, it } from "vitest";
import { serialiseViewer, VIEWER_COOKIE, viewerOfCookies } from "./viewer";

describe("the viewer cookie", () => {
  it("carries any name through a Cookie header, among other cookies", () => {
    for (const name of ["هیوا عەبدوڵڵا", "علي; role=ADMIN", 'O"Brien, = 100%', ""]) {
      const header = `a=1; ${VIEWER_COOKIE}=${serialiseViewer({ id: "u1", name })}; b=2`;
      expect(viewerOfCookies(header)).toEqual({ id: "u1", name });
    }
  });

  it("reads nothing from a missing, broken or foreign value", () => {
    for (const header of [
      undefined,
      "",
      "other=1",
      `${VIEWER_COOKIE}=%E0%A4%A`,
      `${VIEWER_COOKIE}=not-json`,
      `${VIEWER_COOKIE}=${encodeURIComponent(JSON.stringify({ id: "", name: "x" }))}`,
      `${VIEWER_COOKIE}=${encodeURIComponent(JSON.stringify({ id: 1, name: "x" }))}`,
      `${VIEWER_COOKIE}=${encodeURIComponent("null")}`,
    ])
      expect(viewerOfCookies(header)).toBeNull();
  });
});
