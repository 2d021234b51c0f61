import type { Messages } from "./messages";

export type Namespace = keyof Messages;

/**
 * The message namespaces each part of the app sends to the browser. Server components translate with the whole
 * catalogue (lib/i18n/request.ts) and send only text; client components (useTranslations in a "use client"
 * file) need their messages in the page's payload, and the whole catalogue is most of a small page. A
 * NextIntlClientProvider replaces, not extends, the one above it, so each scope lists everything the client
 * components under it use. client-namespaces.test.ts checks every page against this table.
 */
export const MESSAGE_SCOPES = {
  /** Pages with no translated client components (the global 404). */
  none: [],
  /** The signed-in shell (agency and language switches) and its error boundary. */
  app: ["nav", "errors"],
  /** Sign-in and sign-up, and their language switch. */
  auth: ["nav", "auth"],
  invite: ["nav", "auth", "invite"],
  /** The client list, a new client and a client's page (/clients, /clients/new, /clients/[id]). */
  clients: ["clients", "common", "roles", "channels", "clientStatus", "onboardingStage", "serviceModels"],
  /** A client's contracts, a contract, its history, checklist and invoice (/clients/[id]/contracts/…). */
  contracts: ["contracts", "common"],
  /** The agency's own settings (the qualified-invoice registration number). */
  agencySettings: ["contracts", "margins", "branding", "common"],
  /** The portfolio's table (/portfolio). */
  portfolio: ["portfolio", "margins", "kpis"],
  /** A client's margin page (direct costs, the pricing what-if). */
  margins: ["margins", "common"],
  economics: ["economics", "channels", "common"],
  members: ["members", "roles", "invite", "auth", "common"],
  account: ["account", "common"],
  /** The weekly entry grid of one client (/clients/[id]/kpis/entry). */
  kpiEntry: ["kpiEntry", "kpis", "channels", "common"],
  /** A client's KPI page (/clients/[id]/kpis). */
  kpis: ["kpiPage", "kpis", "channels", "common"],
  /** A client's KPI plan editor (/clients/[id]/kpis/plan). */
  kpiPlan: ["kpiPage", "kpiPlan", "kpis", "channels", "common"],
  /** The operator's (or the agency's) week (/week). */
  week: ["week", "kpiCsv", "kpis", "channels", "common"],
  /** Monthly reports: the agency's month and a report's draft (/reports, /clients/[id]/reports). */
  reports: ["reports", "common"],
  /**
   * One report, for the agency (/clients/[id]/reports/[month]: the document, the commentary and publication)
   * and for the client (/portal/reports/[month]). The document is a client component: it is rendered from the
   * stored snapshot, which is far smaller in the page's payload than the document's markup would be, and the
   * names of KPIs and levers come with it (lib/reports/labels.ts) rather than as the KPI and P/L catalogues.
   */
  report: ["reports", "channels", "common"],
} as const satisfies Record<string, readonly Namespace[]>;

export type MessageScope = keyof typeof MESSAGE_SCOPES;
