"use client";

import { type FormEvent, startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for forms that must keep what the user typed when the server answers with errors (React
 * resets a form after a plain `action={…}` submission). `fields` adds values the form does not show (a row's
 * id and version…) at submission, instead of a hidden input each in the page. `submit` sends the named
 * controls inside any element (a grid row, which cannot be a form) the same way.
 */
export function useFormAction<T>(action: FormAction<T>, fields?: () => Record<string, string | number | undefined>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const send = (formData: FormData) => {
    for (const [name, value] of Object.entries(fields?.() ?? {})) {
      if (value !== undefined) formData.set(name, String(value));
    }
    startTransition(() => dispatch(formData));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(new FormData(event.currentTarget));
  };
  const submit = (container: Element) => {
    const formData = new FormData();
    for (const control of container.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      "input[name], select[name]",
    )) {
      formData.set(control.name, control.value);
    }
    send(formData);
  };
  const fieldErrors = state && !state.ok && state.code === "invalid" ? state.fieldErrors : {};
  const error = state && !state.ok ? state.message : null;
  return { state, onSubmit, submit, pending, fieldErrors, error };
}
