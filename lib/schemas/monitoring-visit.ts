import { z } from "zod";

const ZDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });
const text = (max: number) => z.string().trim().min(1).max(max);

/** A non-conformity found on a monitoring visit, with the corrective action required and its deadline (IMAS 07.40). */
export const ZNonConformity = z.object({
  description: text(2_000),
  severity: z.enum(["MINOR", "MAJOR", "CRITICAL"]),
  correctiveAction: text(2_000),
  deadline: ZDate,
});

/** A quality-assurance visit of the authority to an operator's team on a task. */
export const ZMonitoringVisit = z
  .object({
    team: text(200),
    visitedOn: ZDate,
    inspector: text(200),
    findings: text(5_000),
    nonConformities: z.array(ZNonConformity).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    v.nonConformities.forEach((n, i) => {
      if (n.deadline < v.visitedOn)
        ctx.addIssue({
          code: "custom",
          path: ["nonConformities", i, "deadline"],
          message: "The deadline of a corrective action is on or after the visit.",
        });
    });
  });

/** The authority verifies a corrective action was taken: the day and what it saw. */
export const ZNonConformityClosure = z.object({
  closedOn: ZDate,
  note: text(2_000),
});
