import "server-only";
import { notFound, redirect } from "next/navigation";
import { type Database, getDb, type Transaction } from "@/db/client";
import { NotFoundError } from "@/db/errors";
import { currentAgencyRevision } from "@/db/queries/system";
import type { ClientScope } from "@/db/scope";
import { withTenant } from "@/db/tenant";
import type { Permission } from "@/lib/auth/permissions";
import { authorise, getViewer, type Member, requirePermission, type Viewer } from "@/lib/auth/viewer";
import { type MemoKey, memoAgencyAt } from "@/lib/cache/agency-memo";

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
  options: ReadOptions = {},
): Promise<T> {
  const member = await readingMember(permission, options);
  return notFoundAs404(() => inTenant(member, load));
}

type ReadOptions = { signedOut?: "signIn" | "notFound" };

/** The signed-in member with `permission` in the active agency; otherwise the sign-in page, or 404. */
async function readingMember(permission: Permission, options: ReadOptions): Promise<Member> {
  if (options.signedOut !== "notFound") return requirePermission(permission);
  const member = authorise(await getViewer(), permission);
  if (!member) notFound();
  return member;
}

/** `load` in one transaction in the member's agency's row-level-security context. */
function inTenant<T>(member: Member, load: (ctx: ReadContext) => Promise<T>): Promise<T> {
  const agencyId = member.membership.agencyId;
  return withTenant(getDb(), agencyId, (tx) => load({ tx, member, agencyId, scope: member.scope }));
}

/** A NotFoundError (another agency's or client's row) answers 404. */
async function notFoundAs404<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export type Kept<T> = {
  data: T;
  member: Member;
  agencyId: string;
  /** The agency's revision that `data` stands for: a page may key more kept figures on it (memoAgencyAt). */
  revision: number;
};

/**
 * `agencyRead` for figures kept per state of the agency's data (lib/cache/agency-memo.ts). After the same
 * session and permission checks, the agency's revision is read in one statement outside any transaction
 * (db/queries/system.ts); while it is unchanged, what `load` gave for the same key is served as it is, without a
 * tenant transaction. Otherwise `load` runs as in `agencyRead`, in the tenant's transaction, and its value is
 * kept. A NotFoundError answers 404 and keeps nothing.
 *
 * The key is `key` after the member's role and client scope, so one member never gets what was loaded for a
 * member who may see other clients or other figures. Everything else `load` depends on (the page's parameters,
 * today's date, the client id in the URL) must be in `key`; the client check belongs inside `load`, so a kept
 * value also stands for "this member may see this client".
 */
export async function agencyReadKept<T>(
  permission: Permission,
  key: MemoKey,
  load: (ctx: ReadContext) => Promise<T>,
  options: ReadOptions = {},
): Promise<Kept<T>> {
  const member = await readingMember(permission, options);
  const agencyId = member.membership.agencyId;
  const revision = await currentAgencyRevision(getDb(), { agencyId });
  const fullKey = [member.membership.role, JSON.stringify(member.scope), ...key];
  const data = await notFoundAs404(() => memoAgencyAt(revision, agencyId, fullKey, () => inTenant(member, load)));
  return { data, member, agencyId, revision };
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
