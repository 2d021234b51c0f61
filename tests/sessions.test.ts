import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { endSession } from "@/app/(app)/account/actions";
import { endMemberSessions, removeMember } from "@/app/(app)/members/actions";
import { createSession, listLiveSessions } from "@/db/queries/sessions";
import { memberships, sessions } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { getViewer } from "@/lib/auth/viewer";
import { snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, sessionIdOf, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());
// getViewer is cached per request with React's cache(); outside a request every call is a new "request".
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: <T>(fn: T) => fn }));

let t: TestDatabase;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
});

afterAll(async () => {
  await t?.close();
});

/** A second session of the manager's (another device), live unless the test ends it. */
async function anotherDevice(at = new Date()) {
  return createSession(t.db, {
    userId: PEOPLE.manager.userId,
    address: "198.51.100.7",
    userAgent: "Firefox/140",
    now: at,
  });
}

describe("server-side sessions", () => {
  beforeEach(() => signInAs("manager"));

  it("a live session signs in; the same cookie after its session ended does not", async () => {
    const other = await anotherDevice();
    signInAs("manager", { sessionId: other });
    expect((await getViewer())?.sessionId).toBe(other);
    signInAs("manager");
    expect(await endSession(null, { sessionId: other })).toMatchObject({ ok: true });
    signInAs("manager", { sessionId: other });
    expect(await getViewer()).toBeNull();
  });

  it("ends after 12 idle hours and 30 days after sign-in, whatever the cookie says", async () => {
    const idle = await anotherDevice(new Date(Date.now() - 13 * HOUR));
    signInAs("manager", { sessionId: idle });
    expect(await getViewer()).toBeNull();
    const old = await anotherDevice(new Date(Date.now() - 31 * 24 * HOUR));
    await t.db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, old));
    signInAs("manager", { sessionId: old });
    expect(await getViewer()).toBeNull();
    const fresh = await anotherDevice(new Date(Date.now() - 11 * HOUR));
    signInAs("manager", { sessionId: fresh });
    expect((await getViewer())?.sessionId).toBe(fresh);
  });

  it("a cookie naming someone else's session signs nobody in", async () => {
    signInAs("manager", { sessionId: sessionIdOf(PEOPLE.owner) });
    expect(await getViewer()).toBeNull();
  });

  it("lists the user's live sessions and ends one only if it is theirs", async () => {
    const other = await anotherDevice();
    const live = await listLiveSessions(t.db, {
      userId: PEOPLE.manager.userId,
      policy: { idleMs: 12 * HOUR, maxAgeMs: 30 * 24 * HOUR },
    });
    expect(live.map((s) => s.id)).toContain(other);
    const before = await snapshot(t.db);
    expect(await endSession(null, { sessionId: sessionIdOf(PEOPLE.owner) })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("an owner signs a member out everywhere; another agency's members are out of reach", async () => {
    const other = await anotherDevice();
    signInAs("owner");
    expect(await endMemberSessions(null, { membershipId: PEOPLE.manager.membershipId })).toMatchObject({ ok: true });
    signInAs("manager", { sessionId: other });
    expect(await getViewer()).toBeNull();
    signInAs("manager");
    expect(await getViewer()).toBeNull();
    // Under row-level security a tenant sees only its own members' sessions.
    const seen = await withTenant(t.db, ID.agencyA, (tx) => tx.select({ userId: sessions.userId }).from(sessions));
    expect(seen.every((s) => s.userId !== PEOPLE.otherAgencyManager.userId)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
  });

  it("removal from the last agency ends the member's sessions", async () => {
    signInAs("operatorUnassigned");
    expect(await getViewer()).not.toBeNull();
    signInAs("owner");
    expect(await removeMember(null, { membershipId: PEOPLE.operatorUnassigned.membershipId })).toMatchObject({
      ok: true,
    });
    const [row] = await t.db
      .select({ endedAt: sessions.endedAt })
      .from(sessions)
      .where(eq(sessions.id, sessionIdOf(PEOPLE.operatorUnassigned)));
    expect(row?.endedAt).toBeInstanceOf(Date);
    const left = await t.db.select().from(memberships).where(eq(memberships.userId, PEOPLE.operatorUnassigned.userId));
    expect(left).toEqual([]);
  });
});
