import { bigint, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { AD_MODES, SCENARIOS } from "../../lib/options";
import { createdAt, id, tenantPolicy, updatedAt } from "./_shared";
import { agencies } from "./agencies";
import { channelEnum, clients } from "./clients";

export const scenarioEnum = pgEnum("scenario", SCENARIOS);
export const adModeEnum = pgEnum("ad_mode", AD_MODES);

/**
 * One P/L line (SPEC §5): a channel × SKU or product group × scenario, with the per-order inputs of the
 * unit-economics engine. Yen are integers, rates basis points; the three ad fields used depend on `ad_mode`.
 */
export const plLines = pgTable(
  "pl_lines",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    channel: channelEnum("channel").notNull(),
    /** SKU or product group, as the client's spreadsheet names it. */
    sku: text("sku").notNull(),
    scenario: scenarioEnum("scenario").notNull(),
    aov: bigint("aov", { mode: "number" }).notNull(),
    grossMarginBp: integer("gross_margin_bp").notNull(),
    feeRateBp: integer("fee_rate_bp").notNull(),
    pointsRateBp: integer("points_rate_bp").notNull().default(0),
    shipping: bigint("shipping", { mode: "number" }).notNull().default(0),
    packaging: bigint("packaging", { mode: "number" }).notNull().default(0),
    returnLoss: bigint("return_loss", { mode: "number" }).notNull().default(0),
    otherVariable: jsonb("other_variable").$type<{ name: string; amount: number }[]>().notNull().default([]),
    adMode: adModeEnum("ad_mode").notNull(),
    cpa: bigint("cpa", { mode: "number" }),
    cpc: bigint("cpc", { mode: "number" }),
    cvrBp: integer("cvr_bp"),
    acosBp: integer("acos_bp"),
    targetContribution: bigint("target_contribution", { mode: "number" }),
    /** Orders a month at present: scales the sensitivity levers to yen a month. */
    monthlyOrders: integer("monthly_orders").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("pl_lines_line_key").on(t.agencyId, t.clientId, t.channel, t.sku, t.scenario),
    index("pl_lines_client_idx").on(t.agencyId, t.clientId),
    foreignKey({
      name: "pl_lines_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("pl_lines"),
  ],
).enableRLS();

export type PlLine = typeof plLines.$inferSelect;
export type NewPlLine = typeof plLines.$inferInsert;

/** A line's stored inputs: every column but its key, tenant and bookkeeping. */
export type PlLineInputs = Omit<
  PlLine,
  "id" | "agencyId" | "clientId" | "channel" | "sku" | "scenario" | "version" | "createdAt" | "updatedAt"
>;
/** A line as people and files describe it: its key (channel × SKU × scenario) and its inputs. */
export type PlLineValues = Pick<PlLine, "channel" | "sku" | "scenario"> & PlLineInputs;
