import "server-only";
import { notFound, redirect } from "next/navigation";
import { type Database, getDb, type Transaction } from "@/db/client";
import { NotFoundError } from "@/db/errors";
import type { ClientScope } from "@/db/scope";
import { withTenant } from "@/db/tenant";
import type { Permission } from "@/lib/auth/permissions";
import { authorise, getViewer, type Member, type Viewer } from "@/lib/auth/viewer";

export type ReadContext = {
  tx: Transaction;
  member: Member;
  agencyId: string;
  /** Which clients the member may see; query functions take it as `scope`. */
  scope: ClientScope;
};

/**
 * The read-side twin of `agencyAction`, for every page and route handler that shows agency data: session →
 * membership of the active agency → role check against lib/auth/permissions.ts → one transaction in the
 * tenant's row-level-security context → `load`. A signed-out visitor goes to the sign-in page (a route
 * handler answers 404 instead, with `signedOut: "notFound"`); a member without the permission, and any
 * NotFoundError that `load` raises (another agency's or client's row), answer 404, never 403.
 */
export async function agencyRead<T>(
  permission: Permission,
  load: (ctx: ReadContext) => Promise<T>,
  options: { signedOut?: "signIn" | "notFound" } = {},
): Promise<T> {
  const viewer = await getViewer();
  if (!viewer) {
    if (options.signedOut === "notFound") notFound();
    redirect("/login");
  }
  const member = authorise(viewer, permission);
  if (!member) notFound();
  const agencyId = member.membership.agencyId;
  try {
    return await withTenant(getDb(), agencyId, (tx) => load({ tx, member, agencyId, scope: member.scope }));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export type UserReadContext = { db: Database; viewer: Viewer };

/**
 * For pages about the signed-in user themselves (the account page): the viewer and system queries about
 * them (their sessions), no agency involved. A signed-out visitor goes to the sign-in page.
 */
export async function userRead<T>(load: (ctx: UserReadContext) => Promise<T>): Promise<T> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return load({ db: getDb(), viewer });
}
