import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  copyBaseToScenarios,
  createPlLine,
  importPlLines,
  previewPlImport,
  updatePlLine,
} from "@/app/(app)/clients/[id]/economics/actions";
import { listPlLinePage } from "@/db/queries/economics";
import { clients, plLines } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

let t: TestDatabase;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
  signInAs("manager");
});

afterAll(async () => {
  await t?.close();
});

const HEADER =
  "channel,sku,scenario,aov,gross_margin_rate,fee_rate,points_rate,shipping,packaging,return_loss,ad_mode,cpa";
const csv = (...rows: string[]) => new File([[HEADER, ...rows].join("\r\n")], "pl.csv", { type: "text/csv" });

async function linesOf(clientId: string) {
  return t.db.select().from(plLines).where(eq(plLines.clientId, clientId));
}

describe("P/L lines", () => {
  it("adds a line in all three scenarios and computes case B exactly", async () => {
    const result = await createPlLine(null, {
      clientId: ID.clientA1,
      channel: "rakuten",
      sku: "ケースB",
      aov: "¥5,500",
      gross_margin_rate: "50",
      fee_rate: "12%",
      points_rate: "5",
      shipping: "600",
      packaging: "60",
      return_loss: "60",
      ad_mode: "cpa",
      cpa: "600",
      target_contribution: "1000",
    });
    expect(result.ok).toBe(true);
    const rows = await linesOf(ID.clientA1);
    expect(rows.map((r) => r.scenario).sort()).toEqual(["base", "optimistic", "pessimistic"]);
    expect(rows.every((r) => r.aov === 5500 && r.feeRateBp === 1200 && r.cpa === 600)).toBe(true);
  });

  it("refuses a second line with the same channel and SKU", async () => {
    const before = await snapshot(t.db);
    const again = await createPlLine(null, {
      clientId: ID.clientA1,
      channel: "rakuten",
      sku: "ケースB",
      aov: "1",
      gross_margin_rate: "1",
      fee_rate: "1",
    });
    expect(again).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { sku: [expect.stringContaining("すでにあります")] },
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("catches a concurrent edit of the same scenario", async () => {
    const [base] = (await linesOf(ID.clientA1)).filter((r) => r.sku === "ケースB" && r.scenario === "base");
    if (!base) throw new Error("no base row");
    const cells = {
      clientId: ID.clientA1,
      id: base.id,
      version: base.version,
      channel: "rakuten",
      sku: "ケースB",
      aov: "5600",
      gross_margin_rate: "50",
      fee_rate: "12",
    };
    expect((await updatePlLine(null, cells)).ok).toBe(true);
    const stale = await updatePlLine(null, { ...cells, aov: "5700" });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const [after] = await t.db.select({ aov: plLines.aov }).from(plLines).where(eq(plLines.id, base.id));
    expect(after?.aov).toBe(5600);
  });

  it("refuses to copy over a scenario someone changed since it was read", async () => {
    const rows = (await linesOf(ID.clientA1)).filter((r) => r.sku === "ケースB");
    const pessimistic = rows.find((r) => r.scenario === "pessimistic");
    const optimistic = rows.find((r) => r.scenario === "optimistic");
    if (!pessimistic || !optimistic) throw new Error("missing scenarios");
    const before = await snapshot(t.db);
    const stale = await copyBaseToScenarios(null, {
      clientId: ID.clientA1,
      channel: "rakuten",
      sku: "ケースB",
      versions: { pessimistic: pessimistic.version + 1, optimistic: optimistic.version },
    });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("copies the base inputs to the other scenarios", async () => {
    expect((await copyBaseToScenarios(null, { clientId: ID.clientA1, channel: "rakuten", sku: "ケースB" })).ok).toBe(
      true,
    );
    const rows = (await linesOf(ID.clientA1)).filter((r) => r.sku === "ケースB");
    expect(new Set(rows.map((r) => r.aov))).toEqual(new Set([5600]));
  });
});

describe("P/L CSV import", () => {
  it("previews without writing, then imports all rows; the same file again changes nothing", async () => {
    const file = () =>
      csv("rakuten,CSV-1,base,5500,50,12,5,600,60,60,cpa,600", "amazon,CSV-2,optimistic,4980,55,15,0,0,0,60,cpa,996");
    const before = await snapshot(t.db);
    const preview = await previewPlImport(null, { clientId: ID.clientA2, file: file() });
    expect(preview).toMatchObject({
      ok: true,
      data: { counts: { total: 2, new: 2, changed: 0, unchanged: 0, errors: 0 } },
    });
    expect(await snapshot(t.db)).toEqual(before);

    expect(await importPlLines(null, { clientId: ID.clientA2, file: file() })).toMatchObject({
      ok: true,
      data: { inserted: 2, updated: 0, unchanged: 0, filled: 4 },
    });
    // Every line exists in all three scenarios: the ones the file lacks are copies of the given row.
    const once = await linesOf(ID.clientA2);
    expect(once).toHaveLength(6);
    expect(once.filter((r) => r.sku === "CSV-2").map((r) => r.aov)).toEqual([4980, 4980, 4980]);

    expect(await importPlLines(null, { clientId: ID.clientA2, file: file() })).toMatchObject({
      ok: true,
      data: { inserted: 0, updated: 0, unchanged: 2, filled: 0 },
    });
    expect(await linesOf(ID.clientA2)).toEqual(once);
  });

  it("updates changed rows and reports them as changed", async () => {
    const result = await importPlLines(null, {
      clientId: ID.clientA2,
      file: csv("rakuten,CSV-1,base,5800,50,12,5,600,60,60,cpa,600"),
    });
    expect(result).toMatchObject({ ok: true, data: { inserted: 0, updated: 1 } });
  });

  it("refuses a commit when the lines changed after the preview", async () => {
    const file = () => csv("rakuten,CSV-1,base,6000,50,12,5,600,60,60,cpa,600");
    const preview = await previewPlImport(null, { clientId: ID.clientA2, file: file() });
    if (!preview.ok) throw new Error("preview failed");
    const [row] = (await linesOf(ID.clientA2)).filter((r) => r.sku === "CSV-1" && r.scenario === "base");
    if (!row) throw new Error("no row");
    // A colleague saves the same line in between.
    expect(
      (
        await updatePlLine(null, {
          clientId: ID.clientA2,
          id: row.id,
          version: row.version,
          channel: "rakuten",
          sku: "CSV-1",
          aov: "5900",
          gross_margin_rate: "50",
          fee_rate: "12",
        })
      ).ok,
    ).toBe(true);
    const before = await snapshot(t.db);
    const stale = await importPlLines(null, { clientId: ID.clientA2, file: file(), previewToken: preview.data.token });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("imports nothing when any row has an error", async () => {
    const before = await snapshot(t.db);
    const result = await importPlLines(null, {
      clientId: ID.clientA2,
      file: csv("rakuten,GOOD,base,5500,50,12,5,600,60,60,cpa,600", "rakuten,BAD,base,abc,50,12,5,600,60,60,cpa,600"),
    });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { file: [expect.any(String)] } });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it.each([
    ["an empty file", new Uint8Array(), /空/],
    ["wrong columns", new TextEncoder().encode("name,price\nfoo,1\n"), /必要な列がありません/],
    [
      "10,000 rows",
      new TextEncoder().encode(
        [HEADER, ...Array.from({ length: 10_000 }, (_, i) => `rakuten,R${i},base,5500,50,12,5,600,60,60,cpa,600`)].join(
          "\n",
        ),
      ),
      /行が多すぎます/,
    ],
    ["a binary file", new Uint8Array([0, 1, 2, 3, 0, 255]), /テキストのCSVではありません/],
  ])("answers %s with a clear message and writes nothing", async (_label, bytes, message) => {
    const before = await snapshot(t.db);
    const result = await importPlLines(null, { clientId: ID.clientA2, file: new File([bytes], "x.csv") });
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors.file?.[0]).toMatch(message);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("reads Shift_JIS from Excel", async () => {
    // "楽天" is not needed in cells; the SKU 商品 in Shift_JIS is 0x8F 0xA4 0x95 0x69.
    const head = new TextEncoder().encode(`${HEADER}\r\nrakuten,`);
    const sku = new Uint8Array([0x8f, 0xa4, 0x95, 0x69]);
    const tail = new TextEncoder().encode(",base,3980,35,12,0,300,50,60,cpa,250\r\n");
    const result = await importPlLines(null, { clientId: ID.clientA2, file: new File([head, sku, tail], "excel.csv") });
    expect(result).toMatchObject({ ok: true, data: { inserted: 1 } });
    expect((await linesOf(ID.clientA2)).some((r) => r.sku === "商品")).toBe(true);
  });

  it("answers not found for another agency's client", async () => {
    signInAs("otherAgencyManager");
    const before = await snapshot(t.db);
    const result = await importPlLines(null, {
      clientId: ID.clientA2,
      file: csv("rakuten,X,base,5500,50,12,5,600,60,60,cpa,600"),
    });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot(t.db)).toEqual(before);
    signInAs("manager");
  });
});

describe("the grid's pages", () => {
  const clientId = "a0000000-0000-4000-8000-00000000fa9e";

  it("gives each line once, in all its scenarios, a page at a time, and counts the lines", async () => {
    await t.db.insert(clients).values({
      id: clientId,
      agencyId: ID.agencyA,
      name: "頁",
      code: "PAGED",
      serviceModel: "full",
      channels: ["amazon"],
    });
    const skus = ["P-03", "P-01", "P-05", "P-02", "P-04"];
    for (const sku of skus) {
      const r = await createPlLine(null, {
        clientId: clientId,
        channel: "amazon",
        sku,
        aov: "3000",
        gross_margin_rate: "40",
        fee_rate: "10",
      });
      expect(r.ok).toBe(true);
    }
    const page = (n: number) =>
      withTenant(t.db, ID.agencyA, (tx) =>
        listPlLinePage(tx, { agencyId: ID.agencyA, clientId: clientId, page: n, pageSize: 2 }),
      );
    const pages = await Promise.all([1, 2, 3, 4].map(page));
    expect(pages.map((p) => p.totalLines)).toEqual([5, 5, 5, 5]);
    expect(pages.map((p) => [...new Set(p.rows.map((r) => r.sku))])).toEqual([
      ["P-01", "P-02"],
      ["P-03", "P-04"],
      ["P-05"],
      [],
    ]);
    expect(pages[0]?.rows.map((r) => r.scenario)).toEqual([
      "pessimistic",
      "base",
      "optimistic",
      "pessimistic",
      "base",
      "optimistic",
    ]);
  });

  it("never shows another agency's lines", async () => {
    const other = await withTenant(t.db, ID.agencyB, (tx) =>
      listPlLinePage(tx, { agencyId: ID.agencyB, clientId: clientId, page: 1, pageSize: 50 }),
    );
    expect(other).toEqual({ rows: [], totalLines: 0 });
  });
});
