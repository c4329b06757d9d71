// Who may do what: the one place roles map to permissions. Every page,
// server action and route handler asks here; the UI only hides what can() denies.
import type { Role } from "@/generated/prisma/enums";

export const PERMISSIONS = [
  "progress:read",
  "hazardArea:read",
  "hazardArea:write",
  "task:read",
  "task:assign",
  "report:submit",
  "report:review",
  "funding:read",
  "funding:write",
  "user:manage",
  "audit:read",
  "apiToken:manage",
  "publicPage:manage",
  "riskEducation:record",
  "casualty:record",
  "password:change",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS = {
  ADMIN: [
    "progress:read",
    "hazardArea:read",
    "task:read",
    "funding:read",
    "funding:write",
    "user:manage",
    "audit:read",
    "apiToken:manage",
    "publicPage:manage",
    "password:change",
  ],
  AUTHORITY: [
    "progress:read",
    "hazardArea:read",
    "hazardArea:write",
    "task:read",
    "task:assign",
    "report:review",
    "funding:read",
    "apiToken:manage",
    "publicPage:manage",
    "casualty:record",
    "password:change",
  ],
  PARTNER: [
    "progress:read",
    "task:read",
    "report:submit",
    "apiToken:manage",
    "riskEducation:record",
    "password:change",
  ],
  DONOR: ["progress:read", "funding:read", "apiToken:manage", "password:change"],
} as const satisfies Record<Role, readonly Permission[]>;

export type Actor = { id: string; role: Role; organisationId: string };

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return !!actor && (ROLE_PERMISSIONS[actor.role] as readonly Permission[]).includes(permission);
}

/** Each page and the permission it needs. */
export const PAGE_PERMISSIONS = {
  "/": "progress:read",
  "/hazard-areas": "hazardArea:read",
  "/hazard-areas/new": "hazardArea:write",
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
  "/admin/users",
  "/audit",
  "/account/tokens",
] as const satisfies readonly PagePath[];
export type NavPage = (typeof NAV_PAGES)[number];

export function pagesFor(actor: Pick<Actor, "role">): NavPage[] {
  return NAV_PAGES.filter((p) => can(actor, PAGE_PERMISSIONS[p]));
}
