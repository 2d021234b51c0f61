import type { ClientScope } from "@/db/scope";
import type { Role } from "@/lib/options";

export type { ClientScope };

/**
 * Who may do what: SPEC §2 in one table. Pages and server actions name a permission from here; row-level
 * limits (an operator's assigned clients, a client user's own client) are applied by the query functions
 * through `ClientScope`.
 */
export const permissions = {
  "members.read": ["owner", "manager"],
  "members.inviteStaff": ["owner"],
  "members.inviteClientUser": ["owner", "manager"],
  "members.changeRole": ["owner"],
  "members.remove": ["owner"],
  "members.endSessions": ["owner"],
  "clients.read": ["owner", "manager", "operator"],
  "clients.write": ["owner", "manager"],
  "audit.read": ["owner", "manager"],
  "economics.read": ["owner", "manager", "operator"],
  "economics.write": ["owner", "manager"],
  "portal.read": ["client"],
  // Contracts (SPEC §2, §4, §8): operators read terms, SLA and the checklist of their assigned clients;
  // fees and invoices are for owners and managers (client users see their own on the portal).
  "contracts.read": ["owner", "manager", "operator"],
  "contracts.write": ["owner", "manager"],
  "contracts.fees": ["owner", "manager"],
  "agency.settings": ["owner"],
  // Weekly KPIs (SPEC §2, §6, §9): operators read and enter figures and hours for their assigned clients;
  // the plan, targets and verdict thresholds are for owners and managers, as is the whole agency's week.
  // Client users see KPIs only inside published reports.
  "kpis.read": ["owner", "manager", "operator"],
  "kpis.enter": ["owner", "manager", "operator"],
  "kpis.plan": ["owner", "manager"],
  "kpis.team": ["owner", "manager"],
  "time.enter": ["owner", "manager", "operator"],
  // Monthly reports (SPEC §2, §7): owners and managers generate and publish; operators read and write the
  // draft commentary of their assigned clients; client users read their own published reports on the portal.
  "reports.read": ["owner", "manager", "operator"],
  "reports.generate": ["owner", "manager"],
  "reports.commentary": ["owner", "manager", "operator"],
  "reports.publish": ["owner", "manager"],
  // Agency margin (SPEC §2, §9): costs and margins are for owners and managers only, never operators or
  // client users; managers record a client's direct costs. Cost rates are agency settings (owners).
  "margins.read": ["owner", "manager"],
  "margins.write": ["owner", "manager"],
  // Branding (issue 11): everyone of the agency sees its logo and colour (the portal's header, reports);
  // owners set them in the agency settings (agency.settings).
  "branding.read": ["owner", "manager", "operator", "client"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function clientScopeOf(membership: { id: string; role: Role; clientId: string | null }): ClientScope {
  switch (membership.role) {
    case "owner":
    case "manager":
      return { kind: "all" };
    case "operator":
      return { kind: "assigned", membershipId: membership.id };
    case "client":
      // A client user without a client (should not exist: the invite requires one) sees nothing.
      return { kind: "own", clientId: membership.clientId ?? "00000000-0000-0000-0000-000000000000" };
  }
}
