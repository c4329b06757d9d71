import { createHash } from "node:crypto";
import { refusal } from "@/lib/i18n/refusals";
import { type TFundingImportRow, ZFundingImport } from "@/lib/schemas/funding-import";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { nonDonorNamed } from "@/lib/server/queries/organisations";

/** The same row from the same source imports once, whatever file it comes in. */
const grantCode = (r: TFundingImportRow, source: string) =>
  `IMPORT-${r.year}-${createHash("sha256").update([r.donor, r.year, r.amountMinor, r.currency, r.usdCents, source].join("|")).digest("hex").slice(0, 12).toUpperCase()}`;

/**
 * Imports donor contributions (Landmine Monitor's shape) as grants, each
 * with the disbursement the source reports and the activity split the row
 * states (none when it states none), in one transaction with one audit
 * event; rows already imported from the same source are skipped.
 */
export async function importFunding(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "funding:write")) throw new CommandError("forbidden", refusal("onlyAdminImportsFunding"));
  const { source, rows } = parseOrRefuse(ZFundingImport, body, "fundingRowsInvalid");
  const names = [...new Set(rows.map((r) => r.donor))];
  const clash = await nonDonorNamed(db, names);
  if (clash)
    throw new CommandError(
      "invalid_request",
      refusal("donorNameTaken", { name: clash.name, type: clash.roles.join(", ").toLowerCase() }),
    );
  return db.$transaction(
    async (tx) => {
      const donors = new Map<string, string>();
      for (const name of names) {
        const org = await tx.organisation.upsert({
          where: { name },
          update: {},
          create: { name, roles: ["DONOR"] },
          select: { id: true },
        });
        donors.set(name, org.id);
      }
      const codes = rows.map((r) => grantCode(r, source));
      const existing = new Set(
        (await tx.grant.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((g) => g.code),
      );
      let created = 0;
      for (const [i, r] of rows.entries()) {
        if (existing.has(codes[i]!)) continue;
        existing.add(codes[i]!);
        const donorId = donors.get(r.donor)!;
        await tx.grant.create({
          data: {
            code: codes[i]!,
            title: `${r.donor}: support to mine action in Iraq, ${r.year}`,
            donorId,
            amountMinor: BigInt(r.amountMinor),
            currency: r.currency,
            amountUsdCents: BigInt(r.usdCents),
            fiscalYear: r.year,
            source,
            ...(r.split ? { activitySplit: { create: r.split } } : {}),
            transactions: {
              create: {
                donorId,
                type: "DISBURSEMENT",
                date: new Date(Date.UTC(r.year, 11, 31)),
                amountMinor: BigInt(r.amountMinor),
                currency: r.currency,
                amountUsdCents: BigInt(r.usdCents),
                description: `Contribution for ${r.year}, imported`,
                source,
              },
            },
          },
        });
        created++;
      }
      const result = { created, skipped: rows.length - created, rows: rows.length };
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "funding.import",
        entityType: "Grant",
        entityId: "import",
        after: { source, ...result },
      });
      if (created > 0) await bumpDataVersion(tx);
      return result;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
