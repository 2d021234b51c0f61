// The cost-rate history as the settings page lists it: by role (owner, manager, operator) then by person,
// newest first within each, with the rate in force today marked.

import type { CostRateListRow } from "@/db/queries/margins";
import { STAFF_ROLES } from "@/lib/options";

export function costRateViews(
  rates: readonly CostRateListRow[],
  staff: readonly { membershipId: string; name: string }[],
  today: string,
  roleLabel: (role: string) => string,
  memberLabel: (name: string) => string,
) {
  const nameOf = new Map(staff.map((s) => [s.membershipId, s.name]));
  const scopeOf = (r: CostRateListRow) => (r.role ? `role:${r.role}` : `member:${r.membershipId}`);
  const inForce = new Map<string, string>();
  for (const r of rates) {
    if (r.effectiveFrom > today) continue;
    const current = inForce.get(scopeOf(r));
    if (!current || current < r.effectiveFrom) inForce.set(scopeOf(r), r.effectiveFrom);
  }
  const order = (r: CostRateListRow) =>
    r.role
      ? `0${STAFF_ROLES.indexOf(r.role as (typeof STAFF_ROLES)[number])}`
      : `1${nameOf.get(r.membershipId ?? "") ?? ""}`;
  return [...rates]
    .sort((a, b) => order(a).localeCompare(order(b), "ja") || b.effectiveFrom.localeCompare(a.effectiveFrom))
    .map((r) => ({
      id: r.id,
      target: r.role ? roleLabel(r.role) : memberLabel(nameOf.get(r.membershipId ?? "") ?? "?"),
      yenPerHour: r.yenPerHour,
      effectiveFrom: r.effectiveFrom,
      inForce: inForce.get(scopeOf(r)) === r.effectiveFrom,
    }));
}
