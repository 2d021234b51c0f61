"use server";
// The signed-in user's own settings: language, active agency, password, sign-out.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { setUserLocale } from "@/db/queries/system";
import { auditLog } from "@/db/schema";
import { enterTenant } from "@/db/tenant";
import { formDataToObject } from "@/lib/actions/input";
import type { ActionResult } from "@/lib/actions/safe-action";
import { signOut, unstable_update } from "@/lib/auth";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { signInWithPassword } from "@/lib/auth/sign-in-action";
import { getViewer } from "@/lib/auth/viewer";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { requestTranslator } from "@/lib/i18n/server";
import { localeSchema, switchAgencySchema } from "@/lib/schemas/account";

/** Saves the language for the user (when signed in) and mirrors it in a cookie for public pages. */
export async function setLocale(input: { locale: string }): Promise<ActionResult<{ locale: string }>> {
  const t = await requestTranslator();
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", message: t("errors.invalid"), fieldErrors: {} };
  const { locale } = parsed.data;
  const viewer = await getViewer();
  if (viewer) {
    await getDb().transaction(async (tx) => {
      // The user row is global (a system write); the audit row then goes, in the same transaction, to the
      // agency the user is working in.
      await setUserLocale(tx, { userId: viewer.userId, locale });
      if (!viewer.membership) return;
      const agencyId = viewer.membership.agencyId;
      await enterTenant(tx, agencyId);
      await tx.insert(auditLog).values({
        agencyId,
        actorUserId: viewer.userId,
        action: "user.setLocale",
        entity: "user",
        entityId: viewer.userId,
        before: { locale: viewer.locale },
        after: { locale },
      });
    });
  }
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
  return { ok: true, data: { locale } };
}

/** Makes another of the user's agencies the active one for this session. */
export async function switchAgency(input: { agencyId: string }): Promise<ActionResult<{ agencyId: string }>> {
  const t = await requestTranslator();
  const parsed = switchAgencySchema.safeParse(input);
  const viewer = await getViewer();
  if (!viewer) return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
  if (!parsed.success || !viewer.memberships.some((m) => m.agencyId === parsed.data.agencyId)) {
    return { ok: false, code: "not_found", message: t("errors.notFound") };
  }
  await unstable_update({ agencyId: parsed.data.agencyId });
  revalidatePath("/", "layout");
  return { ok: true, data: { agencyId: parsed.data.agencyId } };
}

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

/** Changes the password, then signs this session in again with it (every other session ends). */
export async function changePassword(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const t = await requestTranslator();
  const viewer = await getViewer();
  const input = formDataToObject(formData);
  const result = await changeOwnPassword(getDb(), viewer, input, t);
  if (!result.ok || !viewer) return result;
  return signInWithPassword(
    { email: viewer.email, password: String(input.newPassword), agencyId: viewer.membership?.agencyId },
    "/account?changed=1",
    t,
  );
}
