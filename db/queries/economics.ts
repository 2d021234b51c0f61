import "server-only";
import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { Channel, Scenario } from "@/lib/options";
import type { DbOrTx } from "../client";
import { NotFoundError, onUniqueViolation } from "../errors";
import { type PlLineInputs, type PlLineValues, plLines } from "../schema";
import { parsedJson } from "./json";
import { updateVersioned, type VersionedKey } from "./versioned";

// The line's key, inputs and version: every column but the tenant and bookkeeping ones (a new input column
// in db/schema/economics.ts is read without touching this file).
const {
  agencyId: _agency,
  clientId: _client,
  createdAt: _created,
  updatedAt: _updated,
  ...columns
} = getTableColumns(plLines);

export type PlLineRow = PlLineValues & { id: string; version: number };
export type { PlLineValues };

const SCENARIO_ORDER = sql`array_position(array['pessimistic','base','optimistic']::scenario[], ${plLines.scenario})`;

/** Every P/L line of one client, grouped order: channel, SKU, then pessimistic → base → optimistic. */
export async function listPlLines(db: DbOrTx, p: { agencyId: string; clientId: string }): Promise<PlLineRow[]> {
  return db
    .select(columns)
    .from(plLines)
    .where(and(eq(plLines.agencyId, p.agencyId), eq(plLines.clientId, p.clientId)))
    .orderBy(asc(plLines.channel), asc(plLines.sku), SCENARIO_ORDER);
}

/**
 * One page of a client's lines (a line is a channel × SKU, in all its scenarios), in the same order as
 * listPlLines, and how many lines there are in all: the grid shows a page at a time.
 */
export async function listPlLinePage(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; page: number; pageSize: number },
): Promise<{ rows: PlLineRow[]; totalLines: number }> {
  const ofClient = and(eq(plLines.agencyId, p.agencyId), eq(plLines.clientId, p.clientId));
  const keys = db
    .selectDistinct({ channel: plLines.channel, sku: plLines.sku })
    .from(plLines)
    .where(ofClient)
    .orderBy(asc(plLines.channel), asc(plLines.sku))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(plLines)
      .where(and(ofClient, sql`(${plLines.channel}, ${plLines.sku}) in ${keys}`))
      .orderBy(asc(plLines.channel), asc(plLines.sku), SCENARIO_ORDER),
    db
      .select({ value: sql<number>`count(distinct (${plLines.channel}, ${plLines.sku}))::int` })
      .from(plLines)
      .where(ofClient),
  ]);
  return { rows, totalLines: total?.value ?? 0 };
}

export async function getPlLine(db: DbOrTx, p: { agencyId: string; clientId: string; id: string }) {
  const [row] = await db
    .select(columns)
    .from(plLines)
    .where(and(eq(plLines.agencyId, p.agencyId), eq(plLines.clientId, p.clientId), eq(plLines.id, p.id)));
  return row;
}

export async function getPlLineScenarios(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; channel: Channel; sku: string },
) {
  return db
    .select(columns)
    .from(plLines)
    .where(
      and(
        eq(plLines.agencyId, p.agencyId),
        eq(plLines.clientId, p.clientId),
        eq(plLines.channel, p.channel),
        eq(plLines.sku, p.sku),
      ),
    )
    .orderBy(SCENARIO_ORDER);
}

export type LineKey = { channel: Channel; sku: string; scenario: Scenario };
export const keyOf = (l: LineKey) => `${l.channel}\u0000${l.sku}\u0000${l.scenario}`;

/**
 * New lines, in batches of 500 rows. A line that already exists (same channel × SKU × scenario) raises
 * `onDuplicate()`: a field error for a form, a conflict for an import that someone else beat to it.
 */
export async function insertPlLines(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; lines: PlLineValues[]; onDuplicate: () => Error },
) {
  const inserted: { id: string; scenario: Scenario }[] = [];
  for (let i = 0; i < p.lines.length; i += 500) {
    // A stored row passed in as the source of a copy keeps its own id and version out of the new row.
    const batch = p.lines
      .slice(i, i + 500)
      .map(({ id: _id, version: _version, ...line }: PlLineValues & { id?: string; version?: number }) => ({
        ...line,
        agencyId: p.agencyId,
        clientId: p.clientId,
      }));
    const rows = await onUniqueViolation(
      db.insert(plLines).values(batch).returning({ id: plLines.id, scenario: plLines.scenario }),
      "pl_lines_line_key",
      p.onDuplicate,
    );
    inserted.push(...rows);
  }
  return inserted;
}

/** Version-checked save of one scenario's inputs; returns the new version (ConflictError if it moved on). */
export async function updatePlLineInputs(db: DbOrTx, key: VersionedKey, inputs: PlLineInputs): Promise<number> {
  return updateVersioned(db, plLines, key, inputs, { entity: "pl_line" });
}

/** Removes a line in all its scenarios; NotFoundError when the client has no such line. */
export async function deletePlLine(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; channel: Channel; sku: string },
) {
  const removed = await db
    .delete(plLines)
    .where(
      and(
        eq(plLines.agencyId, p.agencyId),
        eq(plLines.clientId, p.clientId),
        eq(plLines.channel, p.channel),
        eq(plLines.sku, p.sku),
      ),
    )
    .returning({ id: plLines.id, scenario: plLines.scenario });
  if (removed.length === 0) throw new NotFoundError("pl_line");
  return removed;
}

/** The base-scenario lines of several clients: what monthly contribution (§5) is computed from. */
export async function listBaseLines(db: DbOrTx, p: { agencyId: string; clientIds: readonly string[] }) {
  if (p.clientIds.length === 0) return [];
  const { id: _id, version: _version, ...values } = columns;
  return db
    .select({ clientId: plLines.clientId, ...values })
    .from(plLines)
    .where(
      and(eq(plLines.agencyId, p.agencyId), inArray(plLines.clientId, [...p.clientIds]), eq(plLines.scenario, "base")),
    );
}

export type BaseLineRow = PlLineValues & { clientId: string };

/**
 * The same lines as `listBaseLines`, as a JSON array expression for a statement that reads more than the
 * lines (a page's one query): `clientIds` is an SQL expression of the client ids (e.g. a column).
 */
export function baseLinesJson(agencyId: string, clientIds: SQL): SQL {
  const { id: _id, version: _version, ...values } = columns;
  const fields = sql.join(
    [
      sql.raw(`'clientId', pl.client_id`),
      ...Object.entries(values).map(([key, column]) => sql.raw(`'${key}', pl."${column.name}"`)),
    ],
    sql`, `,
  );
  return sql`coalesce((select json_agg(json_build_object(${fields})) from ${plLines} pl
    where pl.agency_id = ${agencyId} and pl.client_id in (${clientIds}) and pl.scenario = 'base'), '[]'::json)`;
}

/** What `baseLinesJson` returned, as `listBaseLines` returns it. */
export function baseLinesOf(value: unknown): BaseLineRow[] {
  return parsedJson<BaseLineRow[]>(value);
}
