// A completion report's body as the form sends it, and a post-clearance
// inspection row as recordInspection writes it, for the certificate and
// handover tests that need an inspection's result but not its sample's accounting.
import type { Db } from "@/lib/server/prisma";

/** A complete IMAS 08.30 completion body: marking, benchmark, residual risk and its holder, plus `extra`. */
export const completionBody = (extra: Record<string, unknown> = {}) => ({
  completedOn: "2026-11-20",
  clearanceDepthCm: 30,
  markers: "Painted stone cairns at each turning point; red-and-white pickets every 25 m along the boundary.",
  benchmark: { type: "Point", coordinates: [43.0421, 36.2975] },
  benchmarkDescription: "Concrete post at the south-west corner, 1 m high, painted red.",
  residualRisk: "All reasonable effort was made; items below 30 cm cannot be ruled out.",
  residualRiskHolder: "The land user (village council), with the Ministry of Agriculture informed",
  ...extra,
});

/** A post-clearance inspection of the task, recorded now (after any completion filed before this call). */
export async function inspection(
  db: Db,
  taskId: string,
  recordedById: string,
  fields: { result: "PASSED" | "FAILED"; inspectedOn?: string; sampledAreaM2?: number },
) {
  const sample = {
    type: "Polygon",
    coordinates: [
      [
        [43.05, 36.3],
        [43.0501, 36.3],
        [43.0501, 36.3001],
        [43.05, 36.3],
      ],
    ],
  };
  return db.inspection.create({
    data: {
      taskId,
      inspectedOn: new Date(`${fields.inspectedOn ?? "2026-11-22"}T00:00:00Z`),
      inspector: "QA officer Layla Hassan",
      sampledGeometry: sample,
      sampledAreaM2: fields.sampledAreaM2 ?? 2_400,
      itemsFound: fields.result === "PASSED" ? 0 : 1,
      result: fields.result,
      recordedById,
    },
  });
}
