import "server-only";
import { cookies } from "next/headers";
import { LANGUAGE_COOKIE, type LanguageChoice, serialiseLanguageChoice } from "./locales";

/** Remembers a reader's language on this device for a year; it holds no secret, only "ar" or "ar:latn". */
export async function rememberLanguage(choice: LanguageChoice) {
  (await cookies()).set(LANGUAGE_COOKIE, serialiseLanguageChoice(choice), {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: 365 * 24 * 60 * 60,
  });
}
