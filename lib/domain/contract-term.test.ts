import { describe, expect, it } from "vitest";
import type { ContractTerms } from "./contract";
import { sampleVersion } from "./contract-fixtures";
import type { TermStatus } from "./contract-term";
import { termStatus, versionInForce } from "./contract-term";

function status(today: string, change: Partial<ContractTerms> = {}, alertDays?: number): TermStatus {
  const result = termStatus({ ...sampleVersion().terms, ...change }, today, alertDays);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe("termStatus", () => {
  // The sample: 2026-04-01 … 2027-03-31, renews for 12 months, 60 days' notice.
  it("warns of the notice deadline within 30 days", () => {
    expect(status("2027-01-15")).toEqual({
      phase: "in_term",
      currentTermEnd: "2027-03-31",
      renewsOn: "2027-04-01",
      noticeDeadline: "2027-01-30",
      renewals: 0,
      alerts: [{ code: "notice_deadline_due", date: "2027-01-30", daysLeft: 15 }],
    });
  });

  it("warns of the renewal within 30 days, and renews past the end", () => {
    expect(status("2027-03-10").alerts).toEqual([{ code: "renewal_due", date: "2027-03-31", daysLeft: 21 }]);
    expect(status("2027-04-01")).toMatchObject({
      phase: "in_term",
      currentTermEnd: "2028-03-31",
      renewsOn: "2028-04-01",
      noticeDeadline: "2028-01-31",
      renewals: 1,
      alerts: [],
    });
    expect(status("2030-06-01").renewals).toBe(4);
  });

  it("a term without renewal ends, with a warning first", () => {
    const fixed = { autoRenew: false, renewalMonths: null, noticeDays: null };
    expect(status("2027-03-31", fixed).alerts).toEqual([{ code: "term_ends", date: "2027-03-31", daysLeft: 0 }]);
    expect(status("2027-04-01", fixed)).toMatchObject({
      phase: "ended",
      renewsOn: null,
      noticeDeadline: null,
      alerts: [],
    });
  });

  it("keeps month ends at month ends when renewing", () => {
    const monthly = { startDate: "2026-02-01", endDate: "2026-02-28", renewalMonths: 1 };
    expect(status("2026-03-05", monthly).currentTermEnd).toBe("2026-03-31");
    expect(status("2026-04-05", monthly).currentTermEnd).toBe("2026-04-30");
  });

  it("knows a contract not yet started, an open-ended one, and a custom window", () => {
    expect(status("2026-03-20").phase).toBe("not_started");
    expect(status("2030-01-01", { endDate: null, autoRenew: false, renewalMonths: null })).toEqual({
      phase: "in_term",
      currentTermEnd: null,
      renewsOn: null,
      noticeDeadline: null,
      renewals: 0,
      alerts: [],
    });
    expect(status("2027-01-15", {}, 10).alerts).toEqual([]);
  });

  it("answers errors for a bad day", () => {
    const r = termStatus(sampleVersion().terms, "2027-02-30");
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(["today"]);
  });
});

describe("the version in force for a month", () => {
  const versions = [
    { number: 1, effectiveMonth: null },
    { number: 2, effectiveMonth: "2026-06" },
    { number: 3, effectiveMonth: "2026-09" },
  ];
  it("bills each month with the latest version that took effect by then", () => {
    expect(versionInForce(versions, "2026-01")?.number).toBe(1);
    expect(versionInForce(versions, "2026-05")?.number).toBe(1);
    expect(versionInForce(versions, "2026-06")?.number).toBe(2);
    expect(versionInForce(versions, "2026-08")?.number).toBe(2);
    expect(versionInForce(versions, "2027-01")?.number).toBe(3);
  });
  it("lets a later amendment effective from the same month win", () => {
    expect(versionInForce([...versions, { number: 4, effectiveMonth: "2026-09" }], "2026-09")?.number).toBe(4);
  });
});
