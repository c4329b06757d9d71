// Text composed in every language at once. A refusal is written where its
// rule is checked (a use case, a file reader, a schema), before anyone knows
// who will read it; the edge that answers (an API response, a page, a form)
// shows the reader's language. English is also the Error's message, for logs
// and for callers that ask for no language.
import { createTranslator } from "next-intl";
import { LOCALES, type Locale } from "./locales";

export type LocalisedText = Readonly<Record<Locale, string>>;

/**
 * A message's arguments. Numbers are formatted in the reader's language
 * (and select plurals); pass coordinates, codes and identifiers as strings
 * so they are shown exactly as given. A function gives each language its
 * own words (a status, a role, a list joined with "or").
 */
export type MessageValues = Record<string, string | number | ((locale: Locale) => string)>;

export type Catalogues = Readonly<Record<Locale, Readonly<Record<string, string>>>>;

// A message given too few arguments is a mistake in the code: it fails where it
// is tested; in production the reader still gets the sentence, and the log says.
function missingArgument(error: Error): void {
  if (process.env.NODE_ENV !== "production") throw error;
  console.error(error);
}

export function localised(catalogues: Catalogues, key: string, values?: MessageValues): LocalisedText {
  const text = (locale: Locale) => {
    const inLocale =
      values &&
      Object.fromEntries(
        Object.entries(values).map(([name, value]) => [name, typeof value === "function" ? value(locale) : value]),
      );
    return createTranslator({ locale, messages: { m: catalogues[locale] }, namespace: "m", onError: missingArgument })(
      key as never,
      inLocale as never,
    );
  };
  return Object.fromEntries(LOCALES.map((locale) => [locale, text(locale)])) as LocalisedText;
}

export function isLocalisedText(value: unknown): value is LocalisedText {
  return (
    typeof value === "object" &&
    value !== null &&
    LOCALES.every((l) => typeof (value as Record<string, unknown>)[l] === "string")
  );
}
