import "server-only";
// Demo reports: for every active demo client, published reports for the last three months and a draft for this
// month, built from the seeded KPIs, P/L lines and contracts exactly as a manager's publication would be.
// Idempotent: a month that already has a report is left as it is.

import type { Database } from "@/db/client";
import { findReport, listActiveClientsAcrossAgencies, saveCommentary } from "@/db/queries/reports";
import { withTenant } from "@/db/tenant";
import { tokyoToday } from "@/lib/contracts/view";
import { addMonths, monthKey, parseMonthKey } from "@/lib/domain/calendar";
import { generateDraft, publish } from "./service";

const COMMENTARY = {
  wentWell: "楽天スーパーSALEに合わせた商品ページ改善で、転換率が前月より上がりました。",
  issues: "一部の人気商品で欠品が発生し、機会損失がありました。",
  proposals: "在庫の発注点を見直し、広告の配分を利益率の高い商品に寄せることを提案します。",
  nextMonthPlan: "新商品の登録とレビュー施策を進め、CPAの上限を粗利の範囲に保ちます。",
};

export async function seedReports(db: Database, options: { today?: Date; actorUserId?: string | null } = {}) {
  const now = options.today ?? new Date();
  const current = parseMonthKey(tokyoToday(now).slice(0, 7));
  if (!current) return 0;
  const clients = await listActiveClientsAcrossAgencies(db);
  let made = 0;
  for (const client of clients) {
    await withTenant(db, client.agencyId, async (tx) => {
      for (let back = 3; back >= 0; back--) {
        const month = monthKey(addMonths(current, -back));
        const scope = { kind: "all" } as const;
        const existing = await findReport(tx, { agencyId: client.agencyId, clientId: client.id, month, scope });
        if (existing) continue;
        const draft = await generateDraft(tx, {
          agencyId: client.agencyId,
          clientId: client.id,
          month,
          actorUserId: null,
        });
        if (back === 0) continue;
        const version = await saveCommentary(tx, {
          agencyId: client.agencyId,
          reportId: draft.id,
          version: 1,
          commentary: COMMENTARY,
        });
        // Published on the 3rd of the following month (or now, for a month that has only just ended).
        const next = addMonths(parseMonthKey(month) ?? current, 1);
        const due = new Date(Date.UTC(next.year, next.month - 1, 3, 1, 0, 0));
        await publish(tx, {
          agencyId: client.agencyId,
          reportId: draft.id,
          version,
          actorUserId: options.actorUserId ?? null,
          now: due < now ? due : now,
        });
        made++;
      }
    });
  }
  return made;
}
