import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listTasks } from "@/lib/server/queries/field";
import { formatPercent } from "@/lib/i18n/format";

export default async function TasksPage() {
  const user = await requirePage("/tasks");
  const [rows, t, tStatus, locale] = await Promise.all([
    listTasks(await getDb(), user),
    getTranslations("tasks"),
    getTranslations("taskStatus"),
    getLocale(),
  ]);
  return (
    <>
      <h1>{user.role === "PARTNER" ? t("titlePartner") : t("title")}</h1>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t("code")}</th>
              <th>{t("task")}</th>
              <th>{t("authority")}</th>
              <th>{t("partner")}</th>
              <th>{t("status")}</th>
              <th className="num">{t("priority")}</th>
              <th className="num">{t("progress")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((task) => {
              const area = task.hazardAreas.reduce((s, h) => s + h.hazardArea.areaM2, 0);
              const released = task.hazardAreas.reduce((s, h) => s + h.hazardArea.releasedM2, 0);
              return (
                <tr key={task.id}>
                  <td>{task.code}</td>
                  <td>{task.title}</td>
                  <td>{task.authority.shortName}</td>
                  <td>{task.partner?.name ?? t("unassigned")}</td>
                  <td>{tStatus(task.status)}</td>
                  <td className="num">{task.priority}</td>
                  <td className="num">{formatPercent(area > 0 ? released / area : 0, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
