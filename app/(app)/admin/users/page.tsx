import { getLocale, getTranslations } from "next-intl/server";
import { AddOrganisationForm, AddUserForm, SetPasswordForm } from "@/components/accounts/user-admin-forms";
import { type Column, DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/i18n/format";
import { OPERATOR_KINDS } from "@/lib/schemas/organisation";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listOrganisations } from "@/lib/server/queries/organisations";
import { listUsers } from "@/lib/server/queries/users";
import { createOrganisationAction, createUserAction, setUserDisabledAction, setUserPasswordAction } from "./actions";

type Row = Awaited<ReturnType<typeof listUsers>>[number];
const ROLES = ["ADMIN", "AUTHORITY", "PARTNER", "DONOR"] as const;
const ORGANISATION_ROLES = ["AUTHORITY", "OPERATOR", "DONOR"] as const;

export default async function UsersPage() {
  const admin = await requirePage("/admin/users");
  const db = await getDb();
  const [rows, organisations, t, tRoles, tAccreditations, locale] = await Promise.all([
    listUsers(db),
    listOrganisations(db),
    getTranslations("users"),
    getTranslations("roles"),
    getTranslations("accreditations"),
    getLocale(),
  ]);
  const columns: Column<Row>[] = [
    { key: "email", header: t("email"), cell: (u) => <bdi dir="ltr">{u.email}</bdi> },
    {
      key: "name",
      header: t("name"),
      cell: (u) => (
        <>
          {u.name} {u.isDemo && <span className="badge">{t("demo")}</span>}
        </>
      ),
    },
    { key: "role", header: t("role"), cell: (u) => tRoles(u.role) },
    { key: "organisation", header: t("organisation"), cell: (u) => u.organisation.name },
    {
      key: "status",
      header: t("status"),
      cell: (u) => (
        <form action={setUserDisabledAction} className="nowrap">
          <input type="hidden" name="id" value={u.id} />
          <input type="hidden" name="disabled" value={u.disabledAt ? "0" : "1"} />
          {u.disabledAt ? t("disabledSince", { date: formatDate(u.disabledAt, locale) }) : t("active")}{" "}
          {/* An administrator's own account stays enabled: there is always one left to undo a mistake. */}
          {u.id !== admin.id && (
            <button
              type="submit"
              className="secondary"
              aria-label={t(u.disabledAt ? "enableLabel" : "disableLabel", { email: u.email })}
            >
              {t(u.disabledAt ? "enable" : "disable")}
            </button>
          )}
        </form>
      ),
    },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <DataTable label={t("title")} rows={rows} columns={columns} rowKey={(u) => u.id} empty={null} />
      <div className="stacked-forms">
        <AddUserForm
          action={createUserAction}
          roles={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
          // An authority with its own teams is listed under both: its staff, and its teams' partner accounts.
          organisations={ORGANISATION_ROLES.map((role) => ({
            type: role,
            label: t(`organisationType.${role}`),
            choices: organisations.filter((o) => o.roles.includes(role)).map((o) => ({ value: o.id, label: o.name })),
          }))}
        />
        <SetPasswordForm
          action={setUserPasswordAction}
          accounts={rows.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
        />
        <AddOrganisationForm
          action={createOrganisationAction}
          roles={(["OPERATOR", "DONOR"] as const).map((r) => ({ value: r, label: tAccreditations(`orgRole.${r}`) }))}
          kinds={OPERATOR_KINDS.map((k) => ({ value: k, label: tAccreditations(`operatorKind.${k}`) }))}
        />
      </div>
    </>
  );
}
