import { describe, expect, it } from "vitest";
import { can, PAGE_PERMISSIONS, PERMISSIONS, pagesFor, ROLE_PERMISSIONS } from "./permissions";

describe("permissions", () => {
  it("gives every role the dashboard", () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) {
      expect(pagesFor({ role })).toContain("/");
    }
  });

  it.each([
    ["PARTNER", ["/", "/tasks", "/reports", "/risk-education", "/casualties", "/exports", "/account/tokens"]],
    ["DONOR", ["/", "/reports", "/risk-education", "/casualties", "/funding", "/exports", "/account/tokens"]],
    [
      "AUTHORITY",
      [
        "/",
        "/hazard-areas",
        "/tasks",
        "/reports",
        "/risk-education",
        "/casualties",
        "/funding",
        "/exports",
        "/account/tokens",
      ],
    ],
    [
      "ADMIN",
      [
        "/",
        "/hazard-areas",
        "/tasks",
        "/reports",
        "/risk-education",
        "/casualties",
        "/funding",
        "/exports",
        "/admin/users",
        "/audit",
        "/account/tokens",
      ],
    ],
  ] as const)("%s opens exactly %j", (role, pages) => {
    expect(pagesFor({ role })).toEqual(pages);
  });

  it("keeps review with authorities and submission with partners", () => {
    expect(can({ role: "AUTHORITY" }, "report:review")).toBe(true);
    expect(can({ role: "PARTNER" }, "report:review")).toBe(false);
    expect(can({ role: "PARTNER" }, "report:submit")).toBe(true);
    expect(can({ role: "ADMIN" }, "report:submit")).toBe(false);
    expect(can({ role: "DONOR" }, "task:read")).toBe(false);
  });

  it("gives risk education sessions to partners and casualties to authorities", () => {
    expect(
      (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((role) =>
        can({ role }, "riskEducation:record"),
      ),
    ).toEqual(["PARTNER"]);
    expect(
      (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((role) =>
        can({ role }, "casualty:record"),
      ),
    ).toEqual(["AUTHORITY"]);
  });

  it("denies everything to a signed-out visitor", () => {
    for (const p of PERMISSIONS) expect(can(null, p)).toBe(false);
  });

  it("names only known permissions for pages", () => {
    for (const p of Object.values(PAGE_PERMISSIONS)) expect(PERMISSIONS).toContain(p);
  });
});
