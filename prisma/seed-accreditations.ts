// The demo operators' accreditations (IMAS 07.30), so the demo's task orders went to accredited operators: each
// demo operator by the authority of every region it has a demo task in, and IKMAA's own teams by IKMAA.
import type { Db } from "@/lib/server/prisma";
import {
  DEMO_ACCREDITATION_PERIOD,
  DEMO_HAZARDS,
  DEMO_RISK_EDUCATION,
  DEMO_TASK_SCOPES,
  type DemoHazard,
} from "./demo-data";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const SCOPE_OF_METHOD = { CANCELLED: "NTS", REDUCED: "TS", CLEARED: "CLEARANCE" } as const;

/** A demo task asks for the work its releases were done by (as the migration derived it for existing tasks). */
export function workScopesOf(h: DemoHazard) {
  const scopes = new Set(h.releases.map((r) => SCOPE_OF_METHOD[r.method]));
  return scopes.size ? [...scopes] : (["CLEARANCE"] as const).slice();
}

export async function seedDemoAccreditations(tx: Tx, partnerIds: readonly string[]) {
  const validFrom = new Date(`${DEMO_ACCREDITATION_PERIOD.validFrom}T00:00:00Z`);
  const validTo = new Date(`${DEMO_ACCREDITATION_PERIOD.validTo}T00:00:00Z`);
  // Roles are matched here, not in the where: see listOrganisations.
  const authorities = (
    await tx.organisation.findMany({
      where: { region: { not: null } },
      select: { id: true, shortName: true, region: true, roles: true },
    })
  ).filter((a) => a.roles.includes("AUTHORITY"));
  const regionOf = new Map(
    (await tx.governorate.findMany({ select: { pcode: true, region: true } })).map((g) => [g.pcode, g.region]),
  );
  const holders: { operatorId: string; authority: (typeof authorities)[number]; eore: boolean }[] = [];
  for (const [index, operatorId] of partnerIds.entries()) {
    const regions = new Set(DEMO_HAZARDS.filter((h) => h.partner === index).map((h) => regionOf.get(h.expectedPcode)));
    const eore = DEMO_RISK_EDUCATION.some((s) => s.partner === index);
    for (const authority of authorities.filter((a) => regions.has(a.region!)))
      holders.push({ operatorId, authority, eore });
  }
  for (const authority of authorities.filter((a) => a.roles.includes("OPERATOR")))
    holders.push({ operatorId: authority.id, authority, eore: true });
  for (const [n, h] of holders.entries()) {
    const reference = `${h.authority.shortName}-ACC-2024-${String(n + 1).padStart(3, "0")} (demo)`;
    if (await tx.accreditation.findFirst({ where: { reference }, select: { id: true } })) continue;
    await tx.accreditation.create({
      data: {
        operatorId: h.operatorId,
        issuingAuthorityId: h.authority.id,
        scopes: h.eore ? [...DEMO_TASK_SCOPES, "EORE"] : [...DEMO_TASK_SCOPES],
        validFrom,
        validTo,
        reference,
      },
    });
  }
}
