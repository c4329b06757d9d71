import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/ui/data-table";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listUsers } from "@/lib/server/queries/users";

type Row = Awaited<ReturnType<typeof listUsers>>[number];

export default async function UsersPage() {
  await requirePage("/admin/users");
  const [rows, t, tRoles] = await Promise.all([listUsers(await getDb()), getTranslations("users"), getTranslations("roles")]);
  const columns: Column<Row>[] = [
    { key: "email", header: t("email"), cell: (u) => u.email },
    { key: "name", header: t("name"), cell: (u) => <>{u.name} {u.isDemo && <span className="badge">{t("demo")}</span>}</> },
    { key: "role", header: t("role"), cell: (u) => tRoles(u.role) },
    { key: "organisation", header: t("organisation"), cell: (u) => u.organisation.name },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <DataTable label={t("title")} rows={rows} columns={columns} rowKey={(u) => u.id} empty={null} />
    </>
  );
}
