// Every page of the app, as the role that works on it, and the demo records the
// pages with an id in their path open. Shared by the specs that look at every
// page (accessibility.spec.ts at a laptop's width, phone.spec.ts on phones).

import type { APIRequestContext } from "playwright-core";

export type AppPage = { path: string; as: string | null };

export const EVERY_PAGE: readonly AppPage[] = [
  { path: "/sign-in", as: null },
  { path: "/public", as: null },
  { path: "/offline", as: null },
  { path: "/", as: "donor@demo.test" },
  { path: "/funding", as: "donor@demo.test" },
  { path: "/tasks", as: "partner@demo.test" },
  { path: "/tasks/{task}", as: "partner@demo.test" },
  { path: "/tasks/{task}/reports/new", as: "partner@demo.test" },
  { path: "/tasks/{task}/completion", as: "partner@demo.test" },
  { path: "/risk-education", as: "partner@demo.test" },
  { path: "/exports", as: "partner@demo.test" },
  { path: "/account/tokens", as: "partner@demo.test" },
  { path: "/account/password", as: "partner@demo.test" },
  { path: "/hazard-areas", as: "dma@demo.test" },
  { path: "/hazard-areas/new", as: "dma@demo.test" },
  { path: "/hazard-areas/map", as: "dma@demo.test" },
  { path: "/hazard-areas/import", as: "dma@demo.test" },
  { path: "/hazard-areas/{area}", as: "dma@demo.test" },
  { path: "/tasks/new", as: "dma@demo.test" },
  { path: "/reports", as: "dma@demo.test" },
  { path: "/reports/{report}", as: "dma@demo.test" },
  { path: "/casualties", as: "dma@demo.test" },
  { path: "/funding/import", as: "admin@demo.test" },
  { path: "/admin/users", as: "admin@demo.test" },
  { path: "/audit", as: "admin@demo.test" },
];

export type DemoRecords = { task: string; report: string; area: string };

/** The demo task, a report on it (one waiting for review if there is one) and its hazardous area, read as the authority. */
export async function demoRecords(api: APIRequestContext, baseUrl: string): Promise<DemoRecords> {
  const tasks = (await (await api.get(`${baseUrl}/api/tasks`)).json()) as { items: { id: string; code: string }[] };
  const task = tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id;
  const detail = (await (await api.get(`${baseUrl}/api/tasks/${task}`)).json()) as {
    reports: { id: string; status: string }[];
  };
  const report = detail.reports.find((r) => r.status === "submitted")?.id ?? detail.reports[0]!.id;
  const areas = (await (await api.get(`${baseUrl}/api/hazard-areas?q=DEMO-NIN-001`)).json()) as {
    items: { id: string; code: string }[];
  };
  const area = areas.items.find((a) => a.code === "DEMO-NIN-001")!.id;
  return { task, report, area };
}

export function pageUrl(baseUrl: string, route: string, records: DemoRecords): string {
  return `${baseUrl}${route.replace("{task}", records.task).replace("{report}", records.report).replace("{area}", records.area)}`;
}

/** A file name for a page's screenshot: "/tasks/{task}" → "tasks_task". */
export function screenName(route: string): string {
  return route.replace(/[/{}]+/g, "_").replace(/^_|_$/g, "") || "dashboard";
}
