// The screens' own words for roles and task statuses, for use inside a
// refusal's sentence (lib/i18n/refusals.ts) in each language.
import type { AccreditationScope } from "@/lib/domain/accreditation";
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

type Method = keyof typeof wordsEn.method;
type Device = keyof typeof wordsEn.device;
/** A land-release method as the screens name it ("Cleared"), from the enum or its lower-case form in a URL or export. */
export const methodWord = (method: string) => (locale: Locale) =>
  WORDS[locale].method[method.toUpperCase() as Method] ?? method;
/** A device category as the screens name it ("Anti-personnel mines"). */
export const deviceWord = (category: string) => (locale: Locale) =>
  WORDS[locale].device[category.toUpperCase() as Device] ?? category;
/** A contamination type as the dashboard's filter names it, from its enum or its lower-case URL form. */
export const contaminationWord = (type: string) => (locale: Locale) =>
  WORDS[locale].contamination[type.toUpperCase() as keyof typeof wordsEn.contamination] ?? type;
/** A land use as the dashboard's filter names it, from its enum or its lower-case URL form. */
export const landUseWord = (use: string) => (locale: Locale) =>
  WORDS[locale].landUse[use.toUpperCase() as keyof typeof wordsEn.landUse] ?? use;
/** A kind of accredited work as the screens name it ("clearance"). */
export const scopeWord = (scope: AccreditationScope) => (locale: Locale) => WORDS[locale].accreditations.scope[scope];
/** "technical survey and clearance", in each language's words and way of listing. */
export const scopeList = (scopes: readonly AccreditationScope[]) => (locale: Locale) =>
  new Intl.ListFormat(locale, { type: "conjunction" }).format(scopes.map((s) => scopeWord(s)(locale)));
