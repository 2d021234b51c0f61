import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { CHECKLIST_STATUSES } from "../../lib/domain/checklist";
import { CONTRACT_STATUSES, type ContractVersion } from "../../lib/domain/contract";
import type { InvoiceActuals } from "../../lib/domain/invoice";
import { createdAt, id, tenantPolicy, updatedAt } from "./_shared";
import { agencies } from "./agencies";
import { clients } from "./clients";
import { users } from "./users";

export const contractStatusEnum = pgEnum("contract_status", CONTRACT_STATUSES);
export const checklistStatusEnum = pgEnum("checklist_status", CHECKLIST_STATUSES);

/**
 * A client contract (SPEC §4). Its terms live in versions; `current_version_id` names the one in force.
 * An amendment adds a version and moves the pointer, checked against `version` (optimistic concurrency).
 */
export const contracts = pgTable(
  "contracts",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    title: text("title").notNull(),
    status: contractStatusEnum("status").notNull().default("draft"),
    /** The version in force; null only between inserting a contract and its first version. */
    currentVersionId: uuid("current_version_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("contracts_agency_id_key").on(t.agencyId, t.id),
    index("contracts_client_idx").on(t.agencyId, t.clientId),
    foreignKey({
      name: "contracts_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("contracts"),
  ],
).enableRLS();

/** One version of a contract's whole terms: the document validated by lib/domain/contract.ts. */
export const contractVersions = pgTable(
  "contract_versions",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    contractId: uuid("contract_id").notNull(),
    /** 1, 2, … within the contract. */
    number: integer("number").notNull(),
    document: jsonb("document").$type<ContractVersion>().notNull(),
    /** What changed, in the author's words. */
    note: text("note").notNull().default(""),
    /**
     * The first month this version bills ("YYYY-MM"); null for the first version (from the contract's start).
     * The invoice of a month uses the latest version in force then, so amending never rewrites a past invoice.
     */
    effectiveMonth: text("effective_month"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("contract_versions_number_key").on(t.contractId, t.number),
    check("contract_versions_effective_month_format", sql`${t.effectiveMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    unique("contract_versions_agency_id_key").on(t.agencyId, t.id),
    foreignKey({
      name: "contract_versions_contract_fk",
      columns: [t.agencyId, t.contractId],
      foreignColumns: [contracts.agencyId, contracts.id],
    }).onDelete("cascade"),
    tenantPolicy("contract_versions"),
  ],
).enableRLS();

/** A manager's decision on one of the 10 checklist items (SPEC §8) for one version, with who and when. */
export const contractChecklistItems = pgTable(
  "contract_checklist_items",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    contractVersionId: uuid("contract_version_id").notNull(),
    item: integer("item").notNull(),
    status: checklistStatusEnum("status").notNull(),
    note: text("note").notNull().default(""),
    checkedBy: uuid("checked_by").references(() => users.id, { onDelete: "set null" }),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("contract_checklist_items_key").on(t.contractVersionId, t.item),
    check("contract_checklist_items_item_range", sql`${t.item} between 1 and 10`),
    foreignKey({
      name: "contract_checklist_items_version_fk",
      columns: [t.agencyId, t.contractVersionId],
      foreignColumns: [contractVersions.agencyId, contractVersions.id],
    }).onDelete("cascade"),
    tenantPolicy("contract_checklist_items"),
  ],
).enableRLS();

/** A month's actuals of a contract (sales, orders, …) for the invoice and the fee simulator. */
export const contractActuals = pgTable(
  "contract_actuals",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    contractId: uuid("contract_id").notNull(),
    /** "YYYY-MM". */
    month: text("month").notNull(),
    actuals: jsonb("actuals").$type<InvoiceActuals>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("contract_actuals_month_key").on(t.contractId, t.month),
    check("contract_actuals_month_format", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    foreignKey({
      name: "contract_actuals_contract_fk",
      columns: [t.agencyId, t.contractId],
      foreignColumns: [contracts.agencyId, contracts.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "contract_actuals_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("contract_actuals"),
  ],
).enableRLS();

export type Contract = typeof contracts.$inferSelect;
export type ContractVersionRow = typeof contractVersions.$inferSelect;
export type ContractChecklistItem = typeof contractChecklistItems.$inferSelect;
export type ContractActualsRow = typeof contractActuals.$inferSelect;
