import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

// The look of a text input or select: a component class in app/globals.css (.input), not a utility list that every
// form would repeat in its HTML and payload; a utility given beside it (`w-40`) still wins.
const control = "input";

type FieldShell = { name: string; label: ReactNode; errors?: string[]; hint?: ReactNode; className?: string };

/** Label, control and its messages, tied together with ids so screen readers read the error with the field. */
function Shell({ name, label, errors, hint, className, children }: FieldShell & { children: ReactNode }) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors name={name} errors={errors} />
    </div>
  );
}

export function FieldErrors({ name, errors }: { name: string; errors?: string[] }) {
  return (
    <div id={`${name}-error`} aria-live="polite" aria-atomic="true">
      {errors?.map((message) => (
        <p key={message} className="text-xs text-red-600">
          {message}
        </p>
      ))}
    </div>
  );
}

export function describedBy(name: string, hint?: unknown) {
  return hint ? `${name}-error ${name}-hint` : `${name}-error`;
}

export function TextField({
  name,
  label,
  errors,
  hint,
  className,
  ...props
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  return (
    <Shell name={name} label={label} errors={errors} hint={hint} className={className}>
      <input
        id={name}
        name={name}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint)}
        {...props}
      />
    </Shell>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  className,
  options,
  ...props
}: FieldShell &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> & { options: { value: string; label: string }[] }) {
  return (
    <Shell name={name} label={label} errors={errors} hint={hint} className={className}>
      <select
        id={name}
        name={name}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint)}
        {...props}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A group of checkboxes submitted as `name[]` (see formDataToObject). */
export function CheckboxGroupField({
  name,
  label,
  errors,
  options,
  defaultValues = [],
}: FieldShell & { options: { value: string; label: string }[]; defaultValues?: string[] }) {
  return (
    <fieldset className="space-y-1" aria-describedby={`${name}-error`} aria-invalid={errors?.length ? true : undefined}>
      <legend className="block text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2 pt-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name={`${name}[]`}
              value={o.value}
              defaultChecked={defaultValues.includes(o.value)}
              className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldErrors name={name} errors={errors} />
    </fieldset>
  );
}

export const inputClass = control;
