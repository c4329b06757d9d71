// Personal API tokens for partners' own systems: 256 random bits, shown once,
// stored only as a SHA-256 hash (a token is random, so a fast hash is enough:
// there is nothing to guess that a slow KDF would protect).
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "mat_";

export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token from an `Authorization: Bearer …` header, if it looks like one of ours. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return m && m[1]!.startsWith(TOKEN_PREFIX) ? m[1]! : null;
}
