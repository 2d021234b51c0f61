"use server";
import { fieldErrorsOf, formDataToObject } from "@/lib/actions/input";
// Sign in with e-mail and password.
import type { ActionResult } from "@/lib/actions/safe-action";
import { signInWithPassword } from "@/lib/auth/sign-in-action";
import { requestTranslator } from "@/lib/i18n/server";
import { signInSchema } from "@/lib/schemas/account";

export async function login(_previous: ActionResult<never> | null, formData: FormData): Promise<ActionResult<never>> {
  const t = await requestTranslator();
  const parsed = signInSchema.safeParse(formDataToObject(formData));
  if (!parsed.success)
    return { ok: false, code: "invalid", message: t("errors.invalid"), fieldErrors: fieldErrorsOf(parsed.error, t) };
  const next = formData.get("next");
  const redirectTo = typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return signInWithPassword(parsed.data, redirectTo, t);
}
