import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { THROTTLE_LIMITS, THROTTLE_WINDOW_MS } from "@/lib/auth/throttle";
import { useTestDatabase } from "./fixtures";

let t: TestDatabase;
const PASSWORD = "a-long-enough-password";

beforeAll(async () => {
  t = await useTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await t.db.insert(users).values([
    { email: "victim@test.example", name: "Victim", passwordHash },
    { email: "other@test.example", name: "Other", passwordHash },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe("sign-in", () => {
  it("stores argon2id hashes at OWASP's minimum parameters or stronger", async () => {
    const [row] = await t.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.email, "victim@test.example"));
    const match = row?.hash.match(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/);
    expect(match).not.toBeNull();
    const [, m, tCost, p] = (match ?? []).map(Number);
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(tCost).toBeGreaterThanOrEqual(2);
    expect(p).toBe(1);
  });

  it("accepts the right password, case-insensitively on the e-mail", async () => {
    const result = await verifyCredentials(t.db, {
      email: " Victim@Test.Example ",
      password: PASSWORD,
      ip: "10.0.0.1",
    });
    expect(result.ok).toBe(true);
  });

  it("rejects a wrong password and an unknown account alike", async () => {
    expect(await verifyCredentials(t.db, { email: "victim@test.example", password: "nope", ip: "10.0.0.9" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials(t.db, { email: "nobody@test.example", password: "nope", ip: "10.0.0.9" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("throttles an account from one address after repeated failures, even with the right password", async () => {
    const now = new Date();
    for (let i = 0; i < THROTTLE_LIMITS.accountAndAddress; i++) {
      await verifyCredentials(t.db, { email: "other@test.example", password: "wrong", ip: "10.0.0.2" }, now);
    }
    const blocked = await verifyCredentials(
      t.db,
      { email: "other@test.example", password: PASSWORD, ip: "10.0.0.2" },
      now,
    );
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    if (!blocked.ok && blocked.reason === "throttled") {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);
    }
    // The real user on another address is not locked out by an attacker on this one.
    expect(
      (await verifyCredentials(t.db, { email: "other@test.example", password: PASSWORD, ip: "10.0.0.3" }, now)).ok,
    ).toBe(true);
    // And the throttle lifts by itself once the window has passed.
    const later = new Date(now.getTime() + THROTTLE_WINDOW_MS + 1000);
    expect(
      (await verifyCredentials(t.db, { email: "other@test.example", password: PASSWORD, ip: "10.0.0.2" }, later)).ok,
    ).toBe(true);
  });

  it("throttles an account across addresses at the looser per-account limit", async () => {
    const now = new Date();
    const passwordHash = await hashPassword(PASSWORD);
    await t.db.insert(users).values({ email: "spray@test.example", name: "Spray", passwordHash });
    for (let i = 0; i < THROTTLE_LIMITS.account; i++) {
      await verifyCredentials(t.db, { email: "spray@test.example", password: "wrong", ip: `10.1.0.${i}` }, now);
    }
    const blocked = await verifyCredentials(
      t.db,
      { email: "spray@test.example", password: PASSWORD, ip: "10.1.1.1" },
      now,
    );
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
  });
});
