// The screens' own words for roles and task statuses, for use inside a
// refusal's sentence (lib/i18n/refusals.ts) in each language.
import type { TaskStatus } from "@/lib/domain/task-lifecycle";
import type { Locale } from "./locales";
import wordsAr from "./messages/ar.json";
import wordsCkb from "./messages/ckb.json";
import wordsEn from "./messages/en.json";

const WORDS = { en: wordsEn, ar: wordsAr, ckb: wordsCkb } as const;
type Role = keyof typeof wordsEn.roles;
export const roleWord = (role: Role) => (locale: Locale) => WORDS[locale].roles[role];
export const statusWord = (status: TaskStatus) => (locale: Locale) =>
  WORDS[locale].taskStatus[status].toLocaleLowerCase(locale);
/** "assigned or cancelled", in each language's words and way of listing. */
export const statusChoices = (statuses: readonly TaskStatus[]) => (locale: Locale) =>
  new Intl.ListFormat(locale, { type: "disjunction" }).format(statuses.map((s) => statusWord(s)(locale)));
