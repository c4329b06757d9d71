"use client";
import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useRef } from "react";

type State = { done?: string; error?: string; problems?: Record<string, string> };
type Action = (prev: State, form: FormData) => Promise<State>;
type Choice = { value: string; label: string };

/** A labelled field with its problem, if the server found one, said under it and tied to it for screen readers. */
export function Field({
  id,
  label,
  problem,
  children,
}: {
  id: string;
  label: string;
  problem?: string;
  children: (describedBy?: string) => ReactNode;
}) {
  const describedBy = problem ? `${id}-problem` : undefined;
  return (
    <label htmlFor={id}>
      {label}
      {children(describedBy)}
      {problem && (
        <span className="error" id={describedBy}>
          {problem}
        </span>
      )}
    </label>
  );
}

const options = (choices: Choice[]) =>
  choices.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));

/** The form's button, and under it what the server did or why it refused. */
export function Submit({ label, pending, state }: { label: string; pending: boolean; state: State }) {
  return (
    <>
      <div>
        <button type="submit" disabled={pending}>
          {label}
        </button>
      </div>
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state.done && <p role="status">{state.done}</p>}
    </>
  );
}

/**
 * A form posting to a server action that keeps what was typed when the server
 * refuses it (React resets a form after its action), and clears it once done.
 * Without JavaScript the form posts as usual.
 */
export function useAdminForm(action: Action) {
  const [state, formAction, pending] = useActionState(action, {});
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done) ref.current?.reset();
  }, [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };
  return { state, form: { ref, action: formAction, onSubmit }, pending };
}

export type AddUserLabels = {
  title: string;
  email: string;
  name: string;
  role: string;
  organisation: string;
  password: string;
  passwordHint: string;
  submit: string;
};

/** An administrator opens an account, with a first password to hand to its holder. */
export function AddUserForm({
  action,
  labels,
  roles,
  organisations,
}: {
  action: Action;
  labels: AddUserLabels;
  roles: Choice[];
  organisations: { type: string; label: string; choices: Choice[] }[];
}) {
  const { state, form, pending } = useAdminForm(action);
  const p = state.problems ?? {};
  return (
    <form {...form} className="report-form card" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{labels.title}</h2>
      <div className="grid-fields">
        <Field id="user-email" label={labels.email} problem={p.email}>
          {(d) => (
            <input
              id="user-email"
              name="email"
              type="email"
              required
              autoComplete="off"
              dir="ltr"
              aria-describedby={d}
              aria-invalid={!!d}
            />
          )}
        </Field>
        <Field id="user-name" label={labels.name} problem={p.name}>
          {(d) => (
            <input
              id="user-name"
              name="name"
              required
              minLength={2}
              maxLength={120}
              aria-describedby={d}
              aria-invalid={!!d}
            />
          )}
        </Field>
        <Field id="user-role" label={labels.role} problem={p.role}>
          {(d) => (
            <select id="user-role" name="role" required aria-describedby={d} aria-invalid={!!d}>
              {options(roles)}
            </select>
          )}
        </Field>
        <Field id="user-organisation" label={labels.organisation} problem={p.organisationId}>
          {(d) => (
            <select id="user-organisation" name="organisationId" required aria-describedby={d} aria-invalid={!!d}>
              {organisations.map((g) => (
                <optgroup key={g.type} label={g.label}>
                  {options(g.choices)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field id="user-password" label={labels.password} problem={p.password}>
          {(d) => (
            <input
              id="user-password"
              name="password"
              type="password"
              required
              minLength={12}
              maxLength={200}
              autoComplete="new-password"
              dir="ltr"
              aria-describedby={d ?? "user-password-hint"}
              aria-invalid={!!d}
            />
          )}
        </Field>
      </div>
      <p className="note" id="user-password-hint">
        {labels.passwordHint}
      </p>
      <Submit label={labels.submit} pending={pending} state={state} />
    </form>
  );
}

export type AddOrganisationLabels = { title: string; name: string; shortName: string; type: string; submit: string };

/** An administrator adds an implementing partner or a donor, for accounts and task orders. */
export function AddOrganisationForm({
  action,
  labels,
  types,
}: {
  action: Action;
  labels: AddOrganisationLabels;
  types: Choice[];
}) {
  const { state, form, pending } = useAdminForm(action);
  const p = state.problems ?? {};
  return (
    <form {...form} className="report-form card" aria-labelledby="add-organisation-title">
      <h2 id="add-organisation-title">{labels.title}</h2>
      <div className="grid-fields">
        <Field id="organisation-name" label={labels.name} problem={p.name}>
          {(d) => (
            <input
              id="organisation-name"
              name="name"
              required
              minLength={2}
              maxLength={160}
              aria-describedby={d}
              aria-invalid={!!d}
            />
          )}
        </Field>
        <Field id="organisation-short-name" label={labels.shortName} problem={p.shortName}>
          {(d) => (
            <input
              id="organisation-short-name"
              name="shortName"
              maxLength={40}
              aria-describedby={d}
              aria-invalid={!!d}
            />
          )}
        </Field>
        <Field id="organisation-type" label={labels.type} problem={p.type}>
          {(d) => (
            <select id="organisation-type" name="type" required aria-describedby={d} aria-invalid={!!d}>
              {options(types)}
            </select>
          )}
        </Field>
      </div>
      <Submit label={labels.submit} pending={pending} state={state} />
    </form>
  );
}

export type SetPasswordLabels = {
  title: string;
  account: string;
  password: string;
  passwordHint: string;
  submit: string;
};

/** An administrator sets a new password for an account whose holder forgot theirs. */
export function SetPasswordForm({
  action,
  labels,
  accounts,
}: {
  action: Action;
  labels: SetPasswordLabels;
  accounts: Choice[];
}) {
  const { state, form, pending } = useAdminForm(action);
  const p = state.problems ?? {};
  return (
    <form {...form} className="report-form card" aria-labelledby="set-password-title">
      <h2 id="set-password-title">{labels.title}</h2>
      <div className="grid-fields">
        <Field id="password-account" label={labels.account} problem={p.userId}>
          {(d) => (
            <select id="password-account" name="userId" required aria-describedby={d} aria-invalid={!!d}>
              {options(accounts)}
            </select>
          )}
        </Field>
        <Field id="password-new" label={labels.password} problem={p.password}>
          {(d) => (
            <input
              id="password-new"
              name="password"
              type="password"
              required
              minLength={12}
              maxLength={200}
              autoComplete="new-password"
              dir="ltr"
              aria-describedby={d ?? "password-new-hint"}
              aria-invalid={!!d}
            />
          )}
        </Field>
      </div>
      <p className="note" id="password-new-hint">
        {labels.passwordHint}
      </p>
      <Submit label={labels.submit} pending={pending} state={state} />
    </form>
  );
}
