"use server";
import { getTranslations } from "next-intl/server";
import { changeOwnPassword } from "@/lib/server/commands/change-own-password";
import { getDb } from "@/lib/server/db";
import { answerForm, type FormState, formField } from "@/lib/server/form-answer";

/** The holder's own password: the current one proves it is them; every session ends, this one too. */
export async function changeOwnPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return answerForm(
    async (user) => {
      await changeOwnPassword(await getDb(), user, {
        currentPassword: formField(form, "currentPassword"),
        newPassword: formField(form, "newPassword"),
        confirmPassword: formField(form, "confirmPassword"),
      });
      return (await getTranslations("account"))("passwordChanged");
    },
    { whileMustChangePassword: true },
  );
}
