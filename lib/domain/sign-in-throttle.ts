// How many wrong passwords an account takes before sign-in pauses. Per
// account (the email typed, known or not, so the answer does not reveal
// which accounts exist), on top of the password hash's own cost.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Whether a sign-in may be tried now, given the times of the failed ones in
 * the last window: after MAX_FAILURES, not until the oldest of the last
 * MAX_FAILURES leaves the window.
 */
export function signInAllowed(failures: readonly Date[], now: Date): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const recent = failures.map((d) => d.getTime()).filter((t) => t > now.getTime() - WINDOW_MS).sort((a, b) => b - a);
  if (recent.length < MAX_FAILURES) return { allowed: true };
  const reopens = recent[MAX_FAILURES - 1]! + WINDOW_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)) };
}
