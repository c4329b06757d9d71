"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { languageOf } from "@/lib/i18n/locales";
import { refusal } from "@/lib/i18n/refusals";
import { currentUser } from "@/lib/server/auth";
import { CommandError } from "@/lib/server/command-error";
import { issueApiToken } from "@/lib/server/commands/issue-api-token";
import { revokeApiToken } from "@/lib/server/commands/revoke-api-token";
import { getDb } from "@/lib/server/db";

export type CreateTokenState = { token?: string; error?: string };

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const user = await currentUser();
  const language = languageOf(await getLocale());
  if (!user) return { error: refusal("sessionEnded")[language] };
  if (user.mustChangePassword) return { error: refusal("changePasswordFirst")[language] };
  const days = String(form.get("expiresInDays") ?? "");
  try {
    const scope = { expiresInDays: days === "" ? null : Number(days), readOnly: form.get("readOnly") === "1" };
    const created = await issueApiToken(await getDb(), user, form.get("name"), scope);
    revalidatePath("/account/tokens");
    return { token: created.token };
  } catch (err) {
    if (err instanceof CommandError) return { error: err.text[language] };
    throw err;
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const user = await currentUser();
  // Revoking only takes access away, so it is allowed before the holder has chosen their own password.
  if (!user) return;
  try {
    await revokeApiToken(await getDb(), user, String(form.get("id") ?? ""));
  } catch (err) {
    // Another user's token id, or none: the form only ever posts the caller's own, so there is nothing to show.
    if (err instanceof CommandError) return;
    throw err;
  }
  revalidatePath("/account/tokens");
}
