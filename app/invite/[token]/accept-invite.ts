import "server-only";
import { FieldError, NotFoundError } from "@/db/errors";
import {
  findMembershipOfUser,
  findOpenInviteByTokenHash,
  findUserForSignIn,
  insertMembership,
  insertUser,
  markInviteAccepted,
} from "@/db/queries/system";
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

    const existing = await findUserForSignIn(tx, invite.email);
    let userId: string;
    if (existing) {
      if (!(await verifyPassword(existing.passwordHash, input.password))) {
        throw new FieldError("password", "validation.wrongPassword");
      }
      userId = existing.id;
    } else {
      if (!input.name) throw new FieldError("name", "validation.required");
      if (input.password.length < 10) throw new FieldError("password", "validation.passwordLength");
      const passwordHash = await hashPassword(input.password);
      userId = await insertUser(tx, { email: invite.email, name: input.name, passwordHash, locale });
    }
    if (await findMembershipOfUser(tx, { agencyId: invite.agencyId, userId }))
      throw new FieldError("password", "validation.alreadyMember");

    const { agencyId, role, clientId } = invite;
    const membershipId = await insertMembership(tx, { agencyId, userId, role, clientId });
    await markInviteAccepted(tx, { inviteId: invite.id, userId });
    await audit(invite.agencyId, userId, {
      action: "invite.accept",
      entity: "membership",
      entityId: membershipId,
      after: { email: invite.email, role: invite.role, clientId: invite.clientId },
    });
    return { email: invite.email, agencyId: invite.agencyId };
  },
});
