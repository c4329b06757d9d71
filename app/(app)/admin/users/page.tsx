import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listUsers } from "@/lib/server/queries/users";

export default async function UsersPage() {
  await requirePage("/admin/users");
  const [rows, t, tRoles] = await Promise.all([listUsers(await getDb()), getTranslations("users"), getTranslations("roles")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <table>
        <thead>
          <tr>
            <th>{t("email")}</th>
            <th>{t("name")}</th>
            <th>{t("role")}</th>
            <th>{t("organisation")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>
                {u.name} {u.isDemo && <span className="badge">{t("demo")}</span>}
              </td>
              <td>{tRoles(u.role)}</td>
              <td>{u.organisation.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
