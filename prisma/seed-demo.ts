// Demo accounts and demo field data (hazardous areas, tasks, reports,
// grants), accounted with the same domain code as real reports.
import type { Polygon } from "geojson";
import { groupsOfSexAge } from "@/lib/domain/casualties";
import { unreleasedM2 } from "@/lib/domain/completion";
import { countedGeometry, releasedAfterApproval } from "@/lib/domain/land-release";
import { previewRelease } from "@/lib/domain/release-preview";
import { geodesicAreaM2 } from "@/lib/geo/area";
import type { Areal } from "@/lib/geo/boolean";
import { loadGeometryEngine } from "@/lib/geo/engine";
import { type Boundary, locate } from "@/lib/geo/locate";
import { toJson } from "@/lib/server/json";
import { hashPassword } from "@/lib/server/password";
import type { Db } from "@/lib/server/prisma";
import {
  DEMO_ACCOUNTS,
  DEMO_CASUALTIES,
  DEMO_DONOR,
  DEMO_HAZARDS,
  DEMO_PARTNERS,
  DEMO_PASSWORD,
  DEMO_RISK_EDUCATION,
  type DemoHazard,
} from "./demo-data";
import type { GovernorateProps } from "./governorates";
import { seedDemoAccreditations, workScopesOf } from "./seed-accreditations";

const M_PER_DEG_LAT = 110_574;

/** A rectangle of the site between fractions `from`..`to` of its width (west to east). */
function strip(h: DemoHazard, from: number, to: number): Polygon {
  const [lon, lat] = h.centre;
  const dLon = h.widthM / (111_320 * Math.cos((lat * Math.PI) / 180));
  const dLat = h.heightM / M_PER_DEG_LAT;
  const west = lon - dLon / 2;
  const x0 = west + dLon * from;
  const x1 = west + dLon * to;
  const y0 = lat - dLat / 2;
  const y1 = lat + dLat / 2;
  return {
    type: "Polygon",
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

function monthPeriod(month: string): { periodStart: Date; periodEnd: Date } {
  const start = new Date(`${month}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return { periodStart: start, periodEnd: end };
}

export async function seedDemo(db: Db, governorates: readonly Boundary<GovernorateProps>[]): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await loadGeometryEngine();
  await db.$transaction(
    async (tx) => {
      const orgId = async (name: string, role: "OPERATOR" | "DONOR", shortName: string) =>
        (
          await tx.organisation.upsert({
            where: { name },
            update: {},
            create: { name, shortName, roles: [role], operatorKind: role === "OPERATOR" ? "NGO" : null, isDemo: true },
          })
        ).id;
      const partnerIds = [
        await orgId(DEMO_PARTNERS[0].name, "OPERATOR", DEMO_PARTNERS[0].shortName),
        await orgId(DEMO_PARTNERS[1].name, "OPERATOR", DEMO_PARTNERS[1].shortName),
      ];
      const donorId = await orgId(DEMO_DONOR.name, "DONOR", DEMO_DONOR.shortName);
      await seedDemoAccreditations(tx, partnerIds);

      for (const a of DEMO_ACCOUNTS) {
        const org = await tx.organisation.findUniqueOrThrow({ where: { name: a.organisation } });
        await tx.user.upsert({
          where: { email: a.email },
          update: {},
          create: { email: a.email, name: a.name, role: a.role, organisationId: org.id, passwordHash, isDemo: true },
        });
      }
      const reviewerFor = async (region: string) =>
        tx.user.findUniqueOrThrow({ where: { email: region === "KURDISTAN" ? "ikmaa@demo.test" : "dma@demo.test" } });
      const submitter = await tx.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });

      const grantCode = (p: number) => `DEMO-GRANT-${p + 1}`;
      for (const [i, partnerId] of partnerIds.entries()) {
        const amount = BigInt(i === 0 ? 1_500_000_00 : 900_000_00);
        await tx.grant.upsert({
          where: { code: grantCode(i) },
          update: {},
          create: {
            code: grantCode(i),
            title: `Demo grant ${i + 1}: land release`,
            donorId,
            partnerId,
            amountMinor: amount,
            currency: "USD",
            amountUsdCents: amount,
            fiscalYear: 2025,
            periodStart: new Date("2025-01-01T00:00:00Z"),
            periodEnd: new Date("2026-12-31T00:00:00Z"),
            isDemo: true,
            // The first grant states what its money is for (land release, risk education, victim assistance,
            // capacity); the second does not, as most records do not: the funding page shows both cases.
            ...(i === 0
              ? {
                  activitySplit: {
                    create: { landReleaseBp: 8_500, eoreBp: 1_000, victimAssistanceBp: 0, capacityBp: 500 },
                  },
                }
              : {}),
            transactions: {
              create: [
                {
                  donorId,
                  type: "INCOMING_COMMITMENT",
                  date: new Date("2025-01-15T00:00:00Z"),
                  amountMinor: amount,
                  currency: "USD",
                  amountUsdCents: amount,
                  isDemo: true,
                },
                {
                  donorId,
                  type: "DISBURSEMENT",
                  date: new Date("2025-03-01T00:00:00Z"),
                  amountMinor: amount / 2n,
                  currency: "USD",
                  amountUsdCents: amount / 2n,
                  isDemo: true,
                },
                {
                  donorId,
                  type: "EXPENDITURE",
                  date: new Date("2025-12-31T00:00:00Z"),
                  amountMinor: (amount * 2n) / 5n,
                  currency: "USD",
                  amountUsdCents: (amount * 2n) / 5n,
                  isDemo: true,
                },
              ],
            },
          },
        });
      }

      let created = 0;
      for (const [index, h] of DEMO_HAZARDS.entries()) {
        if (await tx.hazardArea.findUnique({ where: { code: h.code } })) continue;
        created++;
        const geometry = strip(h, 0, 1);
        const pcode = locate(geometry, governorates)?.properties.pcode;
        if (pcode !== h.expectedPcode)
          throw new Error(`Demo site ${h.code} falls in ${pcode}, expected ${h.expectedPcode}`);
        const governorate = await tx.governorate.findUniqueOrThrow({ where: { pcode: pcode! } });
        const reviewer = await reviewerFor(governorate.region);
        const hazard = await tx.hazardArea.create({
          data: {
            code: h.code,
            name: h.name,
            kind: h.kind,
            contamination: h.contamination,
            landUse: h.landUse,
            priorityRank: h.priorityRank,
            governoratePcode: governorate.pcode,
            authorityId: governorate.authorityId!,
            geometry: toJson(geometry),
            areaM2: geodesicAreaM2(geometry),
            // Surveyed before their tasks' work (from 2024-10): the review warns of a report dated before its area's
            // registration, and every demo report had been, the areas dating from the day the demo was seeded.
            informationDate: new Date("2024-09-01T00:00:00Z"),
            isDemo: true,
            createdById: reviewer.id,
          },
        });
        const partnerId = partnerIds[h.partner]!;
        const path = ["PLANNED", "ASSIGNED", "IN_PROGRESS", "COMPLETED"] as const;
        const task = await tx.task.create({
          data: {
            code: `DEMO-TASK-${String(index + 1).padStart(3, "0")}`,
            title: `Demo task: ${h.name.replace(/^Demo: /, "")}`,
            authorityId: governorate.authorityId!,
            partnerId,
            priority: h.priorityRank,
            status: h.taskStatus,
            plannedStart: new Date("2024-10-01T00:00:00Z"),
            plannedEnd: new Date("2026-06-30T00:00:00Z"),
            workScopes: workScopesOf(h),
            isDemo: true,
            createdById: reviewer.id,
            hazardAreas: { create: { hazardAreaId: hazard.id } },
            grants: {
              create: { grantId: (await tx.grant.findUniqueOrThrow({ where: { code: grantCode(h.partner) } })).id },
            },
            statusChanges: {
              create: path.slice(0, path.indexOf(h.taskStatus) + 1).map((to, k) => ({
                fromStatus: k === 0 ? null : path[k - 1],
                toStatus: to,
                byUserId: reviewer.id,
              })),
            },
          },
        });

        let released: Areal | null = null;
        let releasedM2 = 0;
        const byMethod = { CANCELLED: 0, REDUCED: 0, CLEARED: 0 };
        for (const r of h.releases) {
          const submitted = strip(h, r.from, r.to);
          const account = previewRelease(submitted, { code: h.code, geometry, released });
          const approved = r.status === "APPROVED";
          const counted = countedGeometry(account.insideGeometry, released);
          if (approved) {
            released = releasedAfterApproval(released, account.insideGeometry);
            releasedM2 += account.countedAreaM2;
            byMethod[r.method] += account.countedAreaM2;
          }
          const { periodStart, periodEnd } = monthPeriod(r.month);
          await tx.landReleaseReport.create({
            data: {
              taskId: task.id,
              hazardAreaId: hazard.id,
              partnerId,
              method: r.method,
              periodStart,
              periodEnd,
              submittedGeometry: toJson(submitted),
              submittedAreaM2: account.submittedAreaM2,
              outsideHazardM2: account.outsideHazardM2,
              alreadyReleasedM2: account.alreadyReleasedM2,
              countedAreaM2: account.countedAreaM2,
              countedGeometry: counted ? toJson(counted) : undefined,
              clearanceDepthCm: r.method === "CLEARED" ? 30 : null,
              status: r.status,
              submittedById: submitter.id,
              submittedAt: periodEnd,
              reviewedById: r.status === "SUBMITTED" ? null : reviewer.id,
              reviewedAt: r.status === "SUBMITTED" ? null : periodEnd,
              reviewReason:
                r.status === "REJECTED"
                  ? "Demo: clearance depth not documented for the north-east lanes; resubmit with QC sheets."
                  : null,
              isDemo: true,
              devices: {
                create: Object.entries(r.devices ?? {}).map(([category, count]) => ({
                  category: category as never,
                  count: count!,
                })),
              },
            },
          });
        }
        if (released) {
          await tx.hazardArea.update({
            where: { id: hazard.id },
            // The sum of the counted areas, as approvals keep it, so the reports add up to it exactly.
            data: { releasedGeometry: toJson(released), releasedM2 },
          });
        }
        if (h.taskStatus === "COMPLETED") {
          // A completed task has its completion report; the handover is left for the authority to record.
          const last = h.releases.map((r) => monthPeriod(r.month).periodEnd).sort((a, b) => +b - +a)[0]!;
          // As completeTask stores it: the task's own land (its releases are the area's only ones here), its m² by
          // method, and what of the area is left unreleased, recorded as such.
          const remainderM2 = unreleasedM2([{ areaM2: hazard.areaM2, releasedM2 }]);
          const [lon, lat] = geometry.coordinates[0]![0]!;
          await tx.completionReport.create({
            data: {
              taskId: task.id,
              completedOn: last,
              clearanceDepthCm: 30,
              qaNotes: "Demo: QA sampling of 10 % of cleared lanes found nothing.",
              geometry: released ? toJson(released) : undefined,
              markers: "Demo: painted stone cairns at each turning point, red-and-white pickets every 25 m.",
              benchmark: toJson({ type: "Point", coordinates: [lon, lat] }),
              benchmarkDescription: "Demo: concrete post at the south-west corner, 1 m high, painted red.",
              residualRisk:
                "Demo: all reasonable effort was made; items below the clearance depth cannot be ruled out.",
              residualRiskHolder: "The land user, with the authority informed",
              remainderM2,
              remainderReason:
                remainderM2 > 0 ? "Demo: remains a hazardous area, access denied by the land owner." : null,
              cancelledM2: byMethod.CANCELLED,
              reducedM2: byMethod.REDUCED,
              clearedM2: byMethod.CLEARED,
              submittedById: submitter.id,
            },
          });
        }
      }
      // Risk education and accidents, once: the first screen shows them as it shows releases.
      if (!(await tx.riskEducationSession.count({ where: { isDemo: true } }))) {
        const admin = await tx.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
        await tx.riskEducationSession.createMany({
          data: DEMO_RISK_EDUCATION.map(({ partner, governorate, heldOn, ...s }) => ({
            ...s,
            partnerId: partnerIds[partner]!,
            governoratePcode: governorate,
            heldOn: new Date(`${heldOn}T00:00:00Z`),
            recordedById: partner === 0 ? submitter.id : admin.id,
            isDemo: true,
          })),
        });
      }
      if (!(await tx.casualtyIncident.count({ where: { isDemo: true } }))) {
        const people = (p: { women?: number; men?: number; girls?: number; boys?: number }) => ({
          women: p.women ?? 0,
          men: p.men ?? 0,
          girls: p.girls ?? 0,
          boys: p.boys ?? 0,
        });
        for (const c of DEMO_CASUALTIES) {
          const governorate = await tx.governorate.findUniqueOrThrow({
            where: { pcode: c.governorate },
            select: { authorityId: true, region: true },
          });
          if (!governorate.authorityId)
            throw new Error(`Demo accident in ${c.governorate}, a governorate without its authority.`);
          await tx.casualtyIncident.create({
            data: {
              authorityId: governorate.authorityId,
              governoratePcode: c.governorate,
              occurredOn: new Date(`${c.occurredOn}T00:00:00Z`),
              place: c.place,
              deviceCategories: [c.device],
              // The demo's accidents are on farmland, tracks and orchards: civilians.
              counts: {
                create: [
                  ...groupsOfSexAge("KILLED", people(c.killed), "CIVILIAN"),
                  ...groupsOfSexAge("INJURED", people(c.injured), "CIVILIAN"),
                ],
              },
              recordedById: (await reviewerFor(governorate.region)).id,
              isDemo: true,
            },
          });
        }
      }
      if (created > 0) {
        await tx.auditEvent.create({
          data: { action: "seed.demo", entityType: "Database", entityId: "demo", after: { hazardAreas: created } },
        });
      }
    },
    { timeout: 120_000 },
  );
}
