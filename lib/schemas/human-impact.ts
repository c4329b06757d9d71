import { z } from "zod";
import { programmeDay } from "@/lib/domain/calendar";
import { AGES, OUTCOMES, repeatedGroup, SEXES, STATUSES } from "@/lib/domain/casualties";
import { everyone } from "@/lib/domain/human-impact";
import { DEVICE_CATEGORIES, ZClientRef } from "./land-release-report";

/** A day as YYYY-MM-DD, not after today in Iraq: sessions and accidents are recorded after they happen. */
export const ZPastDay = z.iso
  .date({ error: "Use a date as YYYY-MM-DD." })
  .refine(
    (d) => d <= programmeDay(),
    "The date is in the future: record a session or an accident once it has happened.",
  );
export const ZPcode = z.string().regex(/^IQG\d{2}$/, "Choose the governorate by its P-code, e.g. IQG11 for Erbil.");
const ZPlace = z.string().trim().min(2, "Name the place: village, school, camp or district.").max(200);
export const people = z
  .int("Count people as a whole number.")
  .min(0, "A count of people cannot be negative.")
  .max(100_000)
  .default(0);

// A record is never edited: a correction is a new record naming the one it
// replaces, with why; a withdrawal names a record that should not have been
// made at all (entered twice, or in error). Both stay in the history.
const ZCorrectionNote = z.string().trim().min(5, "Say why the record is corrected or withdrawn.").max(1_000);
export const correction = {
  supersedesId: z.string().min(1).max(64).optional(),
  correctionNote: ZCorrectionNote.optional(),
};
export const noteWithCorrection = (r: { supersedesId?: string; correctionNote?: string }) =>
  !r.supersedesId || !!r.correctionNote;
export const NOTE_NEEDED = { path: ["correctionNote"], message: "Say why the record is corrected or withdrawn." };

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

/** People of one outcome, sex, age and status in an accident; what the record does not know is UNKNOWN. */
export const ZCasualtyGroup = z.object({
  outcome: z.enum(OUTCOMES),
  sex: z.enum(SEXES),
  age: z.enum(AGES),
  status: z.enum(STATUSES),
  count: z.int("Count people as a whole number.").min(1, "A group counts at least one person.").max(100_000),
});

/** Where an accident happened: a GeoJSON point, longitude then latitude in WGS84 degrees. */
export const ZAccidentLocation = z.object({
  type: z.literal("Point"),
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
});

/**
 * An explosive ordnance accident (or its correction): the devices that caused
 * it (none when not known), where it happened (optionally the point, which
 * must lie in the governorate), and its casualties in groups by outcome, sex,
 * age and status.
 */
export const ZCasualtyIncident = z
  .object({
    occurredOn: ZPastDay,
    governorate: ZPcode,
    place: ZPlace,
    devices: z.array(z.enum(DEVICE_CATEGORIES, "Choose the kind of device.")).max(DEVICE_CATEGORIES.length).default([]),
    location: ZAccidentLocation.optional(),
    casualties: z.array(ZCasualtyGroup).max(OUTCOMES.length * SEXES.length * AGES.length * STATUSES.length),
    ...correction,
    /** Sending it again (from the device's queue) answers with the accident already recorded. */
    clientRef: ZClientRef.optional(),
  })
  .refine((c) => c.casualties.length > 0, {
    path: ["casualties"],
    message: "Record the people killed, injured or of unknown outcome, by sex, age and status as far as known.",
  })
  .refine((c) => repeatedGroup(c.casualties) === null, {
    path: ["casualties"],
    message: "A group (outcome, sex, age and status) is given twice: give it once with everyone in it.",
  })
  .refine((c) => new Set(c.devices).size === c.devices.length, {
    path: ["devices"],
    message: "A kind of device is given twice: give each kind once.",
  })
  .refine(noteWithCorrection, NOTE_NEEDED);
