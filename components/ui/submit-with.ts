import type { FormEvent } from "react";

/** A form's onSubmit that stays on the page and hands the form to `submit` (which posts it with the API client). */
export const submitWith = (submit: (form: HTMLFormElement) => Promise<void>) => (e: FormEvent<HTMLFormElement>) => {
  e.preventDefault();
  void submit(e.currentTarget);
};
