"use server";
// The signed-in user's own settings: language, active agency, password, sign-out.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { FieldError, NotFoundError } from "@/db/errors";
import { endSession as endSessionRow, endUserSessions } from "@/db/queries/sessions";
import { passwordHashOf, setUserLocale, setUserPassword } from "@/db/queries/system";
import { type ActionResult, userAction } from "@/lib/actions/safe-action";
import { signOut, unstable_update } from "@/lib/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in-action";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { requestTranslator } from "@/lib/i18n/server";
import { changePasswordSchema, endSessionSchema, localeSchema, switchAgencySchema } from "@/lib/schemas/account";

const localeCookie = async (locale: string) =>
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });

/** Saves the language for the user and mirrors it in a cookie for the signed-out pages. */
export const setLocale = userAction({
  name: "account.setLocale",
  schema: localeSchema,
  async run({ locale }, { tx, viewer, audit }) {
    await setUserLocale(tx, { userId: viewer.userId, locale });
    audit({
      action: "user.setLocale",
      entity: "user",
      entityId: viewer.userId,
      before: { locale: viewer.locale },
      after: { locale },
    });
    await localeCookie(locale);
    revalidatePath("/", "layout");
    return { locale };
  },
});

/** The language on the signed-out pages (sign-in, sign-up, invites): a cookie only, nothing stored. */
export async function setVisitorLocale(
  _previous: ActionResult<{ locale: Locale }> | null,
  input: unknown,
): Promise<ActionResult<{ locale: Locale }>> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) {
    const t = await requestTranslator();
    return { ok: false, code: "invalid", message: t("errors.invalid"), fieldErrors: {} };
  }
  await localeCookie(parsed.data.locale);
  revalidatePath("/", "layout");
  return { ok: true, data: parsed.data };
}

/** Makes another of the user's agencies the active one for this session. */
export const switchAgency = userAction({
  name: "account.switchAgency",
  schema: switchAgencySchema,
  async run({ agencyId }, { viewer, audit }) {
    if (!viewer.memberships.some((m) => m.agencyId === agencyId)) throw new NotFoundError("agency");
    // Recorded in the agency the user leaves; the session cookie is all that changes.
    audit({ action: "user.switchAgency", entity: "user", entityId: viewer.userId, after: { agencyId } });
    await unstable_update({ agencyId });
    revalidatePath("/", "layout");
    return { agencyId };
  },
});

/** Ends this session on the server: its cookie, replayed, no longer signs anyone in. */
const endThisSession = userAction({
  name: "account.signOut",
  schema: z.object({}),
  async run(_input, { tx, viewer, audit }) {
    await endSessionRow(tx, { id: viewer.sessionId, userId: viewer.userId });
    audit({ action: "user.signOut", entity: "session", entityId: viewer.sessionId });
    return { ended: true };
  },
});

export async function logout(): Promise<void> {
  await endThisSession(null, {});
  await signOut({ redirectTo: "/login" });
}

/** Ends one of the user's sessions from the account page (a lost laptop, a shared computer). */
export const endSession = userAction({
  name: "account.endSession",
  schema: endSessionSchema,
  async run({ sessionId }, { tx, viewer, audit }) {
    if (!(await endSessionRow(tx, { id: sessionId, userId: viewer.userId }))) throw new NotFoundError("session");
    audit({ action: "user.endSession", entity: "session", entityId: sessionId });
    revalidatePath("/account");
    return { sessionId };
  },
});

/**
 * Checks the current password and stores the new one. The user's session_version moves on, so every other
 * session of theirs ends on its next request; `changePassword` then signs this one in again.
 */
export const changeOwnPassword = userAction({
  name: "account.changePassword",
  schema: changePasswordSchema,
  async run({ currentPassword, newPassword }, { tx, viewer, audit }) {
    const current = await passwordHashOf(tx, viewer.userId);
    if (!current || !(await verifyPassword(current, currentPassword))) {
      throw new FieldError("currentPassword", "validation.wrongPassword");
    }
    const sessionVersion = await setUserPassword(tx, {
      userId: viewer.userId,
      passwordHash: await hashPassword(newPassword),
    });
    // Every session ends, this one too: `changePassword` signs this browser in again with the new password.
    await endUserSessions(tx, { userId: viewer.userId });
    // Never the hash.
    audit({ action: "user.changePassword", entity: "user", entityId: viewer.userId });
    return { sessionVersion: sessionVersion ?? 0, email: viewer.email, agencyId: viewer.membership?.agencyId };
  },
});

export async function changePassword(
  _previous: ActionResult<unknown> | null,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await changeOwnPassword(null, formData);
  if (!result.ok) return result;
  const { email, agencyId } = result.data;
  const t = await requestTranslator();
  return signInWithPassword(
    { email, password: String(formData.get("newPassword")), agencyId },
    "/account?changed=1",
    t,
  );
}
