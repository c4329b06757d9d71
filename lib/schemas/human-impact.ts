import { z } from "zod";
import { programmeDay } from "@/lib/domain/calendar";
import { everyone } from "@/lib/domain/human-impact";
import { DEVICE_CATEGORIES, ZClientRef } from "./land-release-report";

/** A day as YYYY-MM-DD, not after today in Iraq: sessions and accidents are recorded after they happen. */
const ZPastDay = z.iso
  .date({ error: "Use a date as YYYY-MM-DD." })
  .refine(
    (d) => d <= programmeDay(),
    "The date is in the future: record a session or an accident once it has happened.",
  );
const ZPcode = z.string().regex(/^IQG\d{2}$/, "Choose the governorate by its P-code, e.g. IQG11 for Erbil.");
const ZPlace = z.string().trim().min(2, "Name the place: village, school, camp or district.").max(200);
const people = z
  .int("Count people as a whole number.")
  .min(0, "A count of people cannot be negative.")
  .max(100_000)
  .default(0);
const ZPeople = z.object({ women: people, men: people, girls: people, boys: people });

// A record is never edited: a correction is a new record naming the one it
// replaces, with why; a withdrawal names a record that should not have been
// made at all (entered twice, or in error). Both stay in the history.
const ZCorrectionNote = z.string().trim().min(5, "Say why the record is corrected or withdrawn.").max(1_000);
const correction = { supersedesId: z.string().min(1).max(64).optional(), correctionNote: ZCorrectionNote.optional() };
const noteWithCorrection = (r: { supersedesId?: string; correctionNote?: string }) =>
  !r.supersedesId || !!r.correctionNote;
const NOTE_NEEDED = { path: ["correctionNote"], message: "Say why the record is corrected or withdrawn." };

/** Withdraws a session or an accident record. */
export const ZWithdrawal = z.object({
  supersedesId: z.string().min(1).max(64),
  withdrawn: z.literal(true),
  correctionNote: ZCorrectionNote,
});

export function isWithdrawal(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { withdrawn?: unknown }).withdrawn === true;
}

/** An EORE session a partner delivered, with beneficiaries by sex and age (or its correction). */
export const ZRiskEducationSession = z
  .object({
    heldOn: ZPastDay,
    governorate: ZPcode,
    place: ZPlace,
    women: people,
    men: people,
    girls: people,
    boys: people,
    ...correction,
    /** Sending it again (from the device's queue) answers with the session already recorded. */
    clientRef: ZClientRef.optional(),
  })
  .refine((s) => everyone(s) > 0, {
    path: ["women"],
    message: "Record who attended the session (women, men, girls, boys).",
  })
  .refine(noteWithCorrection, NOTE_NEEDED);

/** An explosive ordnance accident, with the people killed and injured by sex and age (or its correction). */
export const ZCasualtyIncident = z
  .object({
    occurredOn: ZPastDay,
    governorate: ZPcode,
    place: ZPlace,
    deviceCategory: z.enum(DEVICE_CATEGORIES, "Choose the kind of device."),
    killed: ZPeople.default({ women: 0, men: 0, girls: 0, boys: 0 }),
    injured: ZPeople.default({ women: 0, men: 0, girls: 0, boys: 0 }),
    ...correction,
    /** Sending it again (from the device's queue) answers with the accident already recorded. */
    clientRef: ZClientRef.optional(),
  })
  .refine((c) => everyone(c.killed) + everyone(c.injured) > 0, {
    path: ["killed", "women"],
    message: "Record the people killed or injured (women, men, girls, boys).",
  })
  .refine(noteWithCorrection, NOTE_NEEDED);
