import {
  type AnyPgColumn,
  boolean,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../../lib/options";
import { createdAt, id, tenantPolicy } from "./_shared";
import { agencies } from "./agencies";
import { clients } from "./clients";

export const localeEnum = pgEnum("locale", ["ja", "en"]);
export const roleEnum = pgEnum("member_role", ROLES);

/** A person. Global (not per agency): one login may belong to several agencies. */
export const users = pgTable("users", {
  id: id(),
  /** Stored lower-cased; uniqueness is therefore case-insensitive. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  locale: localeEnum("locale").notNull().default("ja"),
  /** Bumped on password change; a session carrying an older value is no longer valid. */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    /** Set for client users only: the one client they may see. */
    clientId: uuid("client_id"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("memberships_agency_user_key").on(t.agencyId, t.userId),
    unique("memberships_agency_id_key").on(t.agencyId, t.id),
    index("memberships_user_idx").on(t.userId),
    foreignKey({
      name: "memberships_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("memberships"),
  ],
).enableRLS();

export const invites = pgTable(
  "invites",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    /** SHA-256 of the token; the token itself is only ever shown once, in the invite link. */
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    clientId: uuid("client_id"),
    invitedBy: uuid("invited_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("invites_agency_idx").on(t.agencyId),
    foreignKey({
      name: "invites_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("invites"),
  ],
).enableRLS();

/**
 * Failed and successful sign-in attempts, kept in the database so throttling holds across app instances.
 * Not a tenant table: a sign-in happens before any agency is known.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: id(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);

/**
 * A signed-in session (SPEC §3). The session cookie names it; every request checks that it has not ended,
 * been idle too long or lived too long, so signing out, a password change, removal from the last agency or
 * an owner's "sign out everywhere" end it at once, on every app instance. Global, like users.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** The client's address and browser at sign-in, shown on the account page. */
    address: text("address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * A sign-up waiting for its e-mail to be confirmed. Sign-up answers the same whether or not the address
 * already has an account (OWASP: registration must not tell who is registered); only the mailbox's owner
 * learns which, when they open the link. Global: the agency does not exist yet.
 */
export const signUpRequests = pgTable("sign_up_requests", {
  id: id(),
  /** SHA-256 of the link's token. */
  tokenHash: text("token_hash").notNull().unique(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  agencyName: text("agency_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  locale: localeEnum("locale").notNull().default("ja"),
  createdAt: createdAt(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/**
 * Attempts counted against a rate limit (sign-up and invite acceptance per address), kept in the database
 * so that limits hold across app instances. `bucket` names the limit and its key ("signup:203.0.113.7").
 */
export const rateLimitEvents = pgTable(
  "rate_limit_events",
  {
    id: id(),
    bucket: text("bucket").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rate_limit_events_bucket_at_idx").on(t.bucket, t.at)],
);

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Invite = typeof invites.$inferSelect;
export type NewInvite = typeof invites.$inferInsert;
