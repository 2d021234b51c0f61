import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hasNamedStatements, PgliteWithNamedStatements, sqlLiterals } from "./pglite-named";

describe("sqlLiterals", () => {
  it("quotes plain strings, doubling quotes, and writes null as NULL", () => {
    expect(sqlLiterals(["a", "O'Brien", null, ""])).toEqual(["'a'", "'O''Brien'", "NULL", "''"]);
  });

  it("refuses anything else, so that the call runs as an ordinary query", () => {
    expect(sqlLiterals(["a\\'b"])).toBeUndefined();
    expect(sqlLiterals(["a\0b"])).toBeUndefined();
    expect(sqlLiterals([1])).toBeUndefined();
    expect(sqlLiterals([new Date()])).toBeUndefined();
    expect(sqlLiterals([undefined])).toBeUndefined();
    expect(sqlLiterals([["a"]])).toBeUndefined();
  });
});

describe("named statements on PGlite", () => {
  const db = new PgliteWithNamedStatements();
  const text = "select id, name from people where id = $1 and name <> $2 order by id";

  beforeAll(async () => {
    await db.exec(`create table people (id uuid primary key, name text not null);
      insert into people values ('00000000-0000-4000-8000-000000000001', 'O''Brien'),
                                ('00000000-0000-4000-8000-000000000002', 'back\\slash');`);
    db.nameStatement("people_by_id", text);
  });

  afterAll(async () => {
    await db.close();
  });

  async function prepared(): Promise<string[]> {
    const rows = await db.query<{ name: string }>("select name from pg_prepared_statements order by name");
    return rows.rows.map((r) => r.name);
  }

  it("prepares the statement once and answers as the unnamed query does", async () => {
    const plain = new PgliteWithNamedStatements();
    await plain.exec("create table people (id uuid primary key, name text not null)");
    await plain.exec("insert into people values ('00000000-0000-4000-8000-000000000001', 'O''Brien')");
    const expected = await plain.query(text, ["00000000-0000-4000-8000-000000000001", "x"], { rowMode: "array" });
    await plain.close();

    for (let i = 0; i < 7; i++) {
      const result = await db.query(text, ["00000000-0000-4000-8000-000000000001", "x"], { rowMode: "array" });
      expect(result.rows).toEqual(expected.rows);
      expect(result.fields).toEqual(expected.fields);
    }
    expect(await prepared()).toEqual(["people_by_id_1"]);
  });

  it("passes quotes through as data", async () => {
    const result = await db.query<{ name: string }>(text, [
      "00000000-0000-4000-8000-000000000001",
      "'; drop table people; --",
    ]);
    expect(result.rows).toEqual([{ id: "00000000-0000-4000-8000-000000000001", name: "O'Brien" }]);
    const none = await db.query(text, ["00000000-0000-4000-8000-000000000001", "O'Brien"]);
    expect(none.rows).toEqual([]);
  });

  it("fails as the unnamed query would on bad input, and the table is still there", async () => {
    await expect(db.query(text, ["x'); drop table people; --", "a"])).rejects.toMatchObject({ code: "22P02" });
    expect((await db.query("select count(*)::int as n from people")).rows).toEqual([{ n: 2 }]);
  });

  it("runs a call it cannot write as literals as an ordinary query", async () => {
    const sent = vi.spyOn(PGlite.prototype, "query");
    try {
      const result = await db.query<{ name: string }>(text, ["00000000-0000-4000-8000-000000000002", "a\\b"]);
      expect(result.rows).toEqual([{ id: "00000000-0000-4000-8000-000000000002", name: "back\\slash" }]);
      expect(sent.mock.calls.map((call) => call[0])).toEqual([text]);
      sent.mockClear();
      await db.query(text, ["00000000-0000-4000-8000-000000000002", "ab"]);
      expect(sent.mock.calls.map((call) => call[0])).toEqual([
        "execute people_by_id_1('00000000-0000-4000-8000-000000000002', 'ab')",
      ]);
    } finally {
      sent.mockRestore();
    }
  });

  it("is recognised by another copy of the module (the server loads it once per bundle)", async () => {
    vi.resetModules();
    const copy = await import("./pglite-named");
    expect(copy.PgliteWithNamedStatements).not.toBe(PgliteWithNamedStatements);
    expect(copy.hasNamedStatements(db)).toBe(true);
    expect(hasNamedStatements(db)).toBe(true);
    expect(hasNamedStatements({ [Symbol.for("agency-portal.pglite-named-statements")]: true })).toBe(true);
    expect(hasNamedStatements({ nameStatement: () => {} })).toBe(false);
    expect(hasNamedStatements(null)).toBe(false);
  });

  it("leaves other queries alone and refuses a name that is not an identifier", async () => {
    expect((await db.query("select $1::int + 1 as n", [1])).rows).toEqual([{ n: 2 }]);
    expect(() => db.nameStatement("x; drop table people", "select 1")).toThrow(/not a statement name/);
    db.nameStatement("people_by_id", text);
    expect(await prepared()).toEqual(["people_by_id_1"]);
  });

  it("gives a changed text under the same name a statement of its own", async () => {
    const changed = "select name from people where id = $1";
    db.nameStatement("people_by_id", changed);
    const result = await db.query(changed, ["00000000-0000-4000-8000-000000000002"]);
    expect(result.rows).toEqual([{ name: "back\\slash" }]);
    expect(await db.query(text, ["00000000-0000-4000-8000-000000000001", "x"])).toMatchObject({
      rows: [{ name: "O'Brien" }],
    });
    expect(await prepared()).toEqual(["people_by_id_1", "people_by_id_2"]);
  });
});
