import { sql } from "drizzle-orm";
import { check, foreignKey, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tenantPolicy, updatedAt } from "./_shared";
import { agencies } from "./agencies";
import { clients } from "./clients";

const HEX_COLOR = sql.raw(`'^#[0-9a-f]{6}$'`);

/**
 * The agency's logo (issue 11, branding): PNG or SVG, checked on the way in (lib/branding/logo.ts: magic
 * bytes, size, an SVG's elements and attributes against an allow-list), at most 200 KB, kept as base64 text
 * so that both drivers read it alike. Served only as an image (app/(app)/branding/logo/route.ts).
 */
export const agencyLogos = pgTable(
  "agency_logos",
  {
    agencyId: uuid("agency_id")
      .primaryKey()
      .references(() => agencies.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    /** The file's bytes in base64. */
    data: text("data").notNull(),
    size: integer("size").notNull(),
    /** Hex SHA-256 of the bytes: the version in the logo's URL and the key of a removal. */
    sha256: text("sha256").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("agency_logos_content_type", sql`${t.contentType} in ('image/png', 'image/svg+xml')`),
    check("agency_logos_size", sql`${t.size} > 0 and ${t.size} <= 204800`),
    tenantPolicy("agency_logos"),
  ],
).enableRLS();

/** A client's own brand colour, overriding the agency's in that client's portal and reports. */
export const clientBrandings = pgTable(
  "client_brandings",
  {
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    /** "#rrggbb", lower case. */
    color: text("color").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "client_brandings_pkey", columns: [t.agencyId, t.clientId] }),
    check("client_brandings_color_format", sql`${t.color} ~ ${HEX_COLOR}`),
    foreignKey({
      name: "client_brandings_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("client_brandings"),
  ],
).enableRLS();

export type AgencyLogoRow = typeof agencyLogos.$inferSelect;
