"use server";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { languageOf } from "@/lib/i18n/locales";
import { refusal } from "@/lib/i18n/refusals";
import { currentUser } from "@/lib/server/auth";
import { CommandError, type FieldIssue } from "@/lib/server/command-error";
import { addOrganisation } from "@/lib/server/commands/add-organisation";
import { openAccount } from "@/lib/server/commands/open-account";
import { setAccountDisabled } from "@/lib/server/commands/set-account-disabled";
import { setAccountPassword } from "@/lib/server/commands/set-account-password";
import { getDb } from "@/lib/server/db";

/** What the form shows: what was done, or what is wrong, each field's problem under that field. */
export type AdminFormState = { done?: string; error?: string; problems?: Record<string, string> };

/** Runs a use case for a form, answering in the reader's language: what was done (`run` says it), or what is wrong and where. */
async function answer(
  run: (user: NonNullable<Awaited<ReturnType<typeof currentUser>>>) => Promise<string>,
): Promise<AdminFormState> {
  const user = await currentUser();
  const language = languageOf(await getLocale());
  if (!user) return { error: refusal("sessionEnded")[language] };
  if (user.mustChangePassword) return { error: refusal("changePasswordFirst")[language] };
  try {
    const done = await run(user);
    revalidatePath("/admin/users");
    return { done };
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    const issues = Array.isArray(err.details) ? (err.details as FieldIssue[]) : [];
    return {
      error: err.text[language],
      problems: Object.fromEntries(issues.map((i) => [String(i.path[0] ?? ""), i.text[language]])),
    };
  }
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

export async function createUserAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  return answer(async (user) => {
    const created = await openAccount(await getDb(), user, {
      email: field(form, "email"),
      name: field(form, "name"),
      role: field(form, "role"),
      organisationId: field(form, "organisationId"),
      password: field(form, "password"),
    });
    return (await getTranslations("users"))("userCreated", { email: created.email });
  });
}

export async function createOrganisationAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  return answer(async (user) => {
    const created = await addOrganisation(await getDb(), user, {
      name: field(form, "name"),
      shortName: field(form, "shortName"),
      type: field(form, "type"),
    });
    return (await getTranslations("users"))("organisationCreated", { name: created.name });
  });
}

export async function setUserPasswordAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  return answer(async (user) => {
    const changed = await setAccountPassword(await getDb(), user, {
      userId: field(form, "userId"),
      password: field(form, "password"),
    });
    return (await getTranslations("users"))("passwordSet", { email: changed.email });
  });
}

/** Disables or enables an account; the page shows the result in its list. */
export async function setUserDisabledAction(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user || user.mustChangePassword) return;
  try {
    await setAccountDisabled(await getDb(), user, field(form, "id") ?? "", field(form, "disabled") === "1");
  } catch (err) {
    // Not an administrator, their own account or no such account: the page only offers what may be done.
    if (err instanceof CommandError) return;
    throw err;
  }
  revalidatePath("/admin/users");
}
