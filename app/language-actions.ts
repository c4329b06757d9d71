"use server";
import { rememberLanguage } from "@/lib/i18n/language-cookie";
import { currentUser } from "@/lib/server/auth";
import { CommandError } from "@/lib/server/command-error";
import { chooseLanguage, parseLanguageChoiceInput } from "@/lib/server/commands/choose-language";
import { getDb } from "@/lib/server/db";

/**
 * Anyone, signed in or not, chooses the language they read in: this device
 * remembers it, and a signed-in user's choice is stored on them for their
 * next sign-in elsewhere. Setting the cookie re-renders the page in it.
 */
export async function chooseLanguageAction(form: FormData): Promise<void> {
  let choice: ReturnType<typeof parseLanguageChoiceInput>;
  try {
    choice = parseLanguageChoiceInput({ language: form.get("language"), numerals: form.get("numerals") });
  } catch (err) {
    // The switch only posts the listed values; anything else changes nothing.
    if (err instanceof CommandError) return;
    throw err;
  }
  const user = await currentUser();
  if (user) await chooseLanguage(await getDb(), user, choice);
  await rememberLanguage(choice);
}
