import { describe, expect, it } from "vitest";
import { OPENAPI } from "./openapi";

describe("OpenAPI description", () => {
  it("describes report submission with the schema the handler parses", () => {
    const content = OPENAPI.paths["/api/tasks/{id}/reports"].post.requestBody!.content as Record<
      string,
      { schema: unknown }
    >;
    const body = content["application/json"]!.schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(["method", "periodStart", "periodEnd", "geometry", "devices"]),
    );
    expect(body.required).toEqual(expect.arrayContaining(["method", "periodStart", "periodEnd"]));
    expect(JSON.stringify(body.properties.method)).toContain("cleared");
  });

  it("lists every API route the app serves", async () => {
    const { readdirSync, statSync } = await import("node:fs");
    const path = await import("node:path");
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name === "route.ts")
          routes.push(`/${path.relative("app", path.dirname(p)).replace(/\[(\w+)\]/g, "{$1}")}`);
      }
    };
    walk("app/api");
    const documented = new Set(Object.keys(OPENAPI.paths));
    const undocumented = routes.filter(
      (r) => !documented.has(r) && !r.startsWith("/api/auth") && r !== "/api/openapi.json",
    );
    expect(undocumented).toEqual([]);
  });
});
