import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type ListPageProps, openListPage, PagedTable } from "@/app/(app)/list-page";
import { FilesOfListedRecord } from "@/app/(app)/record-attachments";
import { type Correcting, RiskEducationForm } from "@/components/human-impact/forms";
import type { Column } from "@/components/ui/data-table";
import { ADULT_AGE, everyone } from "@/lib/domain/human-impact";
import { formatCount, formatDate } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { getDb } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { attachmentsOf } from "@/lib/server/queries/attachments";
import { governorateChoices } from "@/lib/server/queries/governorates";
import { riskEducationPage, sessionToCorrect } from "@/lib/server/queries/human-impact";

type Row = Awaited<ReturnType<typeof riskEducationPage>>["rows"][number];

/** EORE sessions: partners record theirs here, and correct them; everyone with the dashboard reads them in their scope. */
export default async function RiskEducationPage(props: ListPageProps) {
  const { user, params, page } = await openListPage("/risk-education", props);
  const db = await getDb();
  const recording = can(user, "riskEducation:record");
  const correctId = recording && typeof params.correct === "string" ? params.correct : null;
  const [{ total, rows }, governorates, t, locale, toCorrect] = await Promise.all([
    riskEducationPage(db, user, page),
    recording ? governorateChoices(db) : [],
    getTranslations("humanImpact"),
    getLocale(),
    correctId ? sessionToCorrect(db, user, correctId) : null,
  ]);
  const tFiles = await getTranslations("attachments");
  const filesOf = typeof params.attachments === "string" ? params.attachments : null;
  const files = filesOf ? await attachmentsOf(db, user, "eoreSession", filesOf) : null;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const correcting: Correcting | undefined = toCorrect
    ? {
        id: toCorrect.id,
        title: t("correctSession", { day: formatDate(toCorrect.heldOn, locale), place: toCorrect.place }),
        values: {
          heldOn: iso(toCorrect.heldOn),
          governorate: toCorrect.governoratePcode,
          place: toCorrect.place,
          women: toCorrect.women,
          men: toCorrect.men,
          girls: toCorrect.girls,
          boys: toCorrect.boys,
        },
        list: "/risk-education",
      }
    : undefined;
  const columns: Column<Row>[] = [
    { key: "heldOn", header: t("heldOn"), cell: (s) => formatDate(s.heldOn, locale) },
    { key: "governorate", header: t("governorate"), cell: (s) => governorateName(s.governorate, locale) },
    { key: "place", header: t("place"), cell: (s) => s.place },
    { key: "partner", header: t("partner"), cell: (s) => s.partner.name },
    { key: "women", header: t("women"), numeric: true, cell: (s) => s.women },
    { key: "men", header: t("men"), numeric: true, cell: (s) => s.men },
    { key: "girls", header: t("girls"), numeric: true, cell: (s) => s.girls },
    { key: "boys", header: t("boys"), numeric: true, cell: (s) => s.boys },
    { key: "total", header: t("total"), numeric: true, cell: (s) => everyone(s) },
    { key: "correction", header: t("correction"), cell: (s) => s.correctionNote ?? "" },
    {
      key: "files",
      header: tFiles("column"),
      cell: (s) => <Link href={`/risk-education?attachments=${s.id}#attachments`}>{tFiles("open")}</Link>,
    },
    ...(recording
      ? [
          {
            key: "correct",
            header: t("correct"),
            cell: (s: Row) =>
              s.partnerId === user.organisationId ? (
                <Link href={`/risk-education?correct=${s.id}#record`}>{t("correct")}</Link>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <h1>{t("riskEducationTitle")}</h1>
      <p className="note">{t("riskEducationIntro", { adultAge: formatCount(ADULT_AGE, locale) })}</p>
      {correctId && !toCorrect && (
        <p className="error" role="alert">
          {t("cannotCorrect")}
        </p>
      )}
      {recording && (
        <RiskEducationForm
          governorates={governorates.map((g) => ({ pcode: g.pcode, name: governorateName(g, locale) }))}
          correcting={correcting}
        />
      )}
      {filesOf && <FilesOfListedRecord subjectType="eoreSession" found={files} closeHref="/risk-education" />}
      <PagedTable
        path="/risk-education"
        params={params}
        page={page}
        total={total}
        label={t("riskEducationTitle")}
        rows={rows}
        columns={columns}
        rowKey={(s) => s.id}
        empty={t("noSessions")}
      />
    </>
  );
}
