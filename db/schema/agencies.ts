import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { VerdictSettings } from "../../lib/domain/verdict";
import { createdAt, id } from "./_shared";

export type AgencySettings = {
  /** Monthly contribution levels (yen) used for "orders needed" and the Go verdict (SPEC §5). */
  hiringTriggers: [number, number];
  locale: "ja" | "en";
  /** Consumption-tax rounding on an invoice (SPEC §4.2); Japanese practice defaults to rounding down. */
  taxRounding: "floor" | "round" | "ceil";
  /** 適格請求書発行事業者の登録番号 ("T" + 13 digits) printed on invoices (SPEC §4.2); absent = not registered yet. */
  invoiceRegistrationNumber?: string | null;
  /** The monthly report is due on this business day of the next month unless a contract's SLA says otherwise. */
  reportDeadlineBusinessDay?: number;
  /**
   * The agency's own verdict thresholds (SPEC §5): between DEFAULT_VERDICT_SETTINGS and each client's plan
   * overrides. Only the thresholds that differ from the defaults are stored.
   */
  verdictDefaults?: Partial<VerdictSettings>;
  /** The agency's brand colour ("#rrggbb"), in the portal's header and on reports; a client may override it. */
  brandColor?: string | null;
};

export const defaultAgencySettings: AgencySettings = {
  hiringTriggers: [450_000, 600_000],
  locale: "ja",
  taxRounding: "floor",
};

/** A tenant. Not itself row-level secured: its id is what every other tenant table is scoped by. */
export const agencies = pgTable("agencies", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  settings: jsonb("settings").$type<AgencySettings>().notNull().default(defaultAgencySettings),
  createdAt: createdAt(),
});

export type Agency = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;
