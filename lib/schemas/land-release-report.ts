import { z } from "zod";
import { clearanceDepthProblem, MAX_CLEARANCE_DEPTH_CM } from "@/lib/domain/clearance-depth";

const ZDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });

/** The submitting device's id for one submission (a queue item sent again names the same one). */
export const ZClientRef = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, "clientRef is 8 to 64 letters, digits or hyphens (a UUID).");

export const DEVICE_CATEGORIES = [
  "AP_MINE",
  "AT_MINE",
  "IMPROVISED_AP_MINE",
  "IED",
  "UXO",
  "CLUSTER_SUBMUNITION",
  "AXO",
  "SMALL_ARMS_AMMUNITION",
  "OTHER",
] as const;

const ZDeviceCount = z.object({
  type: z.enum(DEVICE_CATEGORIES),
  count: z.int().positive().max(1_000_000),
});

/** Catalogued by their English (lib/i18n/server-messages: reportClearanceDepthRequired, clearanceDepthOnCancelled). */
const DEPTH_MESSAGES = {
  depthRequired:
    "clearanceDepthCm is required for cleared land: give the depth cleared to, in whole centimetres (1 to 1000).",
  depthOnCancelled:
    "clearanceDepthCm is refused for cancelled land: non-technical survey does not dig. " +
    "Leave the depth out, or report the land as reduced or cleared.",
} as const;

/** A partner's land-release report as submitted (the geometry is checked by lib/geo, not here). */
export const ZReportSubmit = z
  .object({
    hazardAreaId: z.string().min(1).optional(),
    method: z.enum(["cancelled", "reduced", "cleared"]),
    periodStart: ZDate,
    periodEnd: ZDate,
    geometry: z.unknown(),
    /** Required when cleared, refused when cancelled, optional when reduced (IMAS 09.10). */
    clearanceDepthCm: z.int().positive().max(MAX_CLEARANCE_DEPTH_CM).optional(),
    devices: z.array(ZDeviceCount).max(50).default([]),
    /** A correction: the approved report of the same task it replaces once approved. */
    supersedesId: z.string().min(1).optional(),
    /** The submitting device's id for this submission: sending it again answers with the report already made. */
    clientRef: ZClientRef.optional(),
  })
  .refine((r) => r.periodStart <= r.periodEnd, {
    path: ["periodEnd"],
    message: "The period must end on or after it starts.",
  })
  .superRefine((r, ctx) => {
    const problem = clearanceDepthProblem(r.method.toUpperCase() as Uppercase<typeof r.method>, r.clearanceDepthCm);
    if (problem) ctx.addIssue({ code: "custom", path: ["clearanceDepthCm"], message: DEPTH_MESSAGES[problem] });
  });

export const ZReportReview = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve") }),
  z.object({
    decision: z.literal("reject"),
    reason: z.string().trim().min(5, "Say why the report is rejected, so the partner can correct it.").max(2_000),
  }),
]);
