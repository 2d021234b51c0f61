import { sql } from "drizzle-orm";
import { bigint, check, date, foreignKey, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantPolicy } from "./_shared";
import { agencies } from "./agencies";
import { clients } from "./clients";
import { memberships, roleEnum } from "./users";

const MONTH = sql.raw(`'^[0-9]{4}-(0[1-9]|1[0-2])$'`);

/**
 * What an hour of work costs the agency (SPEC §9): per role, or per person where set, each in force from
 * `effective_from` until a later rate of the same role or person. Rates are never edited in place: a raise
 * is a new row, so earlier months keep the rate they were worked at.
 */
export const costRates = pgTable(
  "cost_rates",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    role: roleEnum("role"),
    membershipId: uuid("membership_id"),
    yenPerHour: integer("yen_per_hour").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("cost_rates_one_scope", sql`(${t.role} is null) <> (${t.membershipId} is null)`),
    check("cost_rates_yen_range", sql`${t.yenPerHour} >= 0 and ${t.yenPerHour} <= 1000000`),
    uniqueIndex("cost_rates_role_day_key").on(t.agencyId, t.role, t.effectiveFrom).where(sql`${t.role} is not null`),
    uniqueIndex("cost_rates_member_day_key")
      .on(t.agencyId, t.membershipId, t.effectiveFrom)
      .where(sql`${t.membershipId} is not null`),
    foreignKey({
      name: "cost_rates_membership_fk",
      columns: [t.agencyId, t.membershipId],
      foreignColumns: [memberships.agencyId, memberships.id],
    }).onDelete("cascade"),
    tenantPolicy("cost_rates"),
  ],
).enableRLS();

/** A client's direct cost in a month (tools, outsourced photography, …), itemised. */
export const directCosts = pgTable(
  "direct_costs",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    month: text("month").notNull(),
    label: text("label").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("direct_costs_month_format", sql`${t.month} ~ ${MONTH}`),
    check("direct_costs_amount_range", sql`${t.amount} >= 0`),
    index("direct_costs_month_idx").on(t.agencyId, t.month),
    foreignKey({
      name: "direct_costs_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("direct_costs"),
  ],
).enableRLS();

export type CostRateRow = typeof costRates.$inferSelect;
export type DirectCostRow = typeof directCosts.$inferSelect;
