// DEMO-TASK-001 as the end-to-end specs find it and type a report on it.
import type { Page } from "playwright-core";

type Bounds = { w: number; e: number; s: number; n: number };

/** DEMO-TASK-001's id, and the bounds of its first hazardous area, read through the API as the page's signed-in user. */
export async function demoTask(page: Page, baseUrl: string): Promise<{ taskId: string; bounds: Bounds }> {
  const tasks = (await (await page.request.get(`${baseUrl}/api/tasks`)).json()) as {
    items: { id: string; code: string }[];
  };
  const taskId = tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id;
  const task = (await (await page.request.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as {
    hazardAreas: { geometry: { coordinates: number[][][] } }[];
  };
  const ring = task.hazardAreas[0]!.geometry.coordinates[0]!;
  const [w, e] = [Math.min(...ring.map((p) => p[0]!)), Math.max(...ring.map((p) => p[0]!))];
  const [s, n] = [Math.min(...ring.map((p) => p[1]!)), Math.max(...ring.map((p) => p[1]!))];
  return { taskId, bounds: { w, e, s, n } };
}

/**
 * The box between fractions [x0, x1] of the bounds' width and [y0, y1] of their height, as the report form's
 * turning points are typed: one "lon lat" per line, six decimals, counter-clockwise from the south-west corner.
 */
export function typedBox({ w, e, s, n }: Bounds, [fx0, fx1]: [number, number], [fy0, fy1]: [number, number]): string {
  const [x0, x1, y0, y1] = [w + (e - w) * fx0, w + (e - w) * fx1, s + (n - s) * fy0, s + (n - s) * fy1];
  return (
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ] as const
  )
    .map(([x, y]) => `${x.toFixed(6)} ${y.toFixed(6)}`)
    .join("\n");
}
