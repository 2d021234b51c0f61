import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { findOpenInviteByTokenHash } from "@/db/queries/system";
import { invites, memberships, users } from "@/db/schema";
import { FieldError, NotFoundError } from "@/lib/actions/errors";
import { publicAction } from "@/lib/actions/safe-action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requestLocale } from "@/lib/i18n/server";
import { hashInviteToken } from "@/lib/invite-token";
import { acceptInviteSchema } from "@/lib/schemas/account";

/**
 * Accepting an invite: a new user sets name and password; a user who already has an account (same e-mail,
 * another agency) confirms with their password. The invite is single-use and expires.
 */
export const acceptInvite = publicAction({
  name: "account.acceptInvite",
  schema: acceptInviteSchema,
  locale: requestLocale,
  async run(input, { tx, audit, locale }) {
    const invite = await findOpenInviteByTokenHash(tx, hashInviteToken(input.token));
    if (!invite || invite.expiresAt.getTime() <= Date.now()) throw new NotFoundError("invite");

    const [existing] = await tx
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, invite.email));
    let userId: string;
    if (existing) {
      if (!(await verifyPassword(existing.passwordHash, input.password))) {
        throw new FieldError("password", "validation.wrongPassword");
      }
      userId = existing.id;
    } else {
      if (!input.name) throw new FieldError("name", "validation.required");
      if (input.password.length < 10) throw new FieldError("password", "validation.passwordLength");
      const [created] = await tx
        .insert(users)
        .values({ email: invite.email, name: input.name, passwordHash: await hashPassword(input.password), locale })
        .returning({ id: users.id });
      if (!created) throw new Error("insert returned no row");
      userId = created.id;
    }
    const [alreadyMember] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.agencyId, invite.agencyId), eq(memberships.userId, userId)));
    if (alreadyMember) throw new FieldError("password", "validation.alreadyMember");

    const [membership] = await tx
      .insert(memberships)
      .values({ agencyId: invite.agencyId, userId, role: invite.role, clientId: invite.clientId })
      .returning({ id: memberships.id });
    // Single use: the accepted_at guard makes a second, concurrent accept update nothing.
    const accepted = await tx
      .update(invites)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt)))
      .returning({ id: invites.id });
    if (accepted.length !== 1) throw new NotFoundError("invite");
    await audit(invite.agencyId, userId, {
      action: "invite.accept",
      entity: "membership",
      entityId: membership?.id ?? null,
      after: { email: invite.email, role: invite.role, clientId: invite.clientId },
    });
    return { email: invite.email, agencyId: invite.agencyId };
  },
});
