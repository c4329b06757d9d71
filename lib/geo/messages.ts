// The words the geometry code writes for a user (problems, notes, where in
// the file), in English, Arabic and Sorani at once: the code runs in the
// browser and on the server before anyone knows who will read them, and the
// screen or the API answer shows the reader's language. The catalogues are
// lib/i18n/geometry-messages/*.json, kept in step by lib/i18n/catalogues.test.ts.
import ar from "@/lib/i18n/geometry-messages/ar.json";
import ckb from "@/lib/i18n/geometry-messages/ckb.json";
import en from "@/lib/i18n/geometry-messages/en.json";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { type LocalisedText, localised, type MessageValues } from "@/lib/i18n/localised";

export type GeometryMessageKey = keyof typeof en;

// Typed by the English keys: a key missing from Arabic or Sorani does not compile.
const CATALOGUES: Readonly<Record<Locale, Readonly<Record<GeometryMessageKey, string>>>> = { en, ar, ckb };

/**
 * A catalogued message in every language. Pass coordinates, counts and names
 * as strings, so every language shows the same digits; a LocalisedText
 * argument goes in through `inEach`, so each language's sentence takes that
 * language's words.
 */
export function geometryText(key: GeometryMessageKey, values?: MessageValues): LocalisedText {
  return localised(CATALOGUES, key, values);
}

/** A text as a message argument: each language gets its own. */
export const inEach =
  (text: LocalisedText) =>
  (locale: Locale): string =>
    text[locale];

/** A text made language by language. */
export function perLanguage(make: (locale: Locale) => string): LocalisedText {
  return Object.fromEntries(LOCALES.map((locale) => [locale, make(locale)])) as LocalisedText;
}

/** Texts listed with each language's own separator ("a, b"; Arabic "a، b"). */
export function joinTexts(
  texts: readonly LocalisedText[],
  separator: "separatorComma" | "separatorSemicolon",
): LocalisedText {
  const between = geometryText(separator);
  return perLanguage((locale) => texts.map((t) => t[locale]).join(between[locale]));
}
