export const LOCALES = ["en", "ar", "ckb"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Arabic and Central Kurdish (Sorani) are written right to left. */
export function directionOf(locale: string): "ltr" | "rtl" {
  return locale === "ar" || locale === "ckb" ? "rtl" : "ltr";
}
