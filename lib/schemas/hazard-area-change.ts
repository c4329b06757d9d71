import { z } from "zod";
import { programmeDay } from "@/lib/domain/calendar";
import { CONTAMINATION_TYPES, ZHazardAreaCreate } from "./hazard-area";

/** The day the change took effect in the field: a survey's date, not after today in Iraq. */
const ZEffectiveDate = z.iso
  .date({ error: "Use a date as YYYY-MM-DD." })
  .refine((d) => d <= programmeDay(), "The date is in the future: record a change once it has happened.");

const basis = {
  effectiveDate: ZEffectiveDate,
  /** What the change rests on: the survey report's reference, the reason. */
  evidence: z.string().trim().min(3, "Say what the change rests on: the survey report, the reason.").max(2_000),
};

const ZCode = ZHazardAreaCreate.shape.code;
const ZName = ZHazardAreaCreate.shape.name;

/**
 * A change an authority makes to one of its hazardous areas, by `change`.
 * Split and merge replace areas with new ones under new codes; the others
 * change the area in place. Each is recorded in the area's history.
 */
export const ZHazardAreaChange = z.discriminatedUnion("change", [
  z
    .object({
      change: z.literal("reclassify"),
      kind: z.enum(["SHA", "CHA"]).optional(),
      contamination: z
        .array(z.enum(CONTAMINATION_TYPES))
        .min(1, "Name at least one contamination type.")
        .max(CONTAMINATION_TYPES.length)
        .optional(),
      ...basis,
    })
    .refine((c) => c.kind || c.contamination, "Give the new kind (SHA or CHA) or contamination, or both."),
  z.object({ change: z.literal("revise"), geometry: z.unknown(), ...basis }),
  z.object({
    change: z.literal("split"),
    /** A polygon drawn across the area: the land inside it becomes the first part, the rest the second. */
    geometry: z.unknown(),
    parts: z.tuple([z.object({ code: ZCode, name: ZName }), z.object({ code: ZCode, name: ZName })]),
    ...basis,
  }),
  z.object({
    change: z.literal("merge"),
    /** The codes of the other areas merged with this one. */
    with: z.array(ZCode).min(1, "Name at least one other area to merge with.").max(50),
    code: ZCode,
    name: ZName,
    ...basis,
  }),
  /**
   * suspend and reopen: work stopped and resumed; withdraw: taken out as
   * recorded in error; closeInvestigation: contamination found on released
   * land investigated. An area closes by itself when all its land is released.
   */
  z.object({ change: z.enum(["suspend", "reopen", "withdraw", "closeInvestigation"]), ...basis }),
]);
export type THazardAreaChange = z.infer<typeof ZHazardAreaChange>;
