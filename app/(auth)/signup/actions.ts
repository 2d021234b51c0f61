"use server";
// Sign up: ask for the agency and its owner, mail the link that confirms it; confirming signs the owner in.
import { formDataToObject } from "@/lib/actions/input";
import type { ActionResult } from "@/lib/actions/safe-action";
import { signInWithPassword } from "@/lib/auth/sign-in-action";
import { env } from "@/lib/env";
import { requestOrigin } from "@/lib/http";
import { requestTranslator } from "@/lib/i18n/server";
import { mailConfigured, sendMailIfConfigured } from "@/lib/mail";
import { createAgencyWithOwner, requestSignUp } from "./create-agency";

/**
 * The answer is the same for an address with or without an account: "we sent a link". Only the demo shows
 * the link on screen (there is no mail server there); elsewhere it is mailed, and logged for the operator
 * when no SMTP server is configured.
 */
export async function signUp(
  _previous: ActionResult<{ email: string; link: string | null }> | null,
  input: unknown,
): Promise<ActionResult<{ email: string; link: string | null }>> {
  const requested = await requestSignUp(null, input instanceof FormData ? formDataToObject(input) : input);
  if (!requested.ok) return requested;
  const { email, path } = requested.data;
  const url = `${await requestOrigin()}${path}`;
  const t = await requestTranslator();
  await sendMailIfConfigured({
    to: email,
    subject: t("auth.signUpMailSubject"),
    text: t("auth.signUpMailBody", { url }),
  });
  if (!mailConfigured() && !env().DEMO_MODE)
    console.info(`[sign-up] no SMTP_URL: confirmation link for ${email}: ${url}`);
  return { ok: true, data: { email, link: env().DEMO_MODE ? path : null } };
}

export async function confirm(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const input = formDataToObject(formData);
  const created = await createAgencyWithOwner(null, input);
  if (!created.ok) return created;
  return signInWithPassword(
    { email: created.data.email, password: String(input.password) },
    "/clients",
    await requestTranslator(),
  );
}
