import { z } from "zod";

const ZDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });
const people = z.int().min(0).max(100_000).default(0);
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);

const LON = "Longitude is between -180 and 180.";
const LAT = "Latitude is between -90 and 90.";

/** The fixed reference point the turning points are measured from, as a GeoJSON Point (WGS 84 lon/lat). */
export const ZBenchmark = z.object({
  type: z.literal("Point"),
  coordinates: z.tuple([z.number().min(-180, LON).max(180, LON), z.number().min(-90, LAT).max(90, LAT)]),
});

/**
 * The partner's completion report (IMAS 08.30): when the work ended, to what
 * depth (required by the command when the task cleared land), how the
 * boundary is marked and from which benchmark, the residual risk and who holds
 * it, and, when part of the task's hazardous areas is left unreleased, how
 * that remainder is recorded (its m² are measured, never typed).
 */
export const ZCompletion = z.object({
  completedOn: ZDate,
  clearanceDepthCm: z.int().positive().max(1_000).optional(),
  qaNotes: z.string().trim().max(5_000).optional(),
  markers: text(3, 2_000, "Say how the boundary and its turning points are marked on the ground."),
  benchmark: ZBenchmark,
  benchmarkDescription: text(3, 1_000, "Describe the benchmark so that it can be found again."),
  residualRisk: text(10, 5_000, "State the residual risk that remains after all reasonable effort."),
  residualRiskHolder: text(3, 300, "Name who holds the residual risk (land user, ministry, operator…)."),
  remainderReason: z.string().trim().min(3).max(2_000).optional(),
});

/** The authority's handover of released land to its users, with who attended by sex and age. */
export const ZHandover = z
  .object({
    handoverDate: ZDate,
    recipient: z.string().trim().min(3, "Name who received the land (person, community or institution).").max(300),
    attendeesWomen: people,
    attendeesMen: people,
    attendeesGirls: people,
    attendeesBoys: people,
  })
  .refine((h) => h.attendeesWomen + h.attendeesMen + h.attendeesGirls + h.attendeesBoys > 0, {
    path: ["attendeesWomen"],
    message: "Record who attended the handover (women, men, girls, boys).",
  });
