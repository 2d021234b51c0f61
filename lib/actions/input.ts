import type { z } from "zod";
import type { Translator } from "@/lib/i18n/messages";

export type FieldErrors = Record<string, string[]>;

/**
 * FormData → plain object. A field named `x[]` becomes an array `x` (checkbox groups, multi-selects) even
 * with one or no value; Next's own `$ACTION…` fields are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    // Files (CSV uploads) stay File objects; the action's schema decides what it accepts.
    const values = formData.getAll(key);
    if (key.endsWith("[]")) out[key.slice(0, -2)] = values;
    else out[key] = values[0];
  }
  return out;
}

/** Every issue, not just the first, as translated messages keyed by field path ("lines.0.amount"). */
export function fieldErrorsOf(error: z.ZodError, t: Translator): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] = [...(errors[key] ?? []), issueMessage(issue, t)];
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translator): string {
  // Schemas name catalogue keys as their messages ("validation.code", "economics.errors.negative", …).
  if (t.has(issue.message as "validation.invalid")) return t(issue.message as "validation.invalid");
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? t("validation.required")
          : t("validation.tooShort", { min: Number(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set")
        return t("validation.chooseAtLeast", { min: Number(issue.minimum) });
      return t("validation.tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("validation.tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set")
        return t("validation.tooMany", { max: Number(issue.maximum) });
      return t("validation.tooBig", { max: Number(issue.maximum) });
    case "invalid_type":
      return issue.input === undefined || issue.input === "" ? t("validation.required") : t("validation.invalidType");
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.format");
    case "invalid_value":
      return t("validation.invalidOption");
    case "not_multiple_of":
      return t("validation.wholeNumber");
    default:
      return t("validation.invalid");
  }
}
