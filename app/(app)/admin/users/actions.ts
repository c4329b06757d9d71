"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { currentUser, type SessionUser } from "@/lib/server/auth";
import { CommandError } from "@/lib/server/command-error";
import { addOrganisation } from "@/lib/server/commands/add-organisation";
import { openAccount } from "@/lib/server/commands/open-account";
import { setAccountDisabled } from "@/lib/server/commands/set-account-disabled";
import { setAccountPassword } from "@/lib/server/commands/set-account-password";
import { getDb } from "@/lib/server/db";
import { answerForm, type FormState, formField } from "@/lib/server/form-answer";

/** An administrator's form: the use case, then the list of accounts shown anew. */
function answer(run: (user: SessionUser) => Promise<string>): Promise<FormState> {
  return answerForm(async (user) => {
    const done = await run(user);
    revalidatePath("/admin/users");
    return done;
  });
}

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return answer(async (user) => {
    const created = await openAccount(await getDb(), user, {
      email: formField(form, "email"),
      name: formField(form, "name"),
      role: formField(form, "role"),
      organisationId: formField(form, "organisationId"),
      password: formField(form, "password"),
    });
    return (await getTranslations("users"))("userCreated", { email: created.email });
  });
}

export async function createOrganisationAction(_prev: FormState, form: FormData): Promise<FormState> {
  return answer(async (user) => {
    const created = await addOrganisation(await getDb(), user, {
      name: formField(form, "name"),
      shortName: formField(form, "shortName"),
      roles: form.getAll("roles").filter((r) => typeof r === "string"),
      operatorKind: formField(form, "operatorKind"),
    });
    return (await getTranslations("users"))("organisationCreated", { name: created.name });
  });
}

export async function setUserPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return answer(async (user) => {
    const changed = await setAccountPassword(await getDb(), user, {
      userId: formField(form, "userId"),
      password: formField(form, "password"),
    });
    return (await getTranslations("users"))("passwordSet", { email: changed.email });
  });
}

/** Disables or enables an account; the page shows the result in its list. */
export async function setUserDisabledAction(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user || user.mustChangePassword) return;
  try {
    await setAccountDisabled(await getDb(), user, formField(form, "id") ?? "", formField(form, "disabled") === "1");
  } catch (err) {
    // Not an administrator, their own account or no such account: the page only offers what may be done.
    if (err instanceof CommandError) return;
    throw err;
  }
  revalidatePath("/admin/users");
}
