import { z } from "zod";

const ZDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });

/** A post-clearance inspection of a completed task (IMAS 09.20); lib/geo checks the sampled polygon, not this. */
export const ZInspection = z.object({
  inspectedOn: ZDate,
  inspector: z.string().trim().min(1).max(200),
  geometry: z.unknown(),
  itemsFound: z.int().min(0).max(100_000),
  result: z.enum(["PASSED", "FAILED"]),
  findings: z.string().trim().max(5_000).optional(),
});
