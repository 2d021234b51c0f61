import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { loadLiveSessionUser } from "@/db/queries/sessions";
import type { Role } from "@/db/schema";
import { type ClientScope, can, clientScopeOf, type Permission } from "./permissions";
import { readSession } from "./session";
import { sessionPolicy } from "./session-policy";

export type ActiveMembership = {
  id: string;
  agencyId: string;
  agencyName: string;
  role: Role;
  clientId: string | null;
};

export type Viewer = {
  userId: string;
  /** The server-side session this request belongs to (the account page marks it as "this device"). */
  sessionId: string;
  name: string;
  email: string;
  locale: "ja" | "en";
  membership: ActiveMembership | null;
  memberships: ActiveMembership[];
};

export type Member = Viewer & { membership: ActiveMembership; scope: ClientScope };

/**
 * The signed-in user as the database sees them now. The cookie's session must still be live in the sessions
 * table (not signed out, ended from another device or by an owner, idle or too old), its version must match
 * the user's (a password change ends other sessions) and the active agency must still have them as a member,
 * so removing a member or changing a role takes effect on that user's next request. Cached for one request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const claims = await readSession();
  if (!claims?.sessionId) return null;
  // One query for the session, the user and their memberships: it runs on every request.
  const loaded = await loadLiveSessionUser(getDb(), {
    sessionId: claims.sessionId,
    userId: claims.userId,
    policy: sessionPolicy(),
  });
  const session = loaded?.session;
  if (!session || !loaded || loaded.user.sessionVersion !== claims.sessionVersion) return null;
  const membership =
    loaded.memberships.find((m) => m.agencyId === claims.agencyId) ??
    // The active agency is gone (removed from it): fall back to another agency rather than a dead end.
    loaded.memberships[0] ??
    null;
  return {
    userId: loaded.user.id,
    sessionId: session.id,
    name: loaded.user.name,
    email: loaded.user.email,
    locale: loaded.user.locale,
    membership,
    memberships: loaded.memberships,
  };
});

/** The member if their role has `permission` in the active agency; otherwise null (callers answer "not found"). */
export function authorise(viewer: Viewer | null, permission: Permission): Member | null {
  if (!viewer?.membership || !can(viewer.membership.role, permission)) return null;
  return { ...viewer, membership: viewer.membership, scope: clientScopeOf(viewer.membership) };
}

/** For pages: anonymous → sign-in; signed in without the permission → 404, never 403. */
export async function requirePermission(permission: Permission): Promise<Member> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  const member = authorise(viewer, permission);
  if (!member) notFound();
  return member;
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}
