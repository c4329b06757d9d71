// What the risk-education and casualty tests share: the demo accounts as callers, a second partner, and the
// counts a refused record must leave as they were.
import { actorFor } from "@/tests/helpers/actors";
import type { TestDatabase } from "@/tests/helpers/databases";

export const ERBIL = "IQG11"; // Kurdistan Region: IKMAA
export const NINEWA = "IQG15"; // federal Iraq: DMA

export function humanImpactCallers(t: () => TestDatabase) {
  const actor = (email: string) => actorFor(t().db, email);
  const otherPartner = async () => {
    // An NGO operator other than the demo partner's (IKMAA is an operator too, but an authority).
    const org = await t().db.organisation.findFirstOrThrow({
      where: { operatorKind: "NGO", users: { none: { email: "partner@demo.test" } } },
    });
    const user = await t().db.user.upsert({
      where: { email: "other-partner@test.invalid" },
      update: {},
      create: {
        email: "other-partner@test.invalid",
        name: "Other partner officer",
        passwordHash: "unusable",
        role: "PARTNER",
        organisationId: org.id,
      },
    });
    return { id: user.id, role: "PARTNER" as const, organisationId: org.id };
  };
  const counts = async () => [
    await t().db.riskEducationSession.count(),
    await t().db.casualtyIncident.count(),
    await t().db.auditEvent.count(),
  ];
  return { actor, otherPartner, counts };
}
