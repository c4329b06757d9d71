import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listRecentAuditEvents } from "@/lib/server/queries/audit";

type Row = Awaited<ReturnType<typeof listRecentAuditEvents>>[number];

export default async function AuditPage() {
  await requirePage("/audit");
  const [rows, t, locale] = await Promise.all([
    listRecentAuditEvents(await getDb()),
    getTranslations("audit"),
    getLocale(),
  ]);
  // The trail's own codes stay beside their names: they are what an administrator searches the database for.
  const named = (key: string) => (t.has(key as never) ? t(key as never) : null);
  // Times in Iraq's time zone, where the work happens.
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Baghdad" });
  const columns: Column<Row>[] = [
    { key: "when", header: t("when"), cell: (e) => when.format(e.at) },
    { key: "who", header: t("who"), cell: (e) => e.actor?.email ?? t("system") },
    {
      key: "action",
      header: t("action"),
      cell: (e) => <Coded label={named(`actions.${e.action.replaceAll(".", "_")}`)} code={e.action} />,
    },
    {
      key: "entity",
      header: t("entity"),
      cell: (e) => <Coded label={named(`entities.${e.entityType}`)} code={`${e.entityType} ${e.entityId}`} />,
    },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <DataTable label={t("title")} rows={rows} columns={columns} rowKey={(e) => e.id.toString()} empty={null} />
    </>
  );
}

/** A recorded code under the name the reader knows it by (the code alone for one the catalogue does not name). */
function Coded({ label, code }: { label: string | null; code: string }) {
  if (!label) return <code>{code}</code>;
  return (
    <>
      {label}
      <br />
      <small className="note">
        <code>{code}</code>
      </small>
    </>
  );
}
