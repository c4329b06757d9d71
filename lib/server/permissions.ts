// Who may do what: the one place roles map to permissions. Every page,
// server action and route handler asks here; the UI only hides what can() denies.
import { Role } from "@/generated/prisma/enums";

/** Each permission and the roles that hold it. */
const GRANTS = {
  "progress:read": ["ADMIN", "AUTHORITY", "PARTNER", "DONOR"],
  "hazardArea:read": ["ADMIN", "AUTHORITY"],
  "hazardArea:write": ["AUTHORITY"],
  /** Bringing a register or its past releases in from a file: an authority in its region, an admin in any. */
  "register:import": ["ADMIN", "AUTHORITY"],
  "task:read": ["ADMIN", "AUTHORITY", "PARTNER"],
  "task:assign": ["AUTHORITY"],
  "report:submit": ["PARTNER"],
  "report:review": ["AUTHORITY"],
  "funding:read": ["ADMIN", "AUTHORITY", "DONOR"],
  "funding:write": ["ADMIN"],
  "user:manage": ["ADMIN"],
  "audit:read": ["ADMIN"],
  "apiToken:manage": ["ADMIN", "AUTHORITY", "PARTNER", "DONOR"],
  "publicPage:manage": ["ADMIN", "AUTHORITY"],
  "riskEducation:record": ["PARTNER"],
  "casualty:record": ["AUTHORITY"],
  /** Recording and withdrawing accreditations of operators, issued by the caller's own authority (IMAS 07.30). */
  "accreditation:manage": ["AUTHORITY"],
  /** The register of accreditations: an authority those it issued, an admin all. */
  "accreditation:read": ["ADMIN", "AUTHORITY"],
  /** Monitoring visits, their non-conformities' closure and post-clearance inspections, on tasks in its region. */
  "qa:record": ["AUTHORITY"],
  /** Survivors referred or assisted: the authorities, and the operators that run the services (as for EORE). */
  "victimAssistance:record": ["AUTHORITY", "PARTNER"],
  /** Attaching photos and signed forms to records: which records, attachableSubjectScope says. */
  "attachment:add": ["ADMIN", "AUTHORITY", "PARTNER"],
  "password:change": ["ADMIN", "AUTHORITY", "PARTNER", "DONOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;
export const PERMISSIONS = Object.keys(GRANTS) as Permission[];

/** Each role of the schema and the permissions it holds, read off GRANTS. */
export const ROLE_PERMISSIONS = Object.fromEntries(
  Object.values(Role).map((role) => [role, PERMISSIONS.filter((p) => (GRANTS[p] as readonly Role[]).includes(role))]),
) as unknown as Record<Role, readonly Permission[]>;

export type Actor = { id: string; role: Role; organisationId: string };

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return !!actor && (GRANTS[permission] as readonly Role[]).includes(actor.role);
}

/** Each page and the permission it needs. */
export const PAGE_PERMISSIONS = {
  "/": "progress:read",
  "/hazard-areas": "hazardArea:read",
  "/hazard-areas/new": "hazardArea:write",
  "/hazard-areas/map": "hazardArea:read",
  "/hazard-areas/import": "register:import",
  "/hazard-areas/[id]": "hazardArea:read",
  "/tasks": "task:read",
  "/tasks/new": "task:assign",
  "/tasks/[id]": "task:read",
  "/tasks/[id]/reports/new": "report:submit",
  "/tasks/[id]/completion": "task:read",
  "/reports": "progress:read",
  "/reports/[id]": "progress:read",
  "/funding": "funding:read",
  "/funding/import": "funding:write",
  "/risk-education": "progress:read",
  "/casualties": "progress:read",
  "/exports": "progress:read",
  "/admin/users": "user:manage",
  "/audit": "audit:read",
  "/accreditations": "accreditation:read",
  "/account/tokens": "apiToken:manage",
  "/account/password": "password:change",
} as const satisfies Record<string, Permission>;

export type PagePath = keyof typeof PAGE_PERMISSIONS;

/** The pages in the navigation, in order. */
export const NAV_PAGES = [
  "/",
  "/hazard-areas",
  "/tasks",
  "/reports",
  "/risk-education",
  "/casualties",
  "/funding",
  "/exports",
  "/accreditations",
  "/admin/users",
  "/audit",
  "/account/tokens",
] as const satisfies readonly PagePath[];
export type NavPage = (typeof NAV_PAGES)[number];

export function pagesFor(actor: Pick<Actor, "role">): NavPage[] {
  return NAV_PAGES.filter((p) => can(actor, PAGE_PERMISSIONS[p]));
}
