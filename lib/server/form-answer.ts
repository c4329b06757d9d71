import { getLocale } from "next-intl/server";
import { languageOf } from "@/lib/i18n/locales";
import { refusal } from "@/lib/i18n/refusals";
import { currentUser, type SessionUser } from "@/lib/server/auth";
import { CommandError, type FieldIssue } from "@/lib/server/command-error";

/** What a form shows after its server action: what was done, or what is wrong, each field's problem by its name. */
export type FormState = { done?: string; error?: string; problems?: Record<string, string> };

/** A text field of a posted form; anything else (a file, nothing) is missing, for the use case's schema to refuse. */
export function formField(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
}

/**
 * Runs a use case for a form, answering in the reader's language: what was
 * done (`run` says it), or the use case's refusal with each field's problem.
 * A holder who must change their password may do only that (`whileMustChangePassword`).
 */
export async function answerForm(
  run: (user: SessionUser) => Promise<string>,
  { whileMustChangePassword = false } = {},
): Promise<FormState> {
  const user = await currentUser();
  const language = languageOf(await getLocale());
  if (!user) return { error: refusal("sessionEnded")[language] };
  if (user.mustChangePassword && !whileMustChangePassword) return { error: refusal("changePasswordFirst")[language] };
  try {
    return { done: await run(user) };
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    const issues = Array.isArray(err.details) ? (err.details as FieldIssue[]) : [];
    return {
      error: err.text[language],
      problems: Object.fromEntries(issues.map((i) => [String(i.path[0] ?? ""), i.text[language]])),
    };
  }
}
