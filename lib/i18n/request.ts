import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { formattingLocale, LANGUAGE_COOKIE, type LanguageChoice, languageChoiceOf } from "./locales";

// The reader's choice lives in a cookie, set when they switch language and at
// sign-in from the preference stored on their user, so no page reads the
// database for it. Without one, the browser's languages decide.
export default getRequestConfig(async () => {
  const choice = await languageChoice();
  return { locale: formattingLocale(choice), messages: (await import(`./messages/${choice.language}.json`)).default };
});

// The same reading as the pages cache's key (lib/server/page-cache), so a cached page is in the language it is keyed by.
async function languageChoice(): Promise<LanguageChoice> {
  // cookies(), not the Cookie header: a language chosen by a server action is the one its answer renders in.
  const chosen = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  return languageChoiceOf(chosen, (await headers()).get("accept-language"));
}
