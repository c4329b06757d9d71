import { describe, expect, it } from "vitest";
import { can, PAGE_PERMISSIONS, PERMISSIONS, pagesFor, ROLE_PERMISSIONS } from "./permissions";

describe("permissions", () => {
  it("gives every role the dashboard", () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) {
      expect(pagesFor({ role })).toContain("/");
    }
  });

  // Each page in the navigation, in order, and the roles that open it.
  const NAVIGATION = [
    ["/", "PARTNER DONOR AUTHORITY ADMIN"],
    ["/hazard-areas", "AUTHORITY ADMIN"],
    ["/tasks", "PARTNER AUTHORITY ADMIN"],
    ["/reports", "PARTNER DONOR AUTHORITY ADMIN"],
    ["/risk-education", "PARTNER DONOR AUTHORITY ADMIN"],
    ["/casualties", "PARTNER DONOR AUTHORITY ADMIN"],
    ["/funding", "DONOR AUTHORITY ADMIN"],
    ["/exports", "PARTNER DONOR AUTHORITY ADMIN"],
    ["/accreditations", "AUTHORITY ADMIN"],
    ["/admin/users", "ADMIN"],
    ["/audit", "ADMIN"],
    ["/account/tokens", "PARTNER DONOR AUTHORITY ADMIN"],
  ] as const;
  it.each(
    (["PARTNER", "DONOR", "AUTHORITY", "ADMIN"] as const).map(
      (role) =>
        [role, NAVIGATION.filter(([, roles]) => roles.split(" ").includes(role)).map(([page]) => page)] as const,
    ),
  )("%s opens exactly %j", (role, pages) => {
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
    // Victim assistance: the authorities, and the operators that run the services.
    expect(
      (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((role) =>
        can({ role }, "victimAssistance:record"),
      ),
    ).toEqual(["AUTHORITY", "PARTNER"]);
  });

  it("lets only an authority record accreditations, and an administrator read the register", () => {
    const roles = Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[];
    expect(roles.filter((role) => can({ role }, "accreditation:manage"))).toEqual(["AUTHORITY"]);
    expect(roles.filter((role) => can({ role }, "accreditation:read")).sort()).toEqual(["ADMIN", "AUTHORITY"]);
  });

  it("denies everything to a signed-out visitor", () => {
    for (const p of PERMISSIONS) expect(can(null, p)).toBe(false);
  });

  it("names only known permissions for pages", () => {
    for (const p of Object.values(PAGE_PERMISSIONS)) expect(PERMISSIONS).toContain(p);
  });
});
