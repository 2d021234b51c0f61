import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { Translator } from "@/lib/i18n/messages";
import { signIn } from "./index";

/**
 * Signs in and redirects to `redirectTo` (by throwing Next's redirect, which must propagate). Wrong
 * credentials and throttling come back as results for the form.
 */
export async function signInWithPassword(
  credentials: { email: string; password: string; agencyId?: string },
  redirectTo: string,
  t: Translator,
): Promise<ActionResult<never>> {
  try {
    await signIn("credentials", { ...credentials, redirectTo });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return { ok: false, code: "throttled", message: t("auth.throttled") };
    }
    if (error instanceof AuthError)
      return { ok: false, code: "invalid", message: t("auth.invalidCredentials"), fieldErrors: {} };
    throw error;
  }
  throw new Error("signIn returned without redirecting");
}
