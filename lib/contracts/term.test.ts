import { describe, expect, it } from "vitest";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import { shownStatus, termOf } from "./term";

describe("the status people see", () => {
  const fixed = () => {
    const v = sampleVersion();
    v.terms.autoRenew = false;
    v.terms.renewalMonths = null;
    return v;
  };

  it("is expired for an active contract past its end date without auto-renewal", () => {
    const v = fixed();
    expect(shownStatus("active", termOf(v, "2027-04-01"))).toBe("expired");
    expect(shownStatus("active", termOf(v, "2027-03-31"))).toBe("active");
  });

  it("stays active while auto-renewal carries the term on", () => {
    const v = sampleVersion();
    expect(v.terms.autoRenew).toBe(true);
    expect(shownStatus("active", termOf(v, "2028-06-01"))).toBe("active");
  });

  it("never changes a draft or a terminated contract", () => {
    const v = fixed();
    expect(shownStatus("draft", termOf(v, "2030-01-01"))).toBe("draft");
    expect(shownStatus("terminated", termOf(v, "2030-01-01"))).toBe("terminated");
  });
});
