"use client";
import { useLocale, useTranslations } from "next-intl";
import {
  createContext,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  startTransition,
  use,
  useActionState,
  useEffect,
  useRef,
} from "react";
import { formatCount } from "@/lib/i18n/format";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/account";

/** What a form shows after the server answered: what was done, or what is wrong, each field's problem under that field. */
export type FormState = { done?: string; error?: string; problems?: Record<string, string> };
export type FormAction = (prev: FormState, form: FormData) => Promise<FormState>;
type Choice = { value: string; label: string };

/** The server's problem with each field of the form around, by the field's name. */
export const FieldProblems = createContext<Record<string, string>>({});

/** A labelled field with its problem, if the server found one, said under it and tied to it for screen readers. */
export function Field({
  id,
  name,
  label,
  children,
}: {
  id: string;
  name: string;
  label: string;
  children: (describedBy?: string) => ReactNode;
}) {
  const problem = use(FieldProblems)[name];
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

/** A labelled input with its problem under it; a hint elsewhere on the form may describe it while it has none. */
export function InputField({
  id,
  name,
  label,
  hint,
  ...input
}: {
  id: string;
  name: string;
  label: string;
  /** The id of the note that describes the field. */
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "aria-describedby" | "aria-invalid">) {
  return (
    <Field id={id} name={name} label={label}>
      {(d) => <input id={id} name={name} {...input} aria-describedby={d ?? hint} aria-invalid={!!d} />}
    </Field>
  );
}

/** A labelled choice the form needs, with its problem under it. */
function SelectField({ id, name, label, children }: { id: string; name: string; label: string; children: ReactNode }) {
  return (
    <Field id={id} name={name} label={label}>
      {(d) => (
        <select id={id} name={name} required aria-describedby={d} aria-invalid={!!d}>
          {children}
        </select>
      )}
    </Field>
  );
}

/**
 * A new password: twelve characters at least. The hint under the fields
 * (PasswordHint) says what it must be; a confirmation that repeats it is not `hinted`.
 */
export function NewPasswordField({
  hinted = true,
  ...field
}: {
  id: string;
  name: string;
  label: string;
  hinted?: boolean;
}) {
  return (
    <InputField
      {...field}
      hint={hinted ? `${field.id}-hint` : undefined}
      type="password"
      required
      minLength={12}
      maxLength={200}
      autoComplete="new-password"
      dir="ltr"
    />
  );
}

/** What a new password must be, under the fields; it describes the NewPasswordField `field`. */
export function PasswordHint({ field, children }: { field: string; children: ReactNode }) {
  return (
    <p className="note" id={`${field}-hint`}>
      {children}
    </p>
  );
}

const options = (choices: Choice[]) =>
  choices.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));

/** The form's button, and under it what the server did or why it refused. */
export function Submit({ label, pending, state }: { label: string; pending: boolean; state: FormState }) {
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
export function useAdminForm(action: FormAction) {
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
  return { state, form: { ref, action: formAction, onSubmit }, pending, problems: state.problems ?? {} };
}

/** Each administrator's form: its title and button, and the new password it sets with the hint under it. */
const ADMIN_FORMS = {
  "add-user": { title: "addUser", submit: "createUser", password: { field: "user-password", hint: "passwordHint" } },
  "set-password": {
    title: "setPassword",
    submit: "setPasswordSubmit",
    password: { field: "password-new", hint: "newPasswordHint" },
  },
  "add-organisation": { title: "addOrganisation", submit: "createOrganisation", password: undefined },
} as const;

/**
 * An administrator's form on a card: its title, the fields in a grid, the hint
 * saying what the new password must be, the button and the server's answer.
 */
function AdminFormCard({
  action,
  id,
  children,
}: {
  action: FormAction;
  id: keyof typeof ADMIN_FORMS;
  children: ReactNode;
}) {
  const t = useTranslations("users");
  const locale = useLocale();
  const { title, submit, password } = ADMIN_FORMS[id];
  const { state, form, pending, problems } = useAdminForm(action);
  return (
    <form {...form} className="report-form card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(title)}</h2>
      <FieldProblems value={problems}>
        <div className="grid-fields">{children}</div>
      </FieldProblems>
      {password && (
        <PasswordHint field={password.field}>
          {t(password.hint, { min: formatCount(MIN_PASSWORD_LENGTH, locale) })}
        </PasswordHint>
      )}
      <Submit label={t(submit)} pending={pending} state={state} />
    </form>
  );
}

/** An administrator opens an account, with a first password to hand to its holder. */
export function AddUserForm({
  action,
  roles,
  organisations,
}: {
  action: FormAction;
  roles: Choice[];
  organisations: { type: string; label: string; choices: Choice[] }[];
}) {
  const t = useTranslations("users");
  return (
    <AdminFormCard action={action} id="add-user">
      <InputField id="user-email" name="email" label={t("email")} type="email" required autoComplete="off" dir="ltr" />
      <InputField id="user-name" name="name" label={t("name")} required minLength={2} maxLength={120} />
      <SelectField id="user-role" name="role" label={t("role")}>
        {options(roles)}
      </SelectField>
      <SelectField id="user-organisation" name="organisationId" label={t("organisation")}>
        {organisations.map((g) => (
          <optgroup key={g.type} label={g.label}>
            {options(g.choices)}
          </optgroup>
        ))}
      </SelectField>
      <NewPasswordField id="user-password" name="password" label={t("password")} />
    </AdminFormCard>
  );
}

/** An administrator adds an operator (saying what kind) or a donor, for accounts and task orders. */
export function AddOrganisationForm({
  action,
  roles,
  kinds,
}: {
  action: FormAction;
  roles: Choice[];
  kinds: Choice[];
}) {
  const t = useTranslations("users");
  const tA = useTranslations("accreditations");
  return (
    <AdminFormCard action={action} id="add-organisation">
      <InputField
        id="organisation-name"
        name="name"
        label={t("organisationName")}
        required
        minLength={2}
        maxLength={160}
      />
      <InputField id="organisation-short-name" name="shortName" label={t("shortName")} maxLength={40} />
      <fieldset>
        <legend>{tA("roles")}</legend>
        {roles.map((r, i) => (
          <label key={r.value} className="inline">
            <input type="checkbox" name="roles" value={r.value} defaultChecked={i === 0} /> {r.label}
          </label>
        ))}
      </fieldset>
      <Field id="organisation-operator-kind" name="operatorKind" label={tA("operatorKindLabel")}>
        {(d) => (
          <select id="organisation-operator-kind" name="operatorKind" aria-describedby={d} aria-invalid={!!d}>
            {options([...kinds, { value: "", label: tA("noKind") }])}
          </select>
        )}
      </Field>
    </AdminFormCard>
  );
}

/** An administrator sets a new password for an account whose holder forgot theirs. */
export function SetPasswordForm({ action, accounts }: { action: FormAction; accounts: Choice[] }) {
  const t = useTranslations("users");
  return (
    <AdminFormCard action={action} id="set-password">
      <SelectField id="password-account" name="userId" label={t("account")}>
        {options(accounts)}
      </SelectField>
      <NewPasswordField id="password-new" name="password" label={t("newPassword")} />
    </AdminFormCard>
  );
}
