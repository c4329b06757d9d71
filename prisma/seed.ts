// Idempotent seed. Reference data (governorates, authorities, the national
// baseline, Landmine Monitor funding) always; demo accounts and demo field
// data only when asked, and never in production unless explicitly allowed.

import { geodesicAreaM2 } from "@/lib/geo/area";
import { bumpDataVersion } from "@/lib/server/cache";
import { toJson } from "@/lib/server/json";
import type { Db } from "@/lib/server/prisma";
import { readGovernorates } from "./governorates";
import {
  AUTHORITIES,
  GOVERNORATE_NAMES_CKB,
  GOVERNORATE_SOURCE,
  LANDMINE_MONITOR_2018_USD,
  LANDMINE_MONITOR_SOURCE,
  NATIONAL_BASELINE,
} from "./reference-data";
import { seedDemo } from "./seed-demo";

export async function seedReference(db: Db): Promise<void> {
  const governorates = readGovernorates();
  await db.$transaction(
    async (tx) => {
      const firstRun = (await tx.governorate.count()) === 0;
      const authorityId: Record<string, string> = {};
      for (const a of AUTHORITIES) {
        const org = await tx.organisation.upsert({
          where: { name: a.name },
          // The roles follow the reference data at every start: an installation made before IKMAA was an operator is one.
          update: { roles: [...a.roles], operatorKind: a.operatorKind },
          create: {
            name: a.name,
            shortName: a.shortName,
            roles: [...a.roles],
            operatorKind: a.operatorKind,
            region: a.region,
            country: "IQ",
          },
        });
        authorityId[a.region] = org.id;
      }
      for (const g of governorates) {
        const p = g.properties;
        const region = p.kurdistan_region ? "KURDISTAN" : "FEDERAL";
        const data = {
          nameEn: p.name_en,
          nameAr: p.name_ar,
          nameCkb: GOVERNORATE_NAMES_CKB[p.pcode] ?? p.name_en,
          iso3166_2: p.iso_3166_2,
          region,
          authorityId: authorityId[region]!,
          boundary: toJson(g.geometry),
          areaM2: geodesicAreaM2(g.geometry),
          source: GOVERNORATE_SOURCE,
        } as const;
        await tx.governorate.upsert({ where: { pcode: p.pcode }, update: data, create: { pcode: p.pcode, ...data } });
      }
      const baseline = await tx.contaminationBaseline.findFirst({
        where: { kind: "BASELINE", source: NATIONAL_BASELINE.source, governoratePcode: null },
      });
      if (!baseline) await tx.contaminationBaseline.create({ data: { kind: "BASELINE", ...NATIONAL_BASELINE } });

      for (const d of LANDMINE_MONITOR_2018_USD) {
        const donor = await tx.organisation.upsert({
          where: { name: d.donor },
          update: {},
          create: { name: d.donor, roles: ["DONOR"], country: d.country || null },
        });
        const cents = BigInt(d.amountUsd) * 100n;
        const code = `LM2019-IRQ-2018-${d.country || "OTHER"}`;
        const exists = await tx.grant.findUnique({ where: { code } });
        if (exists) continue;
        await tx.grant.create({
          data: {
            code,
            title: `${d.donor}: support to mine action in Iraq, 2018`,
            donorId: donor.id,
            amountMinor: cents,
            currency: "USD",
            amountUsdCents: cents,
            fiscalYear: 2018,
            source: LANDMINE_MONITOR_SOURCE,
            transactions: {
              create: {
                donorId: donor.id,
                type: "DISBURSEMENT",
                date: new Date("2018-12-31T00:00:00Z"),
                amountMinor: cents,
                currency: "USD",
                amountUsdCents: cents,
                description: "Contribution reported by Landmine Monitor for calendar year 2018",
                source: LANDMINE_MONITOR_SOURCE,
              },
            },
          },
        });
      }
      if (firstRun) {
        await tx.auditEvent.create({
          data: {
            action: "seed.reference",
            entityType: "Database",
            entityId: "reference",
            after: { governorates: governorates.length },
          },
        });
      }
    },
    { timeout: 60_000 },
  );
}

export type SeedOptions = { demo: boolean };

/**
 * Demo accounts (with a published password) must not reach a production
 * database by accident: seeded unless NODE_ENV=production; SEED_DEMO=1
 * forces them, SEED_DEMO=0 skips them.
 */
export function demoSeedWanted(env: { NODE_ENV?: string; SEED_DEMO?: string }): boolean {
  if (env.SEED_DEMO === "1") return true;
  if (env.SEED_DEMO === "0") return false;
  return env.NODE_ENV !== "production";
}

export async function seed(db: Db, options: SeedOptions): Promise<void> {
  await seedReference(db);
  if (options.demo) await seedDemo(db, readGovernorates());
  // An app already serving this database drops its cached figures.
  await bumpDataVersion(db);
}
