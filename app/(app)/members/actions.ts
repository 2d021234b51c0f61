"use server";
// Invite members, change roles, remove members and revoke invites.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { FieldError, NotFoundError } from "@/db/errors";
import { getClientOrThrow, managedClientIds } from "@/db/queries/clients";
import {
  countRole,
  deleteMembership,
  deleteOpenInvite,
  findMembershipByEmail,
  getMembershipOrThrow,
  insertInvite,
  setMembershipRole,
} from "@/db/queries/members";
import { endSessionsOfUserWithoutAgency, endUserSessions } from "@/db/queries/sessions";
import { agencyAction } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { requestOrigin } from "@/lib/http";
import { INVITE_TTL_DAYS, newInviteToken } from "@/lib/invite-token";
import { mailConfigured, sendMailIfConfigured } from "@/lib/mail";
import {
  changeRoleSchema,
  endMemberSessionsSchema,
  inviteSchema,
  removeMemberSchema,
  revokeInviteSchema,
} from "@/lib/schemas/member";

export const inviteMember = agencyAction({
  name: "members.invite",
  permission: "members.inviteClientUser",
  schema: inviteSchema,
  async run(input, ctx) {
    const { membership, scope } = ctx.member;
    if (input.role !== "client" && !can(membership.role, "members.inviteStaff")) throw new NotFoundError("role");
    if (input.clientId) {
      await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId: input.clientId, scope });
      // A manager invites client users only for the clients they manage.
      if (membership.role === "manager") {
        const managed = await managedClientIds(ctx.tx, { agencyId: ctx.agencyId, membershipId: membership.id });
        if (!managed.has(input.clientId)) throw new NotFoundError("client");
      }
    }
    if (await findMembershipByEmail(ctx.tx, { agencyId: ctx.agencyId, email: input.email }))
      throw new FieldError("email", "validation.alreadyMember");

    const { token, tokenHash } = newInviteToken();
    const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000);
    const created = await insertInvite(ctx.tx, {
      agencyId: ctx.agencyId,
      tokenHash,
      email: input.email,
      role: input.role,
      clientId: input.clientId,
      invitedBy: ctx.member.userId,
      expiresAt,
    });
    // The token itself is never stored or audited: only whoever holds the link can accept.
    await ctx.audit({
      action: "invite.create",
      entity: "invite",
      entityId: created.id,
      after: { email: input.email, role: input.role, clientId: input.clientId },
    });
    const path = `/invite/${token}`;
    const url = `${await requestOrigin()}${path}`;
    const agency = ctx.member.membership.agencyName;
    ctx.afterCommit(() =>
      sendMailIfConfigured({
        to: input.email,
        subject: ctx.t("invite.mailSubject", { agency }),
        text: ctx.t("invite.mailBody", { agency, url }),
      }),
    );
    const mailed = mailConfigured();
    revalidatePath("/members");
    return { inviteId: created.id, url, path, mailed };
  },
});

export const revokeInvite = agencyAction({
  name: "members.revokeInvite",
  permission: "members.inviteClientUser",
  schema: revokeInviteSchema,
  async run(input, ctx) {
    const removed = await deleteOpenInvite(ctx.tx, { agencyId: ctx.agencyId, inviteId: input.inviteId });
    // Managers may revoke only the invites they sent.
    if (!can(ctx.member.membership.role, "members.inviteStaff") && removed.invitedBy !== ctx.member.userId) {
      throw new NotFoundError("invite");
    }
    await ctx.audit({ action: "invite.revoke", entity: "invite", entityId: removed.id, before: removed });
    revalidatePath("/members");
    return { id: removed.id };
  },
});

export const changeRole = agencyAction({
  name: "members.changeRole",
  permission: "members.changeRole",
  schema: changeRoleSchema,
  async run(input, ctx) {
    const target = await getMembershipOrThrow(ctx.tx, { agencyId: ctx.agencyId, membershipId: input.membershipId });
    if (target.role === "client") throw new FieldError("role", "validation.clientRoleFixed");
    if (
      target.role === "owner" &&
      input.role !== "owner" &&
      (await countRole(ctx.tx, { agencyId: ctx.agencyId, role: "owner" })) <= 1
    ) {
      throw new FieldError("role", "validation.lastOwner");
    }
    await setMembershipRole(ctx.tx, { agencyId: ctx.agencyId, membershipId: target.id, role: input.role });
    await ctx.audit({
      action: "member.changeRole",
      entity: "membership",
      entityId: target.id,
      before: { role: target.role },
      after: { role: input.role },
    });
    revalidatePath("/members");
    return { id: target.id, role: input.role };
  },
});

export const removeMember = agencyAction({
  name: "members.remove",
  permission: "members.remove",
  schema: removeMemberSchema,
  async run(input, ctx) {
    const target = await getMembershipOrThrow(ctx.tx, { agencyId: ctx.agencyId, membershipId: input.membershipId });
    if (target.role === "owner" && (await countRole(ctx.tx, { agencyId: ctx.agencyId, role: "owner" })) <= 1) {
      throw new FieldError("membershipId", "validation.lastOwner");
    }
    await deleteMembership(ctx.tx, { agencyId: ctx.agencyId, membershipId: target.id });
    // Someone removed from their last agency is signed out everywhere. Whether other agencies remain is a
    // question across tenants, so it is asked as a system query once this removal has committed.
    ctx.afterCommit(() => endSessionsOfUserWithoutAgency(getDb(), { userId: target.userId }));
    await ctx.audit({ action: "member.remove", entity: "membership", entityId: target.id, before: target });
    revalidatePath("/members");
    return { id: target.id };
  },
});

/** An owner signs a member out on every device (a lost laptop, someone leaving); they can sign in again. */
export const endMemberSessions = agencyAction({
  name: "members.endSessions",
  permission: "members.endSessions",
  schema: endMemberSessionsSchema,
  async run(input, ctx) {
    const target = await getMembershipOrThrow(ctx.tx, { agencyId: ctx.agencyId, membershipId: input.membershipId });
    // Row-level security lets a tenant end only its own members' sessions.
    const ended = await endUserSessions(ctx.tx, { userId: target.userId });
    await ctx.audit({
      action: "member.endSessions",
      entity: "membership",
      entityId: target.id,
      after: { sessionsEnded: ended },
    });
    revalidatePath("/members");
    return { id: target.id, ended };
  },
});
