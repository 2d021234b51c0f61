"use server";
import { formDataToObject } from "@/lib/actions/input";
// Sign up: create an agency with its owner, then sign the owner in.
import type { ActionResult } from "@/lib/actions/safe-action";
import { signInWithPassword } from "@/lib/auth/sign-in-action";
import { requestTranslator } from "@/lib/i18n/server";
import { createAgencyWithOwner } from "./create-agency";

export async function signUp(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const input = formDataToObject(formData);
  const created = await createAgencyWithOwner(null, input);
  if (!created.ok) return created;
  return signInWithPassword(
    { email: String(input.email).trim().toLowerCase(), password: String(input.password) },
    "/clients",
    await requestTranslator(),
  );
}
