import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type ListPageProps, openListPage, PagedTable } from "@/app/(app)/list-page";
import { FilesOfListedRecord } from "@/app/(app)/record-attachments";
import { CasualtyForm, type Correcting } from "@/components/human-impact/forms";
import { VictimAssistanceFigures } from "@/components/human-impact/victim-assistance-figures";
import { VictimAssistanceForm } from "@/components/human-impact/victim-assistance-form";
import type { Column } from "@/components/ui/data-table";
import { casualtyTotals, childrenIn, pointOf, STATUSES, tallyCasualties } from "@/lib/domain/casualties";
import { formatCount, formatDate } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { getDb } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { attachmentsOf } from "@/lib/server/queries/attachments";
import { governorateChoices } from "@/lib/server/queries/governorates";
import { accidentToCorrect, casualtyPage } from "@/lib/server/queries/human-impact";
import { accidentChoices, victimAssistanceFigures } from "@/lib/server/queries/victim-assistance";

type Row = Awaited<ReturnType<typeof casualtyPage>>["rows"][number];

/** Explosive ordnance accidents: authorities record and correct those in their governorates; every role reads them. */
export default async function CasualtiesPage(props: ListPageProps) {
  const { user, params, page } = await openListPage("/casualties", props);
  const db = await getDb();
  const recording = can(user, "casualty:record");
  const correctId = recording && typeof params.correct === "string" ? params.correct : null;
  const [{ total, rows }, governorates, t, tDevice, tStatus, locale, toCorrect] = await Promise.all([
    casualtyPage(db, page),
    recording ? governorateChoices(db, user.organisationId) : [],
    getTranslations("humanImpact"),
    getTranslations("device"),
    getTranslations("casualtyStatus"),
    getLocale(),
    correctId ? accidentToCorrect(db, user, correctId) : null,
  ]);
  const assisting = can(user, "victimAssistance:record");
  const [tFiles, tAssistance, assistance, vaGovernorates] = await Promise.all([
    getTranslations("attachments"),
    getTranslations("victimAssistance"),
    victimAssistanceFigures(db, user),
    assisting ? governorateChoices(db, user.role === "AUTHORITY" ? user.organisationId : undefined) : [],
  ]);
  const accidents = assisting
    ? await accidentChoices(
        db,
        user,
        vaGovernorates.map((g) => g.pcode),
      )
    : [];
  const filesOf = typeof params.attachments === "string" ? params.attachments : null;
  const files = filesOf ? await attachmentsOf(db, user, "accident", filesOf) : null;
  const correcting: Correcting | undefined = toCorrect
    ? {
        id: toCorrect.id,
        title: t("correctAccident", { day: formatDate(toCorrect.occurredOn, locale), place: toCorrect.place }),
        values: {
          occurredOn: toCorrect.occurredOn.toISOString().slice(0, 10),
          governorate: toCorrect.governoratePcode,
          place: toCorrect.place,
        },
        accident: {
          devices: toCorrect.deviceCategories,
          location: pointOf(toCorrect.location),
          groups: toCorrect.counts,
        },
        list: "/casualties",
      }
    : undefined;
  const columns: Column<Row>[] = [
    { key: "occurredOn", header: t("occurredOn"), cell: (c) => formatDate(c.occurredOn, locale) },
    { key: "governorate", header: t("governorate"), cell: (c) => governorateName(c.governorate, locale) },
    { key: "place", header: t("place"), cell: (c) => c.place },
    {
      key: "device",
      header: t("device"),
      cell: (c) =>
        c.deviceCategories.length ? c.deviceCategories.map((d) => tDevice(d)).join(", ") : t("deviceUnknown"),
    },
    { key: "killed", header: t("killed"), numeric: true, cell: (c) => casualtyTotals(c.counts).killed },
    { key: "injured", header: t("injured"), numeric: true, cell: (c) => casualtyTotals(c.counts).injured },
    {
      key: "unknownOutcome",
      header: t("unknownOutcome"),
      numeric: true,
      cell: (c) => casualtyTotals(c.counts).unknownOutcome,
    },
    { key: "total", header: t("total"), numeric: true, cell: (c) => casualtyTotals(c.counts).total },
    {
      key: "children",
      header: t("children"),
      numeric: true,
      cell: (c) => childrenIn(tallyCasualties(c.counts)),
    },
    {
      key: "status",
      header: t("status"),
      cell: (c) => {
        const byStatus = tallyCasualties(c.counts).byStatus;
        return STATUSES.filter((st) => byStatus[st] > 0)
          .map((st) => `${tStatus(st)} ${formatCount(byStatus[st], locale)}`)
          .join(", ");
      },
    },
    {
      key: "location",
      header: t("location"),
      cell: (c) => {
        const p = pointOf(c.location);
        return p ? `${p.lon}, ${p.lat}` : "";
      },
    },
    { key: "authority", header: t("authority"), cell: (c) => c.authority.name },
    { key: "correction", header: t("correction"), cell: (c) => c.correctionNote ?? "" },
    {
      key: "files",
      header: tFiles("column"),
      cell: (c) => <Link href={`/casualties?attachments=${c.id}#attachments`}>{tFiles("open")}</Link>,
    },
    ...(recording
      ? [
          {
            key: "correct",
            header: t("correct"),
            cell: (c: Row) =>
              c.authorityId === user.organisationId ? (
                <Link href={`/casualties?correct=${c.id}#record`}>{t("correct")}</Link>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <h1>{t("casualtiesTitle")}</h1>
      <p className="note">{t("casualtiesIntro")}</p>
      {correctId && !toCorrect && (
        <p className="error" role="alert">
          {t("cannotCorrect")}
        </p>
      )}
      {recording && (
        <CasualtyForm
          governorates={governorates.map((g) => ({ pcode: g.pcode, name: governorateName(g, locale) }))}
          correcting={correcting}
        />
      )}
      <section aria-labelledby="victim-assistance-title">
        <h2 id="victim-assistance-title">{tAssistance("title")}</h2>
        <p className="note">{tAssistance("intro")}</p>
        <VictimAssistanceFigures rows={assistance} locale={locale} />
        {assisting && (
          <VictimAssistanceForm
            governorates={vaGovernorates.map((g) => ({ value: g.pcode, label: governorateName(g, locale) }))}
            accidents={accidents.map((a) => ({
              value: a.id,
              label: `${formatDate(a.occurredOn, locale)} · ${a.place} (${a.governoratePcode})`,
            }))}
          />
        )}
      </section>
      {filesOf && <FilesOfListedRecord subjectType="accident" found={files} closeHref="/casualties" />}
      <PagedTable
        path="/casualties"
        params={params}
        page={page}
        total={total}
        label={t("casualtiesTitle")}
        rows={rows}
        columns={columns}
        rowKey={(c) => c.id}
        empty={t("noAccidents")}
      />
    </>
  );
}
