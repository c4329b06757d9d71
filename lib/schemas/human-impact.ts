import { z } from "zod";
import { everyone } from "../domain/human-impact";
import { DEVICE_CATEGORIES } from "./land-release-report";

/** A day as YYYY-MM-DD, not after today (UTC): sessions and accidents are recorded after they happen. */
const ZPastDay = z.iso.date({ error: "Use a date as YYYY-MM-DD." }).refine((d) => d <= new Date().toISOString().slice(0, 10), "The date is in the future: record a session or an accident once it has happened.");
const ZPcode = z.string().regex(/^IQG\d{2}$/, "Choose the governorate by its P-code, e.g. IQG06 for Erbil.");
const ZPlace = z.string().trim().min(2, "Name the place: village, school, camp or district.").max(200);
const people = z.int("Count people as a whole number.").min(0, "A count of people cannot be negative.").max(100_000).default(0);
const ZPeople = z.object({ women: people, men: people, girls: people, boys: people });

/** An EORE session a partner delivered, with beneficiaries by sex and age. */
export const ZRiskEducationSession = z
  .object({ heldOn: ZPastDay, governorate: ZPcode, place: ZPlace, women: people, men: people, girls: people, boys: people })
  .refine((s) => everyone(s) > 0, { path: ["women"], message: "Record who attended the session (women, men, girls, boys)." });

/** An explosive ordnance accident, with the people killed and injured by sex and age. */
export const ZCasualtyIncident = z
  .object({
    occurredOn: ZPastDay,
    governorate: ZPcode,
    place: ZPlace,
    deviceCategory: z.enum(DEVICE_CATEGORIES, "Choose the kind of device."),
    killed: ZPeople.default({ women: 0, men: 0, girls: 0, boys: 0 }),
    injured: ZPeople.default({ women: 0, men: 0, girls: 0, boys: 0 }),
  })
  .refine((c) => everyone(c.killed) + everyone(c.injured) > 0, { path: ["killed", "women"], message: "Record the people killed or injured (women, men, girls, boys)." });

export type TRiskEducationSession = z.infer<typeof ZRiskEducationSession>;
export type TCasualtyIncident = z.infer<typeof ZCasualtyIncident>;
