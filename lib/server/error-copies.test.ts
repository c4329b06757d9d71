import { describe, expect, it, vi } from "vitest";

// Next.js may load a module once per layer (pages, route handlers) while the geometry pool is one per process: a
// refusal made by one copy of these classes must be recognised by the other copies, or a 422 becomes a 500.
describe("errors made by another copy of their module", () => {
  it("are still a GeometryError and a CommandError to every copy", async () => {
    const geo = await import("@/lib/geo/errors");
    const commands = await import("./command-error");
    vi.resetModules();
    const geoAgain = await import("@/lib/geo/errors");
    const commandsAgain = await import("./command-error");
    expect(geoAgain.GeometryError).not.toBe(geo.GeometryError);
    const problem = geo.checkFailedProblem(new Error("boom"));
    expect(new geo.GeometryError(problem)).toBeInstanceOf(geoAgain.GeometryError);
    expect(new geoAgain.GeometryError(problem)).toBeInstanceOf(geo.GeometryError);
    const busy = new commands.CommandError("unavailable", { en: "busy", ar: "busy", ckb: "busy" });
    expect(busy).toBeInstanceOf(commandsAgain.CommandError);
    expect(new Error("plain")).not.toBeInstanceOf(geoAgain.GeometryError);
    expect(busy).not.toBeInstanceOf(geoAgain.GeometryError);
  });
});
