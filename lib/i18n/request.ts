import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import {
  DEFAULT_LOCALE,
  defaultNumerals,
  formattingLocale,
  LANGUAGE_COOKIE,
  type LanguageChoice,
  languageFromAcceptLanguage,
  parseLanguageChoice,
} from "./locales";

// The reader's choice lives in a cookie, set when they switch language and at
// sign-in from the preference stored on their user, so no page reads the
// database for it. Without one, the browser's languages decide.
export default getRequestConfig(async () => {
  const choice = await languageChoice();
  return { locale: formattingLocale(choice), messages: (await import(`./messages/${choice.language}.json`)).default };
});

async function languageChoice(): Promise<LanguageChoice> {
  const chosen = parseLanguageChoice((await cookies()).get(LANGUAGE_COOKIE)?.value);
  if (chosen) return chosen;
  const language = languageFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
  return { language, numerals: defaultNumerals(language) };
}
