import "server-only";
import type { Database } from "@/db/client";
import { passwordHashOf, setUserPassword } from "@/db/queries/system";
import { auditLog } from "@/db/schema";
import { enterTenant } from "@/db/tenant";
import { fieldErrorsOf } from "@/lib/actions/input";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { Translator } from "@/lib/i18n/messages";
import { changePasswordSchema } from "@/lib/schemas/account";
import { hashPassword, verifyPassword } from "./password";
import type { Viewer } from "./viewer";

/**
 * Changes the signed-in user's password after checking the current one. The user's session_version moves on,
 * so every other session of theirs ends on its next request; the caller signs this one in again.
 */
export async function changeOwnPassword(
  db: Database,
  viewer: Viewer | null,
  raw: unknown,
  t: Translator,
): Promise<ActionResult<{ sessionVersion: number }>> {
  if (!viewer) return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, code: "invalid", message: t("errors.invalid"), fieldErrors: fieldErrorsOf(parsed.error, t) };
  const { currentPassword, newPassword } = parsed.data;
  const current = await passwordHashOf(db, viewer.userId);
  if (!current || !(await verifyPassword(current, currentPassword))) {
    return {
      ok: false,
      code: "invalid",
      message: t("errors.invalid"),
      fieldErrors: { currentPassword: [t("validation.wrongPassword")] },
    };
  }
  const passwordHash = await hashPassword(newPassword);
  const sessionVersion = await db.transaction(async (tx) => {
    const version = await setUserPassword(tx, { userId: viewer.userId, passwordHash });
    // The user row is global; the audit row goes to the agency the user is working in (never the hash).
    if (viewer.membership) {
      const agencyId = viewer.membership.agencyId;
      await enterTenant(tx, agencyId);
      const entry = { action: "user.changePassword", entity: "user", entityId: viewer.userId };
      await tx.insert(auditLog).values({ agencyId, actorUserId: viewer.userId, ...entry });
    }
    return version ?? 0;
  });
  return { ok: true, data: { sessionVersion } };
}
