import "server-only";
// The manager's start page (issue 11): what needs doing this week, each item pointing where it gets fixed.
// Reads what the client list, the week and the portfolio already compute, batched over the agency's
// current clients (active, trial, onboarding).

import type { DbOrTx } from "@/db/client";
import { listContractTerms } from "@/db/queries/contracts";
import { listKpiClients } from "@/db/queries/kpis";
import { dueContracts } from "@/lib/contracts/overview";
import type { YearMonth } from "@/lib/domain/calendar";
import { monthKey, parseMonthKey } from "@/lib/domain/calendar";
import { loadVerdicts } from "@/lib/kpis/load";
import { entryStatus, expectedCells, offTrackKpis, tokyoWeek, WEEK_STATUSES } from "@/lib/kpis/week-view";
import { loadMargins, marginKey } from "./load";
import { REPORTS_AVAILABLE, reportStatuses } from "./report-status";

export async function loadStartPage(tx: DbOrTx, p: { agencyId: string; today: string; lastMonth: YearMonth }) {
  const scope = { kind: "all" } as const;
  const week = tokyoWeek();
  const month = monthKey(p.lastMonth);
  const [terms, clients] = await Promise.all([
    listContractTerms(tx, { agencyId: p.agencyId, scope, statuses: ["active"] }),
    listKpiClients(tx, { agencyId: p.agencyId, scope, statuses: WEEK_STATUSES, isoWeek: week }),
  ]);
  const ids = clients.map((c) => c.id);
  const [verdicts, offTrack, margins, reports] = await Promise.all([
    loadVerdicts(tx, { agencyId: p.agencyId, clientIds: ids, month: parseMonthKey(month) ?? p.lastMonth }),
    offTrackKpis(tx, { agencyId: p.agencyId, month, clients }),
    loadMargins(tx, { agencyId: p.agencyId, clientIds: ids, fromMonth: month, toMonth: month }),
    reportStatuses(tx, { agencyId: p.agencyId, clientIds: ids, month }),
  ]);
  const entries = clients.flatMap((c) => {
    const expected = expectedCells(c);
    const status = entryStatus(c.cells, expected);
    return status === "not_started" || status === "partial"
      ? [{ clientId: c.id, name: c.name, cells: c.cells, expected }]
      : [];
  });
  const checklists = terms
    .filter((c) => c.checklistDone < 10)
    .map((c) => ({ clientId: c.clientId, contractId: c.id, name: c.clientName, done: c.checklistDone }));
  const risk = clients.flatMap((c) => {
    const off = offTrack.get(c.id)?.length ?? 0;
    const stop = verdicts.get(c.id)?.verdict === "stop";
    return off > 0 || stop ? [{ clientId: c.id, name: c.name, offTrack: off, stop }] : [];
  });
  const negative = clients.flatMap((c) => {
    const m = margins.get(marginKey(c.id, month))?.margin;
    return m?.margin !== null && m?.margin !== undefined && m.margin < 0
      ? [{ clientId: c.id, name: c.name, margin: m.margin }]
      : [];
  });
  const unpublished = REPORTS_AVAILABLE
    ? clients
        .filter((c) => reports.get(c.id) !== "published")
        .map((c) => ({ clientId: c.id, name: c.name, late: reports.get(c.id) === "late" }))
    : null;
  return { week, month, due: dueContracts(terms, p.today), entries, checklists, risk, negative, unpublished };
}
