"use server";
// The signed-in user's own settings: language, active agency, password, sign-out.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { FieldError, NotFoundError } from "@/db/errors";
import { passwordHashOf, setUserLocale, setUserPassword } from "@/db/queries/system";
import { type ActionResult, userAction } from "@/lib/actions/safe-action";
import { signOut, unstable_update } from "@/lib/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in-action";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { requestTranslator } from "@/lib/i18n/server";
import { changePasswordSchema, localeSchema, switchAgencySchema } from "@/lib/schemas/account";

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

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

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
