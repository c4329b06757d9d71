// The rule that a task order goes only to an operator accredited for its work (IMAS 07.30), checked wherever a
// task gets its operator: when it is issued and when it is assigned or handed to another operator.
import { type AccreditationScope, type MissingAccreditation, missingAccreditations } from "@/lib/domain/accreditation";
import { programmeDay } from "@/lib/domain/calendar";
import type { Locale } from "@/lib/i18n/locales";
import { refusal } from "@/lib/i18n/refusals";
import { scopeList, scopeWord } from "@/lib/i18n/words";
import { CommandError } from "@/lib/server/command-error";
import type { Db } from "@/lib/server/prisma";
import { asRecord } from "@/lib/server/queries/accreditations";
import { findOperator, organisationLabel } from "@/lib/server/queries/organisations";

/**
 * Refuses, naming each missing accreditation and why, unless the organisation is an operator accredited by the
 * task's authority for every work scope of the task on the programme's day `at`.
 */
export async function checkOperatorAccreditation(
  db: Db,
  task: { operatorId: string; authorityId: string; workScopes: readonly AccreditationScope[] },
  at: Date = new Date(),
) {
  const operator = await findOperator(db, task.operatorId);
  if (!operator) throw new CommandError("invalid_request", refusal("notAPartner"));
  const on = programmeDay(at);
  const records = operator.accreditationsHeld.map(asRecord);
  const missing = missingAccreditations(records, { authorityId: task.authorityId, workScopes: task.workScopes, on });
  if (!missing.length) return;
  throw new CommandError(
    "invalid_request",
    refusal("operatorNotAccredited", {
      operator: operator.name,
      authority: await organisationLabel(db, task.authorityId),
      scopes: scopeList(missing.map((m) => m.scope)),
      date: on,
      details: (locale: Locale) => missing.map((m) => why(m)[locale]).join(locale === "en" ? "; " : "؛ "),
    }),
  );
}

function why(m: MissingAccreditation) {
  const scope = scopeWord(m.scope);
  switch (m.why) {
    case "none":
      return refusal("accreditationNone", { scope });
    case "expired":
      return refusal("accreditationExpired", { scope, reference: m.reference, until: m.validTo });
    case "not-yet-valid":
      return refusal("accreditationNotYetValid", { scope, reference: m.reference, from: m.validFrom });
    case "withdrawn":
      return refusal("accreditationWithdrawn", { scope, reference: m.reference, withdrawnOn: m.withdrawnOn });
    case "other-authority":
      return refusal("accreditationOtherAuthority", { scope, reference: m.reference });
  }
}
