import { z } from "zod";
import { TASK_WORK_SCOPES } from "@/lib/domain/accreditation";

/** The kinds of work a task order asks for, as the API spells them (nts, ts, clearance, eod). */
export const ZWorkScopes = z
  .array(z.enum(TASK_WORK_SCOPES.map((s) => s.toLowerCase()) as ["nts", "ts", "clearance", "eod"]))
  .min(1)
  .max(TASK_WORK_SCOPES.length)
  .transform((scopes) => [...new Set(scopes)].map((s) => s.toUpperCase() as (typeof TASK_WORK_SCOPES)[number]));

/** An authority's task order for hazardous areas, assigned to a partner or planned for later, with the grants that fund it. */
export const ZTaskCreate = z.object({
  title: z.string().trim().min(3).max(200),
  hazardAreaIds: z.array(z.string().min(1)).min(1, "A task covers at least one hazardous area.").max(100),
  partnerId: z.string().min(1).optional(),
  /** What the operator must be accredited for; a task order that names none asks for clearance, as most do. */
  workScopes: ZWorkScopes.default(["CLEARANCE"]),
  priority: z.int().min(1).max(1_000),
  plannedStart: z.iso.date().optional(),
  plannedEnd: z.iso.date().optional(),
  /** Grants funding the task, each with its share in basis points (10000 = all of it). */
  grants: z
    .array(z.object({ grantId: z.string().min(1), shareBp: z.int().min(1).max(10_000).default(10_000) }))
    .max(20)
    .refine(
      (g) => g.reduce((s, x) => s + x.shareBp, 0) <= 10_000,
      "The grants' shares add up to more than 100 % of the task: lower one of them.",
    )
    .refine((g) => new Set(g.map((x) => x.grantId)).size === g.length, "A grant is named twice.")
    .default([]),
});

/** One step along a task's lifecycle, to the status named. */
export const ZTaskTransition = z.object({
  to: z.enum(["planned", "assigned", "in_progress", "completed", "handed_over", "cancelled"]),
  partnerId: z.string().min(1).optional(),
  note: z.string().trim().max(2_000).optional(),
});
