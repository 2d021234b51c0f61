import { describe, expect, it } from "vitest";
import type { SlaTerms } from "./contract";
import { SAMPLE_SLA, sampleVersion } from "./contract-fixtures";
import { computeInvoice } from "./invoice";
import type { SlaMonthMeasures, SlaMonthResult } from "./sla";
import { evaluateSlaMonth } from "./sla";

const SLA: SlaTerms = {
  ...SAMPLE_SLA,
  items: [
    ...SAMPLE_SLA.items,
    { key: "resolution", label: "障害解決", measure: "resolution_rate", targetBp: 10_000, creditBp: 200 },
    { key: "weekly_update", label: "週次報告", measure: "manual", targetBp: null, creditBp: 100 },
  ],
};

function evaluate(measures: Partial<SlaMonthMeasures>, sla: SlaTerms = SLA): SlaMonthResult {
  const result = evaluateSlaMonth(sla, { month: "2026-04", ...measures });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const outcome = (r: SlaMonthResult, key: string) => r.items.find((i) => i.key === key)?.outcome;

describe("evaluateSlaMonth", () => {
  it("judges the report against the Nth business day of the next month", () => {
    // April 2026's report, 5th business day of May (after Golden Week) = 2026-05-12.
    expect(evaluate({ reportPublishedOn: "2026-05-12" }).items[0]).toMatchObject({
      outcome: "met",
      deadline: "2026-05-12",
    });
    expect(outcome(evaluate({ reportPublishedOn: "2026-05-13" }), "report_deadline")).toBe("missed");
    expect(outcome(evaluate({ today: "2026-05-12" }), "report_deadline")).toBe("pending");
    expect(outcome(evaluate({ today: "2026-05-13" }), "report_deadline")).toBe("missed");
    expect(outcome(evaluate({}), "report_deadline")).toBe("pending");
    expect(outcome(evaluate({}, { ...SLA, reportDeadlineBusinessDay: null }), "report_deadline")).toBe("no_data");
  });

  it("compares response and resolution shares exactly; no inquiries, no miss", () => {
    const r = evaluate({ inquiries: 200, answeredWithinTarget: 180, incidents: 3, resolvedInTime: 2 });
    expect(r.items.slice(1, 3).map((i) => [i.key, i.outcome, i.actualBp])).toEqual([
      ["first_response", "met", 9_000],
      ["resolution", "missed", 6_667],
    ]);
    expect(outcome(evaluate({ inquiries: 200, answeredWithinTarget: 179 }), "first_response")).toBe("missed");
    expect(outcome(evaluate({ inquiries: 0, answeredWithinTarget: 0 }), "first_response")).toBe("no_data");
    expect(outcome(evaluate({}), "resolution")).toBe("no_data");
  });

  it("takes manual items from the manager's list", () => {
    expect(outcome(evaluate({ manualMisses: ["weekly_update"] }), "weekly_update")).toBe("missed");
    expect(outcome(evaluate({}), "weekly_update")).toBe("met");
  });

  it("lists the missed keys for the invoice, which credits them", () => {
    const r = evaluate({
      reportPublishedOn: "2026-05-20",
      inquiries: 10,
      answeredWithinTarget: 5,
      manualMisses: ["weekly_update"],
    });
    expect(r.missed).toEqual(["report_deadline", "first_response", "weekly_update"]);
    const version = { ...sampleVersion(), sla: SLA };
    const invoice = computeInvoice(version, "2026-04", { missedSlaItems: r.missed });
    // 5 % + 3 % + 1 % of ¥350,000 = ¥31,500, within the 10 % cap of ¥35,000.
    expect(invoice.ok && invoice.value.kind === "invoice" && invoice.value.invoice.totals.slaCredit).toBe(31_500);
  });

  it("answers field errors", () => {
    const r = evaluateSlaMonth(SLA, {
      month: "2026-4",
      inquiries: 5,
      answeredWithinTarget: 6,
      reportPublishedOn: "soon",
      manualMisses: ["nope"],
    });
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.code])).toEqual([
      ["month", "invalid_format"],
      ["answeredWithinTarget", "above_maximum"],
      ["reportPublishedOn", "invalid_format"],
      ["manualMisses", "invalid_option"],
    ]);
  });
});
