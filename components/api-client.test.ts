import { afterEach, describe, expect, test, vi } from "vitest";
import { apiErrorFrom, errorLines, postJson } from "./api-client";

describe("the API's error answer as lines", () => {
  test.each([
    ["a message alone", { error: { code: "NOT_FOUND", message: "No such task." } }, ["No such task."]],
    [
      "zod issues, each with its path",
      { error: { message: "Invalid input.", details: [{ path: ["grants", 0, "shareBp"], message: "Too big" }] } },
      ["Invalid input.", "grants.0.shareBp: Too big"],
    ],
    [
      "a refusal of the polygon as a whole, said once in words (not again as 'geometry: …')",
      {
        error: {
          message: "It overlaps CHA-NIN-0101 (Orchard): 120 m².",
          details: [{ path: ["geometry"], message: "overlaps a registered hazardous area" }],
        },
      },
      ["It overlaps CHA-NIN-0101 (Orchard): 120 m²."],
    ],
    [
      "a geometry's problems",
      { error: { message: "Not a polygon.", details: { problems: [{ message: "Ring 1 crosses itself" }] } } },
      ["Not a polygon.", "Ring 1 crosses itself"],
    ],
    ["a body with no error", { items: [] }, ["HTTP 502"]],
    ["no body (not JSON)", null, ["HTTP 502"]],
  ])("%s", (_, body, lines) => {
    expect(errorLines(apiErrorFrom(body, "HTTP 502"))).toEqual(lines);
  });
});

describe("postJson", () => {
  afterEach(() => vi.unstubAllGlobals());

  test("sends JSON and hands back the accepted body", async () => {
    const fetch = vi.fn(async () => Response.json({ id: "t1" }, { status: 201 }));
    vi.stubGlobal("fetch", fetch);
    expect(await postJson("/api/tasks", { title: "x" })).toEqual({ ok: true, body: { id: "t1" } });
    expect(fetch).toHaveBeenCalledWith("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"title":"x"}',
    });
  });

  test("a refusal comes back as its error and lines, not thrown", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json({ error: { code: "FORBIDDEN", message: "Not yours." } }, { status: 403 }),
    );
    expect(await postJson("/api/tasks", {})).toEqual({
      ok: false,
      status: 403,
      error: { code: "FORBIDDEN", message: "Not yours." },
      messages: ["Not yours."],
    });
  });
});
