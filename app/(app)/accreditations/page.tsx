import { getTranslations } from "next-intl/server";
import { RecordAccreditationForm } from "@/components/accreditations/record-accreditation-form";
import { WithdrawAccreditationForm } from "@/components/accreditations/withdraw-accreditation-form";
import { type Column, DataTable } from "@/components/ui/data-table";
import { accreditationStanding } from "@/lib/domain/accreditation";
import { programmeDay } from "@/lib/domain/calendar";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { asRecord, listAccreditations } from "@/lib/server/queries/accreditations";
import { listOrganisations } from "@/lib/server/queries/organisations";

type Row = Awaited<ReturnType<typeof listAccreditations>>[number];

export default async function AccreditationsPage() {
  const user = await requirePage("/accreditations");
  const db = await getDb();
  const manages = can(user, "accreditation:manage");
  const [rows, operators, t] = await Promise.all([
    listAccreditations(db, user),
    manages ? listOrganisations(db, "OPERATOR") : Promise.resolve([]),
    getTranslations("accreditations"),
  ]);
  const today = programmeDay();
  const standing = (a: Row) => {
    const record = asRecord(a);
    const s = accreditationStanding(record, today);
    return s === "withdrawn"
      ? t("withdrawnOnDay", { date: record.withdrawnOn! })
      : t(s === "not-yet-valid" ? "notYetValid" : s);
  };
  const columns: Column<Row>[] = [
    { key: "operator", header: t("operator"), cell: (a) => a.operator.name },
    { key: "reference", header: t("reference"), cell: (a) => <bdi className="code">{a.reference}</bdi> },
    { key: "scopes", header: t("scopes"), cell: (a) => a.scopes.map((s) => t(`scope.${s}`)).join(", ") },
    { key: "from", header: t("validFrom"), cell: (a) => asRecord(a).validFrom },
    { key: "to", header: t("validTo"), cell: (a) => asRecord(a).validTo },
    ...(manages
      ? []
      : [
          {
            key: "issuer",
            header: t("issuingAuthority"),
            cell: (a: Row) => a.issuingAuthority.shortName ?? a.issuingAuthority.name,
          },
        ]),
    {
      key: "status",
      header: t("status"),
      cell: (a) => (
        <>
          {standing(a)}
          {manages && !a.withdrawnOn && <WithdrawAccreditationForm id={a.id} reference={a.reference} />}
        </>
      ),
    },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{manages ? t("intro") : t("introAdmin")}</p>
      <DataTable label={t("title")} rows={rows} columns={columns} rowKey={(a) => a.id} empty={t("empty")} />
      {manages && <RecordAccreditationForm operators={operators.map((o) => ({ id: o.id, name: o.name }))} />}
    </>
  );
}
