// How many failed sign-ins are taken before sign-in pauses: per account (the
// email typed, known or not, so the answer does not reveal which accounts
// exist) and per client address (many accounts guessed from one place, with
// room for an office behind one address), on top of the password hash's own
// cost. Counted in the database by lib/server/rate-limits.ts.

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const WINDOW_MS = 15 * 60 * 1000;
