import { getLocale, getTranslations } from "next-intl/server";
import { ApiTokenForm } from "@/components/accounts/api-token-form";
import { type Column, DataTable } from "@/components/ui/data-table";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listApiTokens } from "@/lib/server/queries/api-tokens";
import { createTokenAction, revokeTokenAction } from "./actions";

type Row = Awaited<ReturnType<typeof listApiTokens>>[number];

export default async function ApiTokensPage() {
  const user = await requirePage("/account/tokens");
  const [rows, t, locale] = await Promise.all([
    listApiTokens(await getDb(), user.id),
    getTranslations("apiTokens"),
    getLocale(),
  ]);
  const now = new Date();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Baghdad" });
  const columns: Column<Row>[] = [
    { key: "name", header: t("name"), cell: (r) => r.name },
    { key: "prefix", header: t("prefix"), cell: (r) => <code dir="ltr">{r.prefix}…</code> },
    { key: "created", header: t("createdAt"), cell: (r) => when.format(r.createdAt) },
    { key: "used", header: t("lastUsed"), cell: (r) => (r.lastUsedAt ? when.format(r.lastUsedAt) : t("never")) },
    { key: "expires", header: t("expires"), cell: (r) => (r.expiresAt ? when.format(r.expiresAt) : t("untilRevoked")) },
    { key: "access", header: t("access"), cell: (r) => (r.readOnly ? t("readOnlyAccess") : t("readWriteAccess")) },
    {
      key: "status",
      header: t("status"),
      cell: (r) =>
        r.revokedAt ? (
          t("revoked")
        ) : r.expiresAt && r.expiresAt <= now ? (
          t("expired")
        ) : (
          <form action={revokeTokenAction}>
            <input type="hidden" name="id" value={r.id} />
            {t("active")} <button type="submit">{t("revoke")}</button>
          </form>
        ),
    },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ApiTokenForm action={createTokenAction} />
      <DataTable label={t("title")} rows={rows} columns={columns} rowKey={(r) => r.id} empty={t("empty")} />
    </>
  );
}
