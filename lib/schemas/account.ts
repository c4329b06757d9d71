import { z } from "zod";
import { LOCALES, NUMERALS } from "@/lib/i18n/locales";

/** NIST SP 800-63B: at least 12 characters for a password chosen for someone, no composition rules. */
export const MIN_PASSWORD_LENGTH = 12;

const ZPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200);

/** An account an administrator (or the operator at the command line) opens, with a first password. */
export const ZUserCreate = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(2).max(120),
  role: z.enum(["ADMIN", "AUTHORITY", "PARTNER", "DONOR"]),
  organisationId: z.string().min(1),
  password: ZPassword,
});

/** A new password an administrator sets for an account whose holder forgot theirs. */
export const ZPasswordSet = z.object({ userId: z.string().min(1), password: ZPassword });

/** A holder's change of their own password. */
export const ZOwnPasswordChange = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: ZPassword,
  confirmPassword: z.string().max(200),
});

// Digits left empty are the language's usual ones.
export const ZLanguageChoice = z.object({ language: z.enum(LOCALES), numerals: z.enum([...NUMERALS, ""]).optional() });
