"use server";
// Accept an invite, then sign in to the agency that sent it.
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { formDataToObject } from "@/lib/actions/input";
import type { ActionResult } from "@/lib/actions/safe-action";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { bucketOf, checkRateLimit, countAgainstLimit } from "@/lib/auth/rate-limit";
import { signInWithPassword } from "@/lib/auth/sign-in-action";
import { requestTranslator } from "@/lib/i18n/server";
import { acceptInvite } from "./accept-invite";

/**
 * Failed acceptances count against the caller's address (a wrong password for an existing account is a
 * guess); they are counted after the refused attempt's transaction has rolled back, so the count stays.
 */
export async function accept(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const input = formDataToObject(formData);
  const t = await requestTranslator();
  const bucket = bucketOf("inviteAccept", clientAddressFrom(await headers()), String(input.token ?? ""));
  if (!(await checkRateLimit(getDb(), "inviteAccept", bucket)).allowed) {
    return { ok: false, code: "throttled", message: t("auth.throttled") };
  }
  const accepted = await acceptInvite(null, input);
  if (!accepted.ok) {
    if (accepted.code === "invalid" || accepted.code === "not_found") await countAgainstLimit(getDb(), bucket);
    return accepted;
  }
  return signInWithPassword(
    { email: accepted.data.email, password: String(input.password), agencyId: accepted.data.agencyId },
    "/",
    t,
  );
}
