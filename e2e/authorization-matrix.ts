// The authorisation matrix the spec checks (e2e/authorization.spec.ts): the
// status each caller gets from every API route, and the record pages a caller
// with the page's permission still may not see.
import type { PagePath } from "@/lib/server/permissions";

export type Caller = "anonymous" | "ADMIN" | "DMA" | "IKMAA" | "PARTNER" | "DONOR";
export const ACCOUNTS: Record<Exclude<Caller, "anonymous">, string> = {
  ADMIN: "admin@demo.test",
  DMA: "dma@demo.test",
  IKMAA: "ikmaa@demo.test",
  PARTNER: "partner@demo.test",
  DONOR: "donor@demo.test",
};
export const ROLE = {
  ADMIN: "ADMIN",
  DMA: "AUTHORITY",
  IKMAA: "AUTHORITY",
  PARTNER: "PARTNER",
  DONOR: "DONOR",
} as const;

/** Expected status per caller. Bodies are empty ({}), so a caller who passes authorisation gets 400, not a write. */
export const API: Record<string, { method: "GET" | "POST"; expect: Record<Caller, number> }> = {
  "/api/progress": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 200 },
  },
  "/api/funding/summary": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 403, DONOR: 200 },
  },
  "/api/funding/import": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 400, DMA: 403, IKMAA: 403, PARTNER: 403, DONOR: 403 },
  },
  "/api/settings/public-page": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 400, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  "/api/organisations": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 200 },
  },
  "/api/accreditations": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 403, DONOR: 403 },
  },
  "POST /api/accreditations": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  // Sent {}: an authority's withdrawal lacks its day and reason before any record is looked up.
  "/api/accreditations/{id}/withdrawal": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  "/api/openapi.json": {
    method: "GET",
    expect: { anonymous: 200, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 200 },
  },
  // Says only whether the database answers, for load balancers.
  "/api/health": {
    method: "GET",
    expect: { anonymous: 200, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 200 },
  },
  "/api/hazard-areas": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  "GET /api/hazard-areas": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 403, DONOR: 403 },
  },
  // No hazardous area has the task's id: an authority gets 404 reading its history, 400 sending {} (the change is checked first).
  "/api/hazard-areas/{id}/changes": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 404, DMA: 404, IKMAA: 404, PARTNER: 403, DONOR: 403 },
  },
  "POST /api/hazard-areas/{id}/changes": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  // Without a view (bbox, zoom) a caller who may read the register gets 400.
  "/api/hazard-areas/map": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 400, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  // An authority (in its region) and an admin (in any) may import: sent {} as JSON, not a form, each gets 400.
  "/api/imports": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 400, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  // An authority reads its mappings; sent {}, saving one gets 400 (no name, no mapping).
  "/api/imports/mappings": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 403, DONOR: 403 },
  },
  "POST /api/imports/mappings": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 400, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  // No import has the task's id: an authority gets 404 (so would another authority for a real one).
  "/api/imports/{id}": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 404, DMA: 404, IKMAA: 404, PARTNER: 403, DONOR: 403 },
  },
  "/api/imports/{id}/commit": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 404, DMA: 404, IKMAA: 404, PARTNER: 403, DONOR: 403 },
  },
  "/api/imports/{id}/withdraw": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 404, DMA: 404, IKMAA: 404, PARTNER: 403, DONOR: 403 },
  },
  "/api/tasks": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 403 },
  },
  "POST /api/tasks": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  // DEMO-TASK-001: DMA's, assigned to the demo partner.
  "/api/tasks/{id}": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 404, PARTNER: 200, DONOR: 403 },
  },
  "/api/tasks/{id}/status": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 400, DONOR: 403 },
  },
  "/api/tasks/{id}/completion": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 403, IKMAA: 403, PARTNER: 400, DONOR: 403 },
  },
  "/api/tasks/{id}/handover": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  // Quality management: an authority of the task's region; empty bodies are refused before the task is read.
  "/api/tasks/{id}/monitoring-visits": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  "/api/tasks/{id}/inspections": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  "/api/non-conformities/{id}/close": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  "/api/tasks/{id}/reports": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 403, IKMAA: 403, PARTNER: 400, DONOR: 403 },
  },
  "/api/reports/{id}/approve": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 404, IKMAA: 404, PARTNER: 403, DONOR: 403 },
  },
  // Every role exports; which datasets, the role's screens decide.
  "/api/exports/{file}": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 200 },
  },
  "GET /api/exports/grants.csv": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 403, DONOR: 200 },
  },
  "GET /api/exports/tasks.xlsx": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 403 },
  },
  "GET /api/exports/hazard-areas.geojson": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 403 },
  },
  "/api/risk-education": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 200 },
  },
  "POST /api/risk-education": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 403, IKMAA: 403, PARTNER: 400, DONOR: 403 },
  },
  "/api/casualties": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 200 },
  },
  "POST /api/casualties": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
  "/api/victim-assistance": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 200, DMA: 200, IKMAA: 200, PARTNER: 200, DONOR: 200 },
  },
  "POST /api/victim-assistance": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 400, DONOR: 403 },
  },
  // Sent {} as JSON, not a form: every role that attaches gets 400; a donor attaches nothing.
  "/api/attachments": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 400, DMA: 400, IKMAA: 400, PARTNER: 400, DONOR: 403 },
  },
  // Without subjectType and subjectId, every caller gets 400.
  "GET /api/attachments": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 400, DMA: 400, IKMAA: 400, PARTNER: 400, DONOR: 400 },
  },
  "/api/attachments/archive": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 400, DMA: 400, IKMAA: 400, PARTNER: 400, DONOR: 400 },
  },
  // No attachment has the task's id: 404 for everyone signed in.
  "/api/attachments/{id}": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 404, DMA: 404, IKMAA: 404, PARTNER: 404, DONOR: 404 },
  },
  "/api/attachments/{id}/thumbnail": {
    method: "GET",
    expect: { anonymous: 401, ADMIN: 404, DMA: 404, IKMAA: 404, PARTNER: 404, DONOR: 404 },
  },
  "/api/reports/{id}/reject": {
    method: "POST",
    expect: { anonymous: 401, ADMIN: 403, DMA: 400, IKMAA: 400, PARTNER: 403, DONOR: 403 },
  },
};

/**
 * Pages about one record open DEMO-TASK-001 (DMA's, Zagros's) or its first,
 * approved report: a caller with the page's permission who may not see that
 * record gets 404, as for a record that does not exist. Approved reports are
 * official figures, open to every role.
 */
export const RECORD_HIDDEN_FROM: Partial<Record<PagePath, Caller[]>> = {
  "/tasks/[id]": ["IKMAA"],
  "/tasks/[id]/completion": ["IKMAA"],
  // DEMO-NIN-001: DMA's.
  "/hazard-areas/[id]": ["IKMAA"],
};
