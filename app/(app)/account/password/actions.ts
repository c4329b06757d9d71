"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { languageOf } from "@/lib/i18n/locales";
import { refusal } from "@/lib/i18n/refusals";
import { currentUser } from "@/lib/server/auth";
import { CommandError, type FieldIssue } from "@/lib/server/command-error";
import { changeOwnPassword } from "@/lib/server/commands/change-own-password";
import { getDb } from "@/lib/server/db";

export type ChangePasswordState = { done?: string; error?: string; problems?: Record<string, string> };

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

/** The holder's own password: the current one proves it is them; every session ends, this one too. */
export async function changeOwnPasswordAction(
  _prev: ChangePasswordState,
  form: FormData,
): Promise<ChangePasswordState> {
  const user = await currentUser();
  const language = languageOf(await getLocale());
  if (!user) return { error: refusal("sessionEnded")[language] };
  try {
    await changeOwnPassword(await getDb(), user, {
      currentPassword: field(form, "currentPassword"),
      newPassword: field(form, "newPassword"),
      confirmPassword: field(form, "confirmPassword"),
    });
    return { done: (await getTranslations("account"))("passwordChanged") };
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    const issues = Array.isArray(err.details) ? (err.details as FieldIssue[]) : [];
    return {
      error: err.text[language],
      problems: Object.fromEntries(issues.map((i) => [String(i.path[0] ?? ""), i.text[language]])),
    };
  }
}
