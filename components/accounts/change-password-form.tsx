"use client";
import { Field, Submit, useAdminForm } from "./user-admin-forms";

type State = { done?: string; error?: string; problems?: Record<string, string> };

export type ChangePasswordLabels = {
  current: string;
  next: string;
  confirm: string;
  hint: string;
  submit: string;
  signInAgain: string;
};

/** The holder changes their own password; once done, every session of the account has ended, this one too. */
export function ChangePasswordForm({
  action,
  labels,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  labels: ChangePasswordLabels;
}) {
  const { state, form, pending } = useAdminForm(action);
  const p = state.problems ?? {};
  return (
    <form {...form} className="report-form card" aria-label={labels.submit}>
      <div className="grid-fields">
        <Field id="password-current" label={labels.current} problem={p.currentPassword}>
          {(d) => (
            <input
              id="password-current"
              name="currentPassword"
              type="password"
              required
              autoComplete="current-password"
              dir="ltr"
              aria-describedby={d}
              aria-invalid={!!d}
            />
          )}
        </Field>
        <Field id="password-next" label={labels.next} problem={p.newPassword}>
          {(d) => (
            <input
              id="password-next"
              name="newPassword"
              type="password"
              required
              minLength={12}
              maxLength={200}
              autoComplete="new-password"
              dir="ltr"
              aria-describedby={d ?? "password-next-hint"}
              aria-invalid={!!d}
            />
          )}
        </Field>
        <Field id="password-confirm" label={labels.confirm} problem={p.confirmPassword}>
          {(d) => (
            <input
              id="password-confirm"
              name="confirmPassword"
              type="password"
              required
              minLength={12}
              maxLength={200}
              autoComplete="new-password"
              dir="ltr"
              aria-describedby={d}
              aria-invalid={!!d}
            />
          )}
        </Field>
      </div>
      <p className="note" id="password-next-hint">
        {labels.hint}
      </p>
      <Submit label={labels.submit} pending={pending} state={state} />
      {state.done && (
        <p>
          <a href="/sign-in">{labels.signInAgain}</a>
        </p>
      )}
    </form>
  );
}
