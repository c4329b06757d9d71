import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listRecentAuditEvents } from "@/lib/server/queries/audit";

export default async function AuditPage() {
  await requirePage("/audit");
  const [rows, t, locale] = await Promise.all([listRecentAuditEvents(await getDb()), getTranslations("audit"), getLocale()]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Baghdad" });
  return (
    <>
      <h1>{t("title")}</h1>
      <table>
        <thead>
          <tr>
            <th>{t("when")}</th>
            <th>{t("who")}</th>
            <th>{t("action")}</th>
            <th>{t("entity")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id.toString()}>
              <td>{when.format(e.at)}</td>
              <td>{e.actor?.email ?? t("system")}</td>
              <td>{e.action}</td>
              <td>
                {e.entityType} {e.entityId}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
