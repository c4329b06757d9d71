// A use case's refusal, mapped to an HTTP status at the edge (http.ts): the
// caller learns what is wrong and that nothing was changed, in their own
// language. Refusals are catalogued in lib/i18n/server-messages, so none is
// left in English on an Arabic or Sorani screen (catalogues.test.ts).
import { z } from "zod";
import type { GeometryError } from "@/lib/geo/errors";
import { LOCALES, type Locale, languageOf } from "@/lib/i18n/locales";
import { isLocalisedText, type LocalisedText, type MessageValues } from "@/lib/i18n/localised";
import { englishRefusals, type RefusalKey, refusal } from "@/lib/i18n/refusals";

export type CommandErrorCode =
  | "forbidden"
  | "not_found"
  | "invalid_request"
  | "conflict"
  | "precondition_failed"
  | "unprocessable"
  | "too_large"
  | "unsupported_media_type"
  | "unavailable";

/** Marks a CommandError whichever copy of this module made it (see GeometryError: the geometry pool refuses with one). */
const COMMAND_ERROR = Symbol.for("mine-action.CommandError");

export class CommandError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && COMMAND_ERROR in value;
  }

  constructor(
    readonly code: CommandErrorCode,
    readonly text: LocalisedText,
    readonly details?: unknown,
  ) {
    super(text.en);
    Object.defineProperty(this, COMMAND_ERROR, { value: true });
    this.name = "CommandError";
  }
}

/** One field's problem: `message` in English, `text` in every language (the edge keeps the reader's). */
export type FieldIssue = { path: PropertyKey[]; message: string; text: LocalisedText };

export function fieldIssue(path: PropertyKey[], key: RefusalKey, values?: MessageValues): FieldIssue {
  const text = refusal(key, values);
  return { path, message: text.en, text };
}

// The schemas' own sentences (lib/schemas) are catalogued by their English;
// zod's generic ones ("expected number, received string") come from zod's
// own Arabic and Sorani locales.
const KEY_OF_ENGLISH = new Map(Object.entries(englishRefusals).map(([key, message]) => [message, key as RefusalKey]));
const ZOD_LOCALES: Record<Exclude<Locale, "en">, z.core.$ZodConfig["localeError"]> = {
  ar: z.locales.ar().localeError,
  ckb: z.locales.ckb().localeError,
};

function issueText(issue: z.core.$ZodIssue & { input?: unknown }): LocalisedText {
  const key = KEY_OF_ENGLISH.get(issue.message);
  if (key) return refusal(key);
  const zodText = (locale: Exclude<Locale, "en">) => {
    const out = ZOD_LOCALES[locale]?.(issue as never);
    return (typeof out === "string" ? out : out?.message) ?? issue.message;
  };
  return { en: issue.message, ar: zodText("ar"), ckb: zodText("ckb") };
}

/**
 * The input as the schema reads it, or a refusal that names every field that
 * is wrong and how, in every language. The input is kept on the issues only
 * while their messages are written: it may be a large geometry, and it is
 * not sent back.
 */
export function parseOrRefuse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  key: RefusalKey,
  values?: MessageValues,
): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new CommandError("invalid_request", refusal(key, values), fieldIssues(parsed.error.issues));
}

/** "to: to must be on or after from", one line per issue, in the reader's language (for pages that show a bad filter). */
export function issueLines(issues: readonly z.core.$ZodIssue[], locale: string): string[] {
  const language = languageOf(locale);
  return fieldIssues(issues).map((i) => `${i.path.join(".")}: ${i.text[language]}`);
}

/** zod's issues with their text in every language (and without the input they were found in). */
export function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path, message: issue.message, text: issueText(issue) }));
}

/** A geometry the readers or the checks refused: every problem, with where it is and what to do, in every language. */
export function geometryRefusal(err: GeometryError): CommandError {
  const text = Object.fromEntries(
    LOCALES.map((l) => [l, err.problems.map((p) => p.text[l]).join(" ")]),
  ) as LocalisedText;
  return new CommandError("unprocessable", text, {
    problems: err.problems,
    repaired: err.repaired ?? null,
    repairedAreaM2: err.repairedAreaM2 ?? null,
  });
}

/**
 * Details as sent to a reader: wherever a message carries its text in every
 * language, the message becomes the reader's and the other languages are dropped.
 */
export function inLanguage(details: unknown, locale: Locale): unknown {
  if (Array.isArray(details)) return details.map((d) => inLanguage(d, locale));
  if (typeof details !== "object" || details === null) return details;
  const { text, ...rest } = details as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, inLanguage(v, locale)]));
  return isLocalisedText(text) ? { ...out, message: text[locale] } : text === undefined ? out : { ...out, text };
}

/** A write that met a unique index (Prisma's P2002): someone else wrote the same name, email or reference at once. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "P2002";
}
