// What a grant's money is for: land release, explosive ordnance risk
// education (EORE), victim assistance and capacity, in basis points of the
// grant's money, as the grant states it. Pure.

export type ActivitySplitBp = { landReleaseBp: number; eoreBp: number; victimAssistanceBp: number; capacityBp: number };

/** The four shares of a stated split add up to this: the whole grant. */
export const WHOLE_BP = 10_000;

export const ACTIVITY_SHARES = ["landReleaseBp", "eoreBp", "victimAssistanceBp", "capacityBp"] as const;

/** The split's total in basis points. */
export function splitTotalBp(split: ActivitySplitBp): number {
  return ACTIVITY_SHARES.reduce((s, k) => s + split[k], 0);
}

/** Whether a split can be stored: every share a non-negative integer, the four adding up to 10000 bp. */
export function isWholeSplit(split: ActivitySplitBp): boolean {
  return ACTIVITY_SHARES.every((k) => Number.isInteger(split[k]) && split[k] >= 0) && splitTotalBp(split) === WHOLE_BP;
}

/**
 * The part of a grant's money (integer cents) that went to land release: its
 * land-release share, rounded to the nearest cent (half up); null when the
 * grant does not state its split, since then it cannot be told apart.
 */
export function landReleaseCents(cents: bigint, split: ActivitySplitBp | null | undefined): bigint | null {
  if (!split) return null;
  return (cents * BigInt(split.landReleaseBp) + BigInt(WHOLE_BP / 2)) / BigInt(WHOLE_BP);
}

/**
 * "60", "60 %" or "12.5" read from a sheet as a percentage → basis points
 * (6000, 1250): 0.6 is 0.6 %, not 60 % (no guessing at fractions). Null when
 * not a percentage from 0 to 100 with at most two decimals.
 */
export function percentToBp(value: unknown): number | null {
  const text =
    typeof value === "number"
      ? String(value)
      : String(value ?? "")
          .trim()
          .replace(/\s*%$/, "");
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  return bp <= WHOLE_BP ? bp : null;
}
