import { vi } from "vitest";
import { setConnectionForTesting } from "@/db/client";
import { agencies, clientAssignments, clients, memberships, sessions, users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import type { SessionClaims } from "@/lib/auth/session";

/*
 * Fixed ids for the authorisation fixtures: agency A with every kind of member, agency B with a manager and a
 * client. `signInAs` fabricates the signed session claims; everything after them (membership, role, scope,
 * session version) is checked against the real database, exactly as in the app.
 */
export const ID = {
  agencyA: "a0000000-0000-4000-8000-000000000001",
  agencyB: "b0000000-0000-4000-8000-000000000001",
  clientA1: "a0000000-0000-4000-8000-0000000000c1",
  clientA2: "a0000000-0000-4000-8000-0000000000c2",
  clientB1: "b0000000-0000-4000-8000-0000000000c1",
} as const;

export const PRINCIPALS = [
  "anonymous",
  "owner",
  "manager",
  "operatorAssigned",
  "operatorUnassigned",
  "clientUser",
  "otherClientUser",
  "otherAgencyManager",
] as const;
export type Principal = (typeof PRINCIPALS)[number];

type Person = {
  userId: string;
  membershipId: string;
  agencyId: string;
  role: "owner" | "manager" | "operator" | "client";
  clientId?: string;
};

export const PEOPLE: Record<Exclude<Principal, "anonymous">, Person> = {
  owner: {
    userId: "a0000000-0000-4000-8000-0000000000a1",
    membershipId: "a0000000-0000-4000-8000-0000000000d1",
    agencyId: ID.agencyA,
    role: "owner",
  },
  manager: {
    userId: "a0000000-0000-4000-8000-0000000000a2",
    membershipId: "a0000000-0000-4000-8000-0000000000d2",
    agencyId: ID.agencyA,
    role: "manager",
  },
  operatorAssigned: {
    userId: "a0000000-0000-4000-8000-0000000000a3",
    membershipId: "a0000000-0000-4000-8000-0000000000d3",
    agencyId: ID.agencyA,
    role: "operator",
  },
  operatorUnassigned: {
    userId: "a0000000-0000-4000-8000-0000000000a4",
    membershipId: "a0000000-0000-4000-8000-0000000000d4",
    agencyId: ID.agencyA,
    role: "operator",
  },
  clientUser: {
    userId: "a0000000-0000-4000-8000-0000000000a5",
    membershipId: "a0000000-0000-4000-8000-0000000000d5",
    agencyId: ID.agencyA,
    role: "client",
    clientId: ID.clientA1,
  },
  otherClientUser: {
    userId: "a0000000-0000-4000-8000-0000000000a6",
    membershipId: "a0000000-0000-4000-8000-0000000000d6",
    agencyId: ID.agencyA,
    role: "client",
    clientId: ID.clientA2,
  },
  otherAgencyManager: {
    userId: "b0000000-0000-4000-8000-0000000000a1",
    membershipId: "b0000000-0000-4000-8000-0000000000d1",
    agencyId: ID.agencyB,
    role: "manager",
  },
};

/** Each person's one live session (the sessions table), which `signInAs` names in its claims. */
export const sessionIdOf = (p: Person) => `${p.userId.slice(0, -2)}e${p.userId.slice(-1)}`;

// A valid argon2id hash of "correct-horse-battery" (fixtures need no real hashing cost).
export const FIXTURE_PASSWORD = "correct-horse-battery";

export async function seedFixtures(t: TestDatabase, passwordHash: string) {
  await t.db.insert(agencies).values([
    { id: ID.agencyA, name: "エージェンシーA", slug: "agency-a" },
    { id: ID.agencyB, name: "エージェンシーB", slug: "agency-b" },
  ]);
  await t.db.insert(clients).values([
    { id: ID.clientA1, agencyId: ID.agencyA, name: "A社1", code: "A1", serviceModel: "full", channels: ["rakuten"] },
    { id: ID.clientA2, agencyId: ID.agencyA, name: "A社2", code: "A2", serviceModel: "hybrid", channels: ["amazon"] },
    { id: ID.clientB1, agencyId: ID.agencyB, name: "B社1", code: "B1", serviceModel: "full", channels: ["yahoo"] },
  ]);
  for (const [key, p] of Object.entries(PEOPLE)) {
    await t.db
      .insert(users)
      .values({ id: p.userId, email: `${key.toLowerCase()}@test.example`, name: key, passwordHash });
    await t.db.insert(memberships).values({
      id: p.membershipId,
      agencyId: p.agencyId,
      userId: p.userId,
      role: p.role,
      clientId: p.clientId ?? null,
    });
    await t.db.insert(sessions).values({ id: sessionIdOf(p), userId: p.userId });
  }
  await t.db.insert(clientAssignments).values([
    { agencyId: ID.agencyA, clientId: ID.clientA1, membershipId: PEOPLE.manager.membershipId, role: "manager" },
    {
      agencyId: ID.agencyA,
      clientId: ID.clientA1,
      membershipId: PEOPLE.operatorAssigned.membershipId,
      role: "operator",
    },
  ]);
}

let current: SessionClaims | null = null;

/** The session the next action call will see. */
export function signInAs(principal: Principal, overrides: Partial<SessionClaims> = {}) {
  if (principal === "anonymous") {
    current = null;
    return;
  }
  const p = PEOPLE[principal];
  current = { userId: p.userId, sessionId: sessionIdOf(p), sessionVersion: 1, agencyId: p.agencyId, ...overrides };
}

export function currentSession(): SessionClaims | null {
  return current;
}

/** vi.mock factory for "@/lib/auth/session": the only thing tests fabricate is the signed cookie's claims. */
export const sessionModuleMock = () => ({ readSession: vi.fn(async () => currentSession()) });

/** A migrated database installed as the app's connection for this test file. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  setConnectionForTesting(t);
  return t;
}
