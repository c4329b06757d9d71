import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { languageOfRequest } from "@/lib/i18n/locales";
import { refusal } from "@/lib/i18n/refusals";
import ar from "@/lib/i18n/server-messages/ar.json";
import en from "@/lib/i18n/server-messages/en.json";
import { statusChoices } from "@/lib/i18n/words";
import { CommandError, type FieldIssue, fieldIssues, inLanguage, parseOrRefuse } from "./command-error";

const refused = (fn: () => unknown): CommandError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof CommandError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
};

describe("refusals in the reader's language", () => {
  it("every sentence a schema gives zod is catalogued, so no field problem stays in English", () => {
    const english = new Set(Object.values(en));
    const files = ["lib/schemas", "lib/server/commands"].flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => path.join(dir, f)),
    );
    // The message arguments of zod's checks: .min(n, "…"), .regex(re, "…"), .refine(fn, "…"), { error: "…" }, { message: "…" }, z.int("…"), z.enum(values, "…").
    const messageArgument =
      /(?:\.(?:min|max|length|regex|refine)\([^"\n]*?,\s*|error:\s*|message:\s*|z\.int\(|z\.enum\([\w.]+,\s*)"([^"\n]+)"/g;
    const found = files.flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(messageArgument)].map((m) => `${file}: ${m[1]}`),
    );
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((f) => !english.has(f.slice(f.indexOf(": ") + 2)))).toEqual([]);
  });

  it("a malformed input names each field in every language, from the catalogue or from zod's own locale, without echoing the input", () => {
    const schema = z.object({ day: z.iso.date({ error: "Use a date as YYYY-MM-DD." }), count: z.number() });
    const err = refused(() => parseOrRefuse(schema, { day: "26/11/2026", count: "seven" }, "reportMalformed"));
    expect(err.code).toBe("invalid_request");
    expect(err.message).toBe(en.reportMalformed);
    expect(err.text.ar).toBe(ar.reportMalformed);
    const [day, count] = err.details as FieldIssue[];
    expect(day).toMatchObject({
      path: ["day"],
      message: en.dateFormat,
      text: { en: en.dateFormat, ar: ar.dateFormat },
    });
    // zod's Arabic names what came (a string) as well as what was expected.
    expect(count!.path).toEqual(["count"]);
    expect(count!.text.ar).toBe(
      z.locales.ar().localeError!({
        code: "invalid_type",
        expected: "number",
        input: "seven",
        path: ["count"],
      } as never),
    );
    expect(count!.text.ckb).toMatch(/[\u0600-\u06FF]/);
    expect(JSON.stringify(err.details)).not.toContain("seven");
  });

  it("the answer keeps the reader's language and drops the others, however deep the details", () => {
    const err = new CommandError("unprocessable", refusal("hazardCodeTaken", { code: "CHA-NIN-0042" }), {
      problems: [{ code: "X", message: "m", text: refusal("required") }],
      issues: fieldIssues([]),
    });
    expect(err.text.ar).toContain("CHA-NIN-0042");
    expect(inLanguage(err.details, "ar")).toEqual({ problems: [{ code: "X", message: ar.required }], issues: [] });
  });

  it("words a task's statuses in the reader's language and way of listing", () => {
    expect(
      refusal("transitionNotAllowed", {
        from: "completed",
        to: "cancelled",
        next: statusChoices(["HANDED_OVER", "CANCELLED"]),
      }).en,
    ).toBe("A completed task cannot become cancelled; it can become handed over or called off.");
    expect(statusChoices(["HANDED_OVER", "CANCELLED"])("ar")).not.toMatch(/[A-Za-z]/);
  });

  it("reads the language from the cookie first, then the browser's languages", () => {
    expect(languageOfRequest("a=1; mat-language=ar%3Alatn", "ckb")).toBe("ar");
    expect(languageOfRequest("mat-language=ckb", "ar")).toBe("ckb");
    expect(languageOfRequest(null, "ckb-IQ, ar;q=0.8")).toBe("ckb");
    expect(languageOfRequest("mat-language=%E0%A4%A", "fr")).toBe("en");
  });
});
