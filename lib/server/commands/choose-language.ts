import { type LanguageChoice, LOCALES, languageChoice, NUMERALS } from "@/lib/i18n/locales";
import { ZLanguageChoice } from "@/lib/schemas/account";
import { parseOrRefuse } from "@/lib/server/command-error";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";

export function parseLanguageChoiceInput(input: unknown): LanguageChoice {
  const choice = parseOrRefuse(ZLanguageChoice, input, "chooseLanguage", {
    languages: LOCALES.join(", "),
    numerals: NUMERALS.join(", "),
  });
  return languageChoice(choice.language, choice.numerals);
}

/**
 * Stores the language a user reads the app in, so it follows them to any
 * device at sign-in. Only ever the caller's own: no role needed, no other
 * user reachable. Not audited: it changes no record of the programme.
 */
export async function chooseLanguage(db: Db, actor: Pick<Actor, "id">, choice: LanguageChoice) {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { locale: choice.language, numerals: choice.numerals },
      select: { id: true },
    });
  });
}
