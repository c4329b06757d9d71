// Accreditation (IMAS 07.30): an authority licenses an operator for kinds of
// work over a period, and a task order goes only to an operator accredited for
// every kind of work it asks. In Iraq each authority accredits for its own
// region (DMA federal Iraq, IKMAA the Kurdistan Region), so only the task's
// own authority's accreditations count.

export const ACCREDITATION_SCOPES = ["NTS", "TS", "CLEARANCE", "EOD", "EORE"] as const;
export type AccreditationScope = (typeof ACCREDITATION_SCOPES)[number];

/** The kinds of work a task order can ask for (risk education is not done on a task's hazardous areas). */
export const TASK_WORK_SCOPES = ["NTS", "TS", "CLEARANCE", "EOD"] as const satisfies readonly AccreditationScope[];

/** One accreditation as recorded; dates are calendar days (YYYY-MM-DD), both ends of the period included. */
export type AccreditationRecord = {
  issuingAuthorityId: string;
  scopes: readonly AccreditationScope[];
  validFrom: string;
  validTo: string;
  /** The day it was withdrawn or suspended from (null while it stands). */
  withdrawnOn: string | null;
  reference: string;
};

/** Why a scope is not covered, with the record that came closest, so the refusal can name it. */
export type MissingAccreditation =
  | { scope: AccreditationScope; why: "none" }
  | { scope: AccreditationScope; why: "other-authority"; reference: string }
  | { scope: AccreditationScope; why: "expired"; reference: string; validTo: string }
  | { scope: AccreditationScope; why: "not-yet-valid"; reference: string; validFrom: string }
  | { scope: AccreditationScope; why: "withdrawn"; reference: string; withdrawnOn: string };

/** Whether the record lets its holder do `scope` for `authorityId` on the day `on`. */
export function covers(record: AccreditationRecord, authorityId: string, scope: AccreditationScope, on: string) {
  return (
    record.issuingAuthorityId === authorityId &&
    record.scopes.includes(scope) &&
    record.validFrom <= on &&
    on <= record.validTo &&
    (record.withdrawnOn === null || on < record.withdrawnOn)
  );
}

/**
 * The work scopes of a task order its operator is not accredited for on the
 * day `on` (YYYY-MM-DD) by the task's authority, in the order asked, each with
 * the most telling reason: a withdrawn record of that authority first, then an
 * expired one (the latest), then one not yet valid (the soonest), then a
 * record of another authority, else none at all. Empty when all are covered.
 */
export function missingAccreditations(
  records: readonly AccreditationRecord[],
  task: { authorityId: string; workScopes: readonly AccreditationScope[]; on: string },
): MissingAccreditation[] {
  const { authorityId, on } = task;
  const missing: MissingAccreditation[] = [];
  for (const scope of new Set(task.workScopes)) {
    if (records.some((r) => covers(r, authorityId, scope, on))) continue;
    const forScope = records.filter((r) => r.scopes.includes(scope));
    const own = forScope.filter((r) => r.issuingAuthorityId === authorityId);
    const withdrawn = own.find((r) => r.withdrawnOn !== null && r.withdrawnOn <= on && r.validFrom <= on);
    const expired = latest(own.filter((r) => r.validTo < on));
    const future = own.filter((r) => r.validFrom > on).sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
    const other = forScope.find((r) => r.issuingAuthorityId !== authorityId);
    if (withdrawn)
      missing.push({ scope, why: "withdrawn", reference: withdrawn.reference, withdrawnOn: withdrawn.withdrawnOn! });
    else if (expired) missing.push({ scope, why: "expired", reference: expired.reference, validTo: expired.validTo });
    else if (future)
      missing.push({ scope, why: "not-yet-valid", reference: future.reference, validFrom: future.validFrom });
    else if (other) missing.push({ scope, why: "other-authority", reference: other.reference });
    else missing.push({ scope, why: "none" });
  }
  return missing;
}

function latest(records: AccreditationRecord[]) {
  return records.sort((a, b) => b.validTo.localeCompare(a.validTo))[0];
}

/** The scopes an operator may be tasked with by `authorityId` on `on`: what a task form offers it for. */
export function accreditedScopes(
  records: readonly AccreditationRecord[],
  authorityId: string,
  on: string,
): AccreditationScope[] {
  return ACCREDITATION_SCOPES.filter((scope) => records.some((r) => covers(r, authorityId, scope, on)));
}

/** Where a record stands on the day `on`: what the register shows beside it. */
export function accreditationStanding(
  record: Pick<AccreditationRecord, "validFrom" | "validTo" | "withdrawnOn">,
  on: string,
): "valid" | "expired" | "not-yet-valid" | "withdrawn" {
  if (record.withdrawnOn !== null && record.withdrawnOn <= on) return "withdrawn";
  if (record.validTo < on) return "expired";
  return record.validFrom > on ? "not-yet-valid" : "valid";
}
