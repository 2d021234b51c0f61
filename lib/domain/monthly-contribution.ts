// Monthly contribution (actual) = Σ over channels of orders × contribution per order of that channel's
// base line (SPEC §5).

import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { LIMITS } from "./unit-economics-input";
import { checkInteger, fieldError, isRecord } from "./validate";

export interface ChannelMonth {
  channel: string;
  orders: number;
  /** From the channel's base-scenario line. */
  contributionPerOrder: number;
}

export interface MonthlyContribution {
  total: number;
  byChannel: { channel: string; orders: number; contribution: number }[];
}

/**
 * A per-order contribution can be negative. A valid line's costs total at most about 3.5 × 10^9 yen
 * (20 other lines, ACOS 1,000 %), so 4 × 10^9 admits every line the engine can produce.
 */
const CONTRIBUTION_BOUND = LIMITS.maxYenPerOrder * 40;

export function monthlyContribution(channels: readonly ChannelMonth[]): Result<MonthlyContribution> {
  if (!Array.isArray(channels)) return fail([fieldError("channels", "invalid_type")]);
  const errors: FieldError[] = [];
  const byChannel: MonthlyContribution["byChannel"] = [];
  const seen = new Set<string>();
  // BigInt keeps the sum exact however many channels there are; the total is checked at the end.
  let total = 0n;
  channels.forEach((row: unknown, i) => {
    const field = `channels.${i}`;
    if (!isRecord(row) || typeof row.channel !== "string" || row.channel === "") {
      errors.push(fieldError(`${field}.channel`, "required"));
      return;
    }
    if (seen.has(row.channel)) errors.push(fieldError(`${field}.channel`, "duplicate"));
    seen.add(row.channel);
    const orders = checkInteger(errors, `${field}.orders`, row.orders, {
      min: 0,
      max: LIMITS.maxMonthlyOrders,
      minCode: "must_not_be_negative",
    });
    const perOrder = checkInteger(errors, `${field}.contributionPerOrder`, row.contributionPerOrder, {
      min: -CONTRIBUTION_BOUND,
      max: CONTRIBUTION_BOUND,
    });
    if (orders === undefined || perOrder === undefined) return;
    // |orders × perOrder| ≤ 10^6 × 4 × 10^9 < 2^53: exact.
    const contribution = orders * perOrder + 0;
    byChannel.push({ channel: row.channel, orders, contribution });
    total += BigInt(contribution);
  });
  if (errors.length > 0) return fail(errors);
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    return fail([fieldError("channels", "result_out_of_range")]);
  }
  return ok({ total: Number(total), byChannel });
}
