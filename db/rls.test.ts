import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, clients } from "./schema";
import { withTenant } from "./tenant";
import { createTestDatabase, type TestDatabase } from "./testing";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insert(agencies).values([
    { id: A, name: "Agency A", slug: "agency-a" },
    { id: B, name: "Agency B", slug: "agency-b" },
  ]);
  await t.db.insert(clients).values([
    { agencyId: A, name: "A1", code: "A1", serviceModel: "full" },
    { agencyId: B, name: "B1", code: "B1", serviceModel: "hybrid" },
  ]);
});

afterAll(async () => {
  await t?.close();
});

/** drizzle wraps the driver's error ("Failed query: …"); the database's own message is its cause. */
async function dbError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
  return "no error";
}

async function rowsOf<T>(query: Promise<unknown>): Promise<T[]> {
  const result = await query;
  // postgres.js answers an array; PGlite answers { rows }.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe(`row-level security (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("every table with agency_id has RLS enabled and forced, and a policy", async () => {
    const tables = await rowsOf<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
      t.db.execute(sql`
        select c.relname as "table", c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        where c.relkind = 'r'
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'agency_id' and not a.attisdropped)
        order by 1`),
    );
    expect(tables.length).toBeGreaterThanOrEqual(5);
    const bad = tables.filter((row) => !row.enabled || !row.forced || row.policies < 1);
    expect(bad).toEqual([]);
  });

  it("a query in agency A's context never returns agency B's rows", async () => {
    const seen = await withTenant(t.db, A, (tx) =>
      tx.select({ agencyId: clients.agencyId, code: clients.code }).from(clients),
    );
    expect(seen).toEqual([{ agencyId: A, code: "A1" }]);
    const raw = await withTenant(t.db, A, (tx) => rowsOf<{ code: string }>(tx.execute(sql`select code from clients`)));
    expect(raw.map((r) => r.code)).toEqual(["A1"]);
  });

  it("refuses a write of agency B's id in A's context", async () => {
    const message = await dbError(
      withTenant(t.db, A, (tx) =>
        tx.insert(clients).values({ agencyId: B, name: "sneaky", code: "X", serviceModel: "full" }),
      ),
    );
    expect(message).toMatch(/row-level security/);
    const updated = await withTenant(t.db, A, (tx) =>
      tx.update(clients).set({ name: "renamed" }).where(sql`agency_id = ${B}`).returning({ id: clients.id }),
    );
    expect(updated).toEqual([]);
    const [b1] = await t.db.select({ name: clients.name }).from(clients).where(sql`agency_id = ${B}`);
    expect(b1?.name).toBe("B1");
  });

  it("runs as the tenant role inside the transaction only", async () => {
    const inside = await withTenant(t.db, A, (tx) =>
      rowsOf<{ role: string; agency: string }>(
        tx.execute(sql`select current_user as role, current_setting('app.agency_id') as agency`),
      ),
    );
    expect(inside).toEqual([{ role: "app_tenant", agency: A }]);
    const after = await rowsOf<{ role: string }>(t.db.execute(sql`select current_user as role`));
    expect(after[0]?.role).not.toBe("app_tenant");
  });

  it("with no agency set, tenant queries return nothing", async () => {
    const rows = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local role app_tenant`);
      return rowsOf<{ code: string }>(tx.execute(sql`select code from clients`));
    });
    expect(rows).toEqual([]);
  });

  it("the tenant role cannot read password hashes", async () => {
    const message = await dbError(withTenant(t.db, A, (tx) => tx.execute(sql`select password_hash from users`)));
    expect(message).toMatch(/permission denied/);
  });
});
