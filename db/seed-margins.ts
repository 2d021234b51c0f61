// Demo cost rates and direct costs (issue 11): per role from 2025-01-01, a raise for operators from the 1st
// of the month before last (so last month is worked at two rates), and a few direct costs for the first
// clients last month. Additive and idempotent: fixed ids, existing rows are left as they are.
import type { Database } from "./client";
import { costRates, directCosts } from "./schema";
import { seedId } from "./seed-ids";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

function monthsBefore(today: Date, n: number): string {
  const tokyo = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(today);
  const [y, m] = tokyo.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export async function seedMargins(
  tx: Tx,
  p: { agencyKey: string; agencyId: string; clientIds: string[]; today: Date },
): Promise<void> {
  const raiseMonth = monthsBefore(p.today, 2);
  const rates = [
    { key: "owner", role: "owner" as const, yenPerHour: 6_000, effectiveFrom: "2025-01-01" },
    { key: "manager", role: "manager" as const, yenPerHour: 5_000, effectiveFrom: "2025-01-01" },
    { key: "operator", role: "operator" as const, yenPerHour: 3_500, effectiveFrom: "2025-01-01" },
    { key: "operator-raise", role: "operator" as const, yenPerHour: 3_800, effectiveFrom: `${raiseMonth}-01` },
  ];
  for (const r of rates) {
    await tx
      .insert(costRates)
      .values({
        id: seedId(`cost-rate:${p.agencyKey}:${r.key}`),
        agencyId: p.agencyId,
        role: r.role,
        yenPerHour: r.yenPerHour,
        effectiveFrom: r.effectiveFrom,
      })
      .onConflictDoNothing();
  }
  const lastMonth = monthsBefore(p.today, 1);
  const costs = [
    { client: 0, label: "商品撮影（外注）", amount: 80_000 },
    { client: 0, label: "レビュー管理ツール", amount: 12_000 },
    { client: 1, label: "ささげ作業（外注）", amount: 450_000 },
    { client: 2, label: "レビュー管理ツール", amount: 12_000 },
  ];
  for (const [i, c] of costs.entries()) {
    const clientId = p.clientIds[c.client];
    if (!clientId) continue;
    await tx
      .insert(directCosts)
      .values({
        id: seedId(`direct-cost:${p.agencyKey}:${i}`),
        agencyId: p.agencyId,
        clientId,
        month: lastMonth,
        label: c.label,
        amount: c.amount,
      })
      .onConflictDoNothing();
  }
}
