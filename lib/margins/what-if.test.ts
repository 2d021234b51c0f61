import { describe, expect, it } from "vitest";
import { billMonth } from "@/lib/contracts/actuals";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import { feeNeeded, type WhatIfBase, whatIf } from "./what-if";

const MONTH = "2026-05";
const actuals = { sales: 4_000_000, orders: 800, grossProfit: 1_600_000, adRevenue: 1_200_000, adSpend: 250_000 };

function base(overrides: Partial<WhatIfBase> = {}): WhatIfBase {
  const document = sampleVersion();
  const billed = billMonth(document, MONTH, actuals, { taxRounding: "floor" });
  if (!billed.ok || billed.value.kind !== "invoice") throw new Error("no invoice");
  const revenue = billed.value.invoice.totals.taxable;
  return {
    month: MONTH,
    document,
    actuals,
    taxRounding: "floor",
    revenue,
    contractRevenue: revenue,
    minutes: 6_000,
    labourCost: 350_000,
    directCost: 50_000,
    unratedMembers: [],
    ...overrides,
  };
}

describe("pricing what-if", () => {
  it("with no change gives the month as it is", () => {
    const b = base();
    const r = whatIf(b, {});
    expect(r.revenue).toBe(b.revenue);
    expect(r.margin.margin).toBe((b.revenue ?? 0) - 400_000);
  });

  it("a higher monthly fee raises revenue and margin by the fee's difference (a full month)", () => {
    const b = base();
    const r = whatIf(b, { monthlyFee: 450_000 });
    expect(r.revenue).toBe((b.revenue ?? 0) + 100_000);
    expect(r.margin.margin).toBe((whatIf(b, {}).margin.margin ?? 0) + 100_000);
  });

  it("more hours cost the month's average rate; a rule's higher rate bills more", () => {
    const b = base();
    expect(whatIf(b, { minutes: 12_000 }).labourCost).toBe(700_000);
    const richer = whatIf(b, { rules: [{ amount: 1_000 }] });
    expect(richer.revenue).toBeGreaterThan(b.revenue ?? 0);
  });

  it("no hours: no margin, whatever the fee", () => {
    const r = whatIf(base({ minutes: 0, labourCost: 0 }), { monthlyFee: 1_000_000 });
    expect(r.margin.status).toBe("no_hours");
    expect(r.margin.margin).toBeNull();
  });

  it("a negative margin shows as such", () => {
    const r = whatIf(base({ labourCost: 5_000_000 }), {});
    expect(r.margin.margin).toBeLessThan(0);
    expect(r.margin.marginBp).toBeLessThan(0);
  });

  it("the fee needed is the smallest whole yen that reaches the target margin", () => {
    const b = base({ labourCost: 900_000 });
    for (const targetBp of [0, 2_000, 3_000, 4_550]) {
      const fee = feeNeeded(b, {}, targetBp);
      if (fee === null) throw new Error("unreachable");
      const reaches = (f: number) => {
        const r = whatIf(b, { monthlyFee: f });
        const revenue = BigInt(r.revenue ?? 0);
        return (revenue - BigInt(r.margin.deliveryCost)) * 10_000n >= BigInt(targetBp) * revenue;
      };
      expect(reaches(fee)).toBe(true);
      if (fee > 0) expect(reaches(fee - 1)).toBe(false);
    }
  });

  it("without a contract, the fee alone must cover the cost", () => {
    const fee = feeNeeded(
      base({ document: null, actuals: null, revenue: null, contractRevenue: 0, labourCost: 300_000, directCost: 0 }),
      {},
      2_500,
    );
    expect(fee).toBe(400_000);
  });
});
