import { cookieValue } from "@/lib/domain/cookie-header";

export const LOCALES = ["en", "ar", "ckb"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Latin (0–9) or Arabic-Indic (٠–٩) digits: Iraqi readers of Arabic and Sorani use both. */
export const NUMERALS = ["latn", "arab"] as const;
export type Numerals = (typeof NUMERALS)[number];

export type LanguageChoice = { language: Locale; numerals: Numerals };

/** Each language's own name, as shown in the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", ar: "العربية", ckb: "کوردی (سۆرانی)" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isNumerals(value: unknown): value is Numerals {
  return typeof value === "string" && (NUMERALS as readonly string[]).includes(value);
}

/** What a reader gets without choosing: Arabic-Indic digits in Arabic script, as Iraqi official documents print them. */
export function defaultNumerals(language: Locale): Numerals {
  return language === "en" ? "latn" : "arab";
}

/**
 * The locale every figure and date is formatted in. Iraqi forms (ar-IQ gives
 * the Levantine month names Iraq uses: كانون الثاني) with the digits named
 * explicitly, so the server and the browser, whose ICU defaults differ for
 * Arabic, print the same characters.
 */
export function formattingLocale({ language, numerals }: LanguageChoice): string {
  if (language === "en") return "en";
  return `${language}-IQ-u-nu-${numerals}`;
}

/** The language of a formatting locale: "ar-IQ-u-nu-latn" → "ar". */
export function languageOf(locale: string): Locale {
  const language = locale.split("-")[0];
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** The digits of a formatting locale: "ar-IQ-u-nu-latn" → latn; a bare language, its usual ones. */
export function numeralsOf(locale: string): Numerals {
  const named = /-u-(?:.*-)?nu-(\w+)/.exec(locale)?.[1];
  return isNumerals(named) ? named : defaultNumerals(languageOf(locale));
}

/** Arabic and Central Kurdish (Sorani) are written right to left. */
export function directionOf(locale: string): "ltr" | "rtl" {
  const language = languageOf(locale);
  return language === "ar" || language === "ckb" ? "rtl" : "ltr";
}

/** The cookie holding the reader's choice, "ar" or "ar:latn". */
export const LANGUAGE_COOKIE = "mat-language";

export function serialiseLanguageChoice(choice: LanguageChoice): string {
  return choice.numerals === defaultNumerals(choice.language)
    ? choice.language
    : `${choice.language}:${choice.numerals}`;
}

/** A choice from stored or sent values: an unknown language is English, unknown digits the language's usual ones, English always Latin. */
export function languageChoice(language: unknown, numerals: unknown): LanguageChoice {
  const known = isLocale(language) ? language : DEFAULT_LOCALE;
  return { language: known, numerals: isNumerals(numerals) && known !== "en" ? numerals : defaultNumerals(known) };
}

export function parseLanguageChoice(value: string | undefined | null): LanguageChoice | null {
  const [language, numerals] = (value ?? "").split(":");
  return isLocale(language) ? languageChoice(language, numerals) : null;
}

/**
 * The first of the browser's Accept-Language entries this app speaks, by
 * weight: "ckb-IQ, ar;q=0.8" → ckb. Kurdish sent as "ku" is mostly Kurmanji,
 * not Sorani, so it is not taken for ckb.
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.trim().toLowerCase().split("-")[0], weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((e) => Number.isFinite(e.weight) && e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((e) => e.language).find(isLocale) ?? null;
}

/** The reader's language and digits for a request: the language cookie's choice, else the browser's languages, else English. */
export function languageChoiceOfRequest(
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
): LanguageChoice {
  return languageChoiceOf(cookieValue(cookieHeader, LANGUAGE_COOKIE), acceptLanguage);
}

/** The language cookie's choice (its value, decoded), else the browser's languages, else English. */
export function languageChoiceOf(
  cookieValue: string | null | undefined,
  acceptLanguage: string | null | undefined,
): LanguageChoice {
  const parsed = parseLanguageChoice(cookieValue);
  if (parsed) return parsed;
  const language = languageFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
  return { language, numerals: defaultNumerals(language) };
}

/** The reader's language for a request: the language cookie's choice, else the browser's languages, else English. */
export function languageOfRequest(
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  return languageChoiceOfRequest(cookieHeader, acceptLanguage).language;
}
