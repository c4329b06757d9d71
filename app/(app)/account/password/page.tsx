import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { requirePage } from "@/lib/server/auth";
import { changeOwnPasswordAction } from "./actions";

export default async function ChangePasswordPage() {
  const user = await requirePage("/account/password");
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("title")}</h1>
      {user.mustChangePassword && (
        <p role="status">
          <strong>{t("mustChange")}</strong>
        </p>
      )}
      <p>{t("intro")}</p>
      <ChangePasswordForm action={changeOwnPasswordAction} />
    </>
  );
}
