import { z } from "zod";

const ZDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });
const people = z.int().min(0).max(100_000).default(0);

/** The partner's completion report (IMAS 08.30): when the work ended, to what depth, quality-assurance notes. */
export const ZCompletion = z.object({
  completedOn: ZDate,
  clearanceDepthCm: z.int().positive().max(1_000).optional(),
  qaNotes: z.string().trim().max(5_000).optional(),
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
