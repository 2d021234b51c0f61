"use server";
import { formDataToObject } from "@/lib/actions/input";
// Accept an invite, then sign in to the agency that sent it.
import type { ActionResult } from "@/lib/actions/safe-action";
import { signInWithPassword } from "@/lib/auth/sign-in-action";
import { requestTranslator } from "@/lib/i18n/server";
import { acceptInvite } from "./accept-invite";

export async function accept(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const input = formDataToObject(formData);
  const accepted = await acceptInvite(null, input);
  if (!accepted.ok) return accepted;
  return signInWithPassword(
    { email: accepted.data.email, password: String(input.password), agencyId: accepted.data.agencyId },
    "/",
    await requestTranslator(),
  );
}
