import "server-only";
import { and, asc, count, desc, eq, exists, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { FieldError, NotFoundError, onUniqueViolation } from "../errors";
import { type Channel, type ClientStatus, clientAssignments, clients, memberships, type NewClient } from "../schema";
import type { ClientScope } from "../scope";
import { parsedJson } from "./json";
import { updateVersioned, type VersionedKey } from "./versioned";

/** The rows a member may see: everything, their assigned clients, or their own client. */
export function clientScopeCondition(scope: ClientScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "assigned":
      return exists(
        sql`(select 1 from client_assignments ca where ca.agency_id = "clients"."agency_id" and ca.client_id = "clients"."id" and ca.membership_id = ${scope.membershipId})`,
      );
    case "own":
      return eq(clients.id, scope.clientId);
  }
}

/** The columns every client read returns (explicit: never whole rows). */
const clientColumns = {
  id: clients.id,
  name: clients.name,
  code: clients.code,
  industry: clients.industry,
  channels: clients.channels,
  serviceModel: clients.serviceModel,
  status: clients.status,
  onboardingStage: clients.onboardingStage,
  updatedAt: clients.updatedAt,
};

export const CLIENT_SORTS = ["name", "code", "status", "updatedAt"] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export type ClientListParams = {
  agencyId: string;
  scope: ClientScope;
  q?: string;
  status?: ClientStatus;
  channel?: Channel;
  /** Only these clients (e.g. those with a contract deadline within 30 days). */
  ids?: string[];
  sort: ClientSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

const sortColumns = { name: clients.name, code: clients.code, status: clients.status, updatedAt: clients.updatedAt };

export async function listClients(db: DbOrTx, p: ClientListParams) {
  const search = p.q ? `%${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    eq(clients.agencyId, p.agencyId),
    clientScopeCondition(p.scope),
    search ? or(ilike(clients.name, search), ilike(clients.code, search), ilike(clients.industry, search)) : undefined,
    p.status ? eq(clients.status, p.status) : undefined,
    p.channel ? sql`${p.channel} = any(${clients.channels})` : undefined,
    p.ids ? (p.ids.length > 0 ? inArray(clients.id, p.ids) : sql`false`) : undefined,
  );
  const order = p.dir === "asc" ? asc(sortColumns[p.sort]) : desc(sortColumns[p.sort]);
  // The page and the number of matching clients in one statement (the count of the whole match, before the
  // limit); a page past the end has no row to carry it, and asks again.
  const found = await db
    .select({
      ...clientColumns,
      // Written out with table-qualified names: in a single-table select drizzle drops the qualifier from
      // interpolated columns, which would make these correlated subqueries ambiguous.
      managerName: sql<string | null>`(select u.name from client_assignments ca
        join memberships m on m.id = ca.membership_id
        join users u on u.id = m.user_id
        where ca.agency_id = "clients"."agency_id" and ca.client_id = "clients"."id" and ca.role = 'manager')`,
      operatorCount: sql<number>`(select count(*)::int from client_assignments ca
        where ca.agency_id = "clients"."agency_id" and ca.client_id = "clients"."id" and ca.role = 'operator')`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(clients)
    .where(where)
    .orderBy(order, asc(clients.id))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const rows = found.map(({ total: _total, ...row }) => row);
  if (found[0]) return { rows, total: found[0].total };
  if (p.page === 1) return { rows, total: 0 };
  const [total] = await db.select({ value: count() }).from(clients).where(where);
  return { rows, total: total?.value ?? 0 };
}

export type ClientListRow = Awaited<ReturnType<typeof listClients>>["rows"][number];

/** One client the member may see, with its assignments; "not found" for any other agency's or client's row. */
export async function getClientOrThrow(db: DbOrTx, p: { agencyId: string; clientId: string; scope: ClientScope }) {
  // One statement: every client page reads this (most through a layout), so the assignments come along as JSON.
  const [client] = await db
    .select({
      ...clientColumns,
      version: clients.version,
      assignments: sql<{ membershipId: string; role: "manager" | "operator" }[] | string>`coalesce((
        select json_agg(json_build_object('membershipId', ca.membership_id, 'role', ca.role) order by ca.membership_id)
        from client_assignments ca where ca.agency_id = "clients"."agency_id" and ca.client_id = "clients"."id"
      ), '[]'::json)`,
    })
    .from(clients)
    .where(and(eq(clients.agencyId, p.agencyId), eq(clients.id, p.clientId), clientScopeCondition(p.scope)));
  if (!client) throw new NotFoundError("client");
  const { assignments: raw, ...row } = client;
  const assignments = parsedJson<{ membershipId: string; role: "manager" | "operator" }[]>(raw);
  return {
    ...row,
    managerMembershipId: assignments.find((a) => a.role === "manager")?.membershipId ?? null,
    operatorMembershipIds: assignments.filter((a) => a.role === "operator").map((a) => a.membershipId),
  };
}

export type ClientDetail = Awaited<ReturnType<typeof getClientOrThrow>>;

/**
 * A client page's heading facts (id, name, channels) if the member's scope reaches the client: what a kept page
 * (lib/actions/agency-read.ts, agencyReadKept) checks before anything else of the client.
 */
export async function getClientHeadOrThrow(db: DbOrTx, p: { agencyId: string; clientId: string; scope: ClientScope }) {
  const [client] = await db
    .select({ id: clients.id, name: clients.name, channels: clients.channels })
    .from(clients)
    .where(and(eq(clients.agencyId, p.agencyId), eq(clients.id, p.clientId), clientScopeCondition(p.scope)));
  if (!client) throw new NotFoundError("client");
  return client;
}

/** Replaces a client's assignments. The membership ids must belong to the agency (checked by the caller). */
export async function setClientAssignments(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; managerMembershipId: string | null; operatorMembershipIds: string[] },
) {
  await db
    .delete(clientAssignments)
    .where(and(eq(clientAssignments.agencyId, p.agencyId), eq(clientAssignments.clientId, p.clientId)));
  const rows = [
    ...(p.managerMembershipId ? [{ membershipId: p.managerMembershipId, role: "manager" as const }] : []),
    ...p.operatorMembershipIds
      .filter((id) => id !== p.managerMembershipId)
      .map((membershipId) => ({ membershipId, role: "operator" as const })),
  ];
  if (rows.length > 0) {
    await db.insert(clientAssignments).values(rows.map((r) => ({ ...r, agencyId: p.agencyId, clientId: p.clientId })));
  }
}

/** Client names for pickers (invite a client user, filters). */
export async function listClientOptions(db: DbOrTx, p: { agencyId: string; scope: ClientScope }) {
  return db
    .select({ id: clients.id, name: clients.name, code: clients.code })
    .from(clients)
    .where(and(eq(clients.agencyId, p.agencyId), clientScopeCondition(p.scope)))
    .orderBy(asc(clients.name));
}

/** Which of these membership ids are staff of the agency with one of the given roles. */
export async function staffMembershipIds(
  db: DbOrTx,
  p: { agencyId: string; ids: string[]; roles: ("owner" | "manager" | "operator")[] },
) {
  if (p.ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.agencyId, p.agencyId), inArray(memberships.id, p.ids), inArray(memberships.role, p.roles)),
    );
  return new Set(rows.map((r) => r.id));
}

/** The clients a member is the assigned manager of (managers invite client users only for these). */
export async function managedClientIds(
  db: DbOrTx,
  p: { agencyId: string; membershipId: string },
): Promise<Set<string>> {
  const rows = await db
    .select({ clientId: clientAssignments.clientId })
    .from(clientAssignments)
    .where(
      and(
        eq(clientAssignments.agencyId, p.agencyId),
        eq(clientAssignments.membershipId, p.membershipId),
        eq(clientAssignments.role, "manager"),
      ),
    );
  return new Set(rows.map((r) => r.clientId));
}

/** What a manager edits on a client (everything but keys, tenant and bookkeeping columns). */
export type ClientFields = Omit<NewClient, "id" | "agencyId" | "version" | "createdAt" | "updatedAt">;

const codeTaken = () => new FieldError("code", "validation.codeTaken");

/** A new client; a code the agency already uses is a field error on `code`. */
export async function insertClient(db: DbOrTx, p: { agencyId: string; fields: ClientFields }) {
  const [row] = await onUniqueViolation(
    db
      .insert(clients)
      .values({ ...p.fields, agencyId: p.agencyId })
      .returning({ id: clients.id, version: clients.version }),
    "clients_agency_code_key",
    codeTaken,
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Version-checked edit of a client; returns the new version (ConflictError if someone saved first). */
export async function updateClientFields(db: DbOrTx, p: VersionedKey & { fields: Partial<ClientFields> }) {
  return onUniqueViolation(
    updateVersioned(db, clients, p, p.fields, { entity: "client" }),
    "clients_agency_code_key",
    codeTaken,
  );
}
