import { languageOf } from "./locales";

/** A governorate's names as the COD-AB gives them (Sorani from the seed's own list). */
export type GovernorateNames = { nameEn: string; nameAr: string; nameCkb: string };

/** What a query selects to name a governorate in any language. */
export const GOVERNORATE_NAMES = { nameEn: true, nameAr: true, nameCkb: true } as const;

export function governorateName(g: GovernorateNames, locale: string): string {
  const language = languageOf(locale);
  return language === "ar" ? g.nameAr : language === "ckb" ? g.nameCkb : g.nameEn;
}
