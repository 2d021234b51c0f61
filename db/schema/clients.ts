import { sql } from "drizzle-orm";
import { foreignKey, index, integer, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CHANNELS, CLIENT_STATUSES, ONBOARDING_STAGES, SERVICE_MODELS } from "../../lib/options";
import { createdAt, id, tenantPolicy, updatedAt } from "./_shared";
import { agencies } from "./agencies";
import { memberships } from "./users";

export const channelEnum = pgEnum("channel", CHANNELS);
export const serviceModelEnum = pgEnum("service_model", SERVICE_MODELS);
export const clientStatusEnum = pgEnum("client_status", CLIENT_STATUSES);
export const onboardingStageEnum = pgEnum("onboarding_stage", ONBOARDING_STAGES);
export const assignmentRoleEnum = pgEnum("assignment_role", ["manager", "operator"]);

/** A merchant the agency runs shops for. */
export const clients = pgTable(
  "clients",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Short code the agency uses in spreadsheets and file names; unique within the agency. */
    code: text("code").notNull(),
    industry: text("industry").notNull().default(""),
    channels: channelEnum("channels").array().notNull().default(sql`'{}'`),
    serviceModel: serviceModelEnum("service_model").notNull(),
    status: clientStatusEnum("status").notNull().default("onboarding"),
    onboardingStage: onboardingStageEnum("onboarding_stage").notNull().default("kickoff"),
    /** Optimistic-concurrency counter: an update names the version it read and fails if it moved. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("clients_agency_code_key").on(t.agencyId, t.code),
    unique("clients_agency_id_key").on(t.agencyId, t.id),
    index("clients_agency_name_idx").on(t.agencyId, t.name),
    tenantPolicy("clients"),
  ],
).enableRLS();

/** Who works on a client: exactly one manager at most, any number of operators. */
export const clientAssignments = pgTable(
  "client_assignments",
  {
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    role: assignmentRoleEnum("role").notNull(),
  },
  (t) => [
    unique("client_assignments_key").on(t.clientId, t.membershipId),
    uniqueIndex("client_assignments_one_manager").on(t.clientId).where(sql`role = 'manager'`),
    index("client_assignments_membership_idx").on(t.agencyId, t.membershipId),
    foreignKey({
      name: "client_assignments_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "client_assignments_membership_fk",
      columns: [t.agencyId, t.membershipId],
      foreignColumns: [memberships.agencyId, memberships.id],
    }).onDelete("cascade"),
    tenantPolicy("client_assignments"),
  ],
).enableRLS();

export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;
export type { Channel, ClientStatus } from "../../lib/options";
