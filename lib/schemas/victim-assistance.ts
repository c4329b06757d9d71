import { z } from "zod";
import { VA_SERVICES } from "@/lib/domain/victim-assistance";
import { correction, NOTE_NEEDED, noteWithCorrection, people, ZPastDay, ZPcode } from "./human-impact";
import { ZClientRef } from "./land-release-report";

/**
 * Survivors referred to or given one service (IMAS 13.10) in a period and a
 * governorate, by sex and age (`unknown` where the record does not say),
 * linked to the accident they survived where it is known (or its correction).
 */
export const ZVictimAssistance = z
  .object({
    periodStart: ZPastDay,
    periodEnd: ZPastDay,
    governorate: ZPcode,
    service: z.enum(
      VA_SERVICES,
      "Choose the service: medical care, physical rehabilitation, psychological support or economic inclusion.",
    ),
    women: people,
    men: people,
    girls: people,
    boys: people,
    unknown: people,
    /** The accident the survivors were hurt in, where it is known. */
    incidentId: z.string().min(1).max(64).optional(),
    ...correction,
    /** Sending it again answers with the record already made. */
    clientRef: ZClientRef.optional(),
  })
  .refine((r) => r.periodStart <= r.periodEnd, {
    path: ["periodEnd"],
    message: "The period must end on or after it starts.",
  })
  .refine((r) => r.women + r.men + r.girls + r.boys + r.unknown > 0, {
    path: ["women"],
    message: "Record the survivors assisted (women, men, girls, boys, or of unknown sex and age).",
  })
  .refine(noteWithCorrection, NOTE_NEEDED);
