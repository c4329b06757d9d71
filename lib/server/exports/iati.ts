// Grants and transactions as IATI activity XML, in the grants export's scope and filters.
import "server-only";
import { grantOutputs } from "@/lib/domain/grant-outputs";
import { type IatiOrganisation, iatiActivitiesXml } from "@/lib/exports/iati";
import { refusal } from "@/lib/i18n/refusals";
import { roleWord } from "@/lib/i18n/words";
import type { ExportFilter } from "@/lib/schemas/export-filter";
import { CommandError } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { fundedDevices, fundedOutputsChanged, fundedReleases } from "@/lib/server/queries/funding";
import { type ExportResponse, exportFileName } from "./file-name";
import { grantsWhere } from "./grants";

/**
 * Organisations have no registered IATI identifier in this app yet: each
 * gets a stable reference from its id under a private prefix, to be
 * replaced by the organisation's own (e.g. XM-DAC-5-7 for Germany) once recorded.
 */
const iatiOrg = (o: { id: string; name: string }, type?: string): IatiOrganisation => ({
  ref: `XI-MINEACTION-${o.id}`,
  name: o.name,
  ...(type ? { type } : {}),
});

/** The latest of the dates. */
// biome-ignore lint/complexity/useMathMinMax: Dates; Math.max would turn them into numbers.
const latest = (dates: Date[]) => dates.reduce((a, b) => (b > a ? b : a));

/**
 * Grants, their transactions and their outputs (land released by method and
 * devices destroyed in the tasks they fund, by the grant's share of each
 * task, per year) as IATI 2.03 activity XML, for a caller who may read funding.
 */
export async function iatiXml(db: Db, actor: Actor, f: ExportFilter, now: Date): Promise<ExportResponse> {
  if (!can(actor, "funding:read"))
    throw new CommandError("forbidden", refusal("roleMayNotExportGrants", { role: roleWord(actor.role) }));
  const grants = await db.grant.findMany({
    where: grantsWhere(actor, f),
    orderBy: [{ fiscalYear: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      title: true,
      fiscalYear: true,
      periodStart: true,
      periodEnd: true,
      createdAt: true,
      donor: { select: { id: true, name: true } },
      partner: { select: { id: true, name: true } },
      transactions: {
        orderBy: { date: "asc" },
        select: { type: true, date: true, amountMinor: true, currency: true, description: true, createdAt: true },
      },
    },
  });
  // The schema requires at least one iati-activity: a file without one would be refused by every IATI tool.
  if (!grants.length) {
    throw new CommandError("not_found", refusal("iatiEmpty"));
  }
  const ids = grants.map((g) => g.id);
  const [releases, devices, outputsChanged] = await Promise.all([
    fundedReleases(db, ids),
    fundedDevices(db, ids),
    fundedOutputsChanged(db, ids),
  ]);
  const outputs = grantOutputs(releases, devices);
  const reporter = await db.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: { id: true, name: true },
  });
  // Money is held in hundredths of its currency; IATI wants the decimal amount.
  const decimal = (minor: bigint) =>
    `${minor < 0n ? "-" : ""}${(minor < 0n ? -minor : minor) / 100n}.${((minor < 0n ? -minor : minor) % 100n).toString().padStart(2, "0")}`;
  const xml = iatiActivitiesXml(
    grants.map((g) => ({
      code: g.code,
      title: g.title,
      fiscalYear: g.fiscalYear,
      periodStart: g.periodStart,
      periodEnd: g.periodEnd,
      // The activity changes with its results too: an approval in its tasks changes them.
      lastUpdated: latest([
        g.createdAt,
        ...g.transactions.map((t) => t.createdAt),
        outputsChanged.get(g.id) ?? g.createdAt,
      ]),
      donor: iatiOrg(g.donor),
      partner: g.partner ? iatiOrg(g.partner) : null,
      transactions: g.transactions.map((t) => ({
        type: t.type,
        date: t.date,
        amount: decimal(t.amountMinor),
        currency: t.currency,
        description: t.description,
      })),
      outputs: outputs.get(g.id) ?? [],
    })),
    // IATI OrganisationType: 10 government (the national authorities), 90 other where the app does not know.
    iatiOrg(reporter, actor.role === "AUTHORITY" ? "10" : "90"),
    now,
  );
  return {
    body: new TextEncoder().encode(xml),
    contentType: "application/xml; charset=utf-8",
    fileName: exportFileName("iati.xml", f, now),
    rows: grants.length,
  };
}
