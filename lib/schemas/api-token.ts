import { z } from "zod";

export const ZTokenName = z.string().trim().min(2, "Name the token after the system that will use it.").max(80);

/** A token lasts a number of whole days (at most a year) or until revoked; read-only tokens cannot write. */
export const ZTokenScope = z.object({
  expiresInDays: z.number().int().min(1).max(365).nullable().default(null),
  readOnly: z.boolean().default(false),
});
