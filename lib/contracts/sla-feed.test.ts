import { describe, expect, it } from "vitest";
import type { SlaTerms } from "@/lib/domain/contract";
import { STANDARD_SLA } from "@/lib/domain/contract-templates";
import { NO_SLA_SUMS, slaMonthResults, withSlaResults } from "./sla-feed";

// SLA results from the weekly KPI measures, with the manager's ticks as the fallback.

const SLA: SlaTerms = {
  ...STANDARD_SLA,
  items: [
    ...STANDARD_SLA.items, // report_deadline (manual tick), first_response (response_rate ≥ 90 %)
    { key: "incidents", label: "障害解決", measure: "resolution_rate", targetBp: 8_000, creditBp: 200 },
  ],
};

describe("slaMonthResults", () => {
  it("decides the rate items from the month's weekly sums, exactly at the target", () => {
    const r = slaMonthResults(
      SLA,
      "2026-03",
      { inquiries: 100, answeredInTarget: 90, incidents: 5, resolvedInTime: 3 },
      ["first_response"], // a stale tick: the weekly figures decide
    );
    expect(r.items.map((i) => [i.key, i.outcome, i.source, i.actualBp])).toEqual([
      ["report_deadline", "met", "manual", null],
      ["first_response", "met", "kpi", 9_000],
      ["incidents", "missed", "kpi", 6_000],
    ]);
    expect(r.missed).toEqual(["incidents"]);
  });

  it("falls back to the ticks where the month has no weekly figures for the item", () => {
    const r = slaMonthResults(SLA, "2026-03", NO_SLA_SUMS, ["first_response", "report_deadline"]);
    expect(r.items.map((i) => [i.key, i.outcome, i.source])).toEqual([
      ["report_deadline", "missed", "manual"],
      ["first_response", "missed", "manual"],
      ["incidents", "met", "manual"],
    ]);
    expect(r.missed).toEqual(["report_deadline", "first_response"]);
  });

  it("a month whose inquiries were entered as 0 cannot miss the target (no data, no credit)", () => {
    const r = slaMonthResults(SLA, "2026-03", { ...NO_SLA_SUMS, inquiries: 0, answeredInTarget: 0 }, [
      "first_response",
    ]);
    expect(r.items.find((i) => i.key === "first_response")).toMatchObject({ outcome: "no_data", source: "kpi" });
    expect(r.missed).toEqual([]);
  });

  it("no SLA: no items", () => {
    expect(slaMonthResults(null, "2026-03", NO_SLA_SUMS, ["x"])).toEqual({ items: [], missed: [] });
  });

  it("the invoice's actuals carry the results' missed items and nothing else changes", () => {
    expect(withSlaResults({ sales: 1, missedSlaItems: ["first_response"] }, ["incidents"])).toEqual({
      sales: 1,
      missedSlaItems: ["incidents"],
    });
    expect(withSlaResults({ sales: 1, missedSlaItems: ["first_response"] }, [])).toEqual({ sales: 1 });
    expect(withSlaResults(null, [])).toEqual({});
  });
});
