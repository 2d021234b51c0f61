import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { changeOwnPassword, setLocale, switchAgency } from "@/app/(app)/account/actions";
import { signUp } from "@/app/(auth)/signup/actions";
import { createAgencyWithOwner, requestSignUp } from "@/app/(auth)/signup/create-agency";
import { acceptInvite } from "@/app/invite/[token]/accept-invite";
import { accept } from "@/app/invite/[token]/actions";
import { agencies, auditLog, invites, memberships, users } from "@/db/schema";
import type { TestDatabase } from "@/db/testing";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newInviteToken } from "@/lib/invite-token";
import { snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

let t: TestDatabase;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
});

afterAll(async () => {
  await t?.close();
});

async function invite(values: { email: string; role: "operator" | "client"; clientId?: string; expiresAt?: Date }) {
  const { token, tokenHash } = newInviteToken();
  await t.db.insert(invites).values({
    agencyId: ID.agencyA,
    tokenHash,
    email: values.email,
    role: values.role,
    clientId: values.clientId ?? null,
    invitedBy: PEOPLE.owner.userId,
    expiresAt: values.expiresAt ?? new Date(Date.now() + 86_400_000),
  });
  return token;
}

/** Step 1 as the form sends it; returns the token of the confirmation link. */
async function requested(input: Record<string, string>) {
  const result = await requestSignUp(null, input);
  if (!result.ok) throw new Error(`sign-up request refused: ${JSON.stringify(result)}`);
  return result.data.path.split("/").at(-1) ?? "";
}

describe("sign-up", () => {
  const hanako = {
    agencyName: "新しい代行社",
    name: "山田 花子",
    email: "Hanako@New.Example",
    password: "long-password-1",
  };

  it("asks for confirmation first, then creates the agency, its owner and an audit row", async () => {
    const before = await t.db.select({ id: agencies.id }).from(agencies);
    const token = await requested(hanako);
    // Nothing exists until the link is confirmed.
    expect(await t.db.select({ id: agencies.id }).from(agencies)).toEqual(before);
    const result = await createAgencyWithOwner(null, { token, password: hanako.password });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [owner] = await t.db
      .select({ role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.agencyId, result.data.agencyId));
    expect(owner).toEqual({ role: "owner", email: "hanako@new.example" });
    const [agency] = await t.db
      .select({ slug: agencies.slug })
      .from(agencies)
      .where(eq(agencies.id, result.data.agencyId));
    expect(agency?.slug).toMatch(/^agency-[0-9a-f]{6}$/);
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.agencyId, result.data.agencyId));
    expect(audit).toEqual([{ action: "agency.create" }]);
    // The link works once.
    expect(await createAgencyWithOwner(null, { token, password: hanako.password })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("answers a registered and an unregistered e-mail alike", async () => {
    const registered = await signUp(null, { ...hanako, agencyName: "二つ目" });
    const fresh = await signUp(null, { ...hanako, agencyName: "別の代行社", email: "someone-new@new.example" });
    expect(registered).toEqual({ ok: true, data: { email: "hanako@new.example", link: null } });
    expect(fresh).toEqual({ ok: true, data: { email: "someone-new@new.example", link: null } });
  });

  it("refuses to confirm for an e-mail that has an account by now, writing nothing", async () => {
    const token = await requested({ ...hanako, agencyName: "重複" });
    const before = await snapshot(t.db);
    const result = await createAgencyWithOwner(null, { token, password: hanako.password });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { password: [expect.any(String)] } });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a wrong password at confirmation, writing nothing", async () => {
    const token = await requested({ ...hanako, email: "wrong-pass@new.example" });
    const before = await snapshot(t.db);
    const result = await createAgencyWithOwner(null, { token, password: "not-the-password" });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { password: [expect.any(String)] } });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("throttles sign-up requests per address", async () => {
    const from = (i: number) => ({ ...hanako, email: `flood-${i}@new.example` });
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await requestSignUp(null, from(0)));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results.slice(10).map((r) => (r.ok ? "ok" : r.code))).toEqual(["throttled", "throttled"]);
  });

  it("reports every invalid field at once", async () => {
    const result = await requestSignUp(null, {
      agencyName: "",
      name: "",
      email: "not-an-email",
      password: "short",
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["agencyName", "email", "name", "password"]);
  });
});

describe("accepting an invite", () => {
  it("creates the user with the invited role and client, once", async () => {
    const token = await invite({ email: "newclient@test.example", role: "client", clientId: ID.clientA1 });
    const result = await acceptInvite(null, { token, name: "新しい担当者", password: "long-password-2" });
    expect(result).toMatchObject({ ok: true, data: { email: "newclient@test.example", agencyId: ID.agencyA } });
    const [m] = await t.db
      .select({ role: memberships.role, clientId: memberships.clientId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, "newclient@test.example"), eq(memberships.agencyId, ID.agencyA)));
    expect(m).toEqual({ role: "client", clientId: ID.clientA1 });
    const again = await acceptInvite(null, { token, name: "もう一度", password: "long-password-2" });
    expect(again).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses an expired invite", async () => {
    const token = await invite({
      email: "late@test.example",
      role: "operator",
      expiresAt: new Date(Date.now() - 1000),
    });
    const before = await snapshot(t.db);
    expect(await acceptInvite(null, { token, name: "遅刻", password: "long-password-3" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("lets an existing user join another agency with their current password only", async () => {
    // The owner of agency B is invited to agency A.
    const token = await invite({ email: "otheragencymanager@test.example", role: "operator" });
    const before = await snapshot(t.db);
    const wrong = await acceptInvite(null, { token, password: "not-their-password" });
    expect(wrong).toMatchObject({ ok: false, code: "invalid", fieldErrors: { password: [expect.any(String)] } });
    expect(await snapshot(t.db)).toEqual(before);
    const right = await acceptInvite(null, { token, password: FIXTURE_PASSWORD });
    expect(right.ok).toBe(true);
    const rows = await t.db
      .select({ agencyId: memberships.agencyId })
      .from(memberships)
      .where(eq(memberships.userId, PEOPLE.otherAgencyManager.userId));
    expect(rows.map((r) => r.agencyId).sort()).toEqual([ID.agencyA, ID.agencyB].sort());
  });

  it("throttles failed acceptances per address", async () => {
    const form = () => {
      const f = new FormData();
      f.set("token", "y".repeat(43));
      f.set("name", "誰か");
      f.set("password", "long-password-4");
      return f;
    };
    const codes = [];
    for (let i = 0; i < 11; i++) {
      const r = await accept(null, form());
      codes.push(r.ok ? "ok" : r.code);
    }
    expect(codes).toEqual([...Array(10).fill("not_found"), "throttled"]);
  });

  it("answers not found for a made-up token", async () => {
    expect(
      await acceptInvite(null, { token: "x".repeat(43), name: "誰か", password: "long-password-4" }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("changing one's password", () => {
  const input = (currentPassword: string) => ({ currentPassword, newPassword: "brand-new-password" });

  it("needs a signed-in user", async () => {
    signInAs("anonymous");
    expect(await changeOwnPassword(null, input(FIXTURE_PASSWORD))).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });

  it("refuses a wrong current password and writes nothing", async () => {
    signInAs("operatorUnassigned");
    const before = await snapshot(t.db);
    const result = await changeOwnPassword(null, input("wrong"));
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("stores the new hash, moves the session version on and audits it without the hash", async () => {
    signInAs("operatorUnassigned");
    const [before] = await t.db
      .select({ v: users.sessionVersion })
      .from(users)
      .where(eq(users.id, PEOPLE.operatorUnassigned.userId));
    const result = await changeOwnPassword(null, input(FIXTURE_PASSWORD));
    expect(result).toMatchObject({ ok: true, data: { sessionVersion: (before?.v ?? 0) + 1 } });
    const [after] = await t.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, PEOPLE.operatorUnassigned.userId));
    expect(await verifyPassword(after?.hash ?? "", "brand-new-password")).toBe(true);
    const [audit] = await t.db
      .select({ action: auditLog.action, agencyId: auditLog.agencyId, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, "user.changePassword"));
    expect(audit).toEqual({ action: "user.changePassword", agencyId: ID.agencyA, after: null });
  });
});

describe("the user's own settings", () => {
  it("saves the language for the user and audits it in the agency they work in", async () => {
    signInAs("manager");
    expect(await setLocale(null, { locale: "en" })).toMatchObject({ ok: true, data: { locale: "en" } });
    const [user] = await t.db.select({ locale: users.locale }).from(users).where(eq(users.id, PEOPLE.manager.userId));
    expect(user?.locale).toBe("en");
    const rows = await t.db
      .select({ agencyId: auditLog.agencyId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.setLocale"), eq(auditLog.actorUserId, PEOPLE.manager.userId)));
    expect(rows).toEqual([{ agencyId: ID.agencyA, before: { locale: "ja" }, after: { locale: "en" } }]);
  });

  it("refuses an unknown language and writes nothing", async () => {
    signInAs("manager");
    const before = await snapshot(t.db);
    expect(await setLocale(null, { locale: "fr" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers not found for an agency the user does not belong to, and writes nothing", async () => {
    signInAs("manager");
    const before = await snapshot(t.db);
    expect(await switchAgency(null, { agencyId: ID.agencyB })).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot(t.db)).toEqual(before);
  });
});
