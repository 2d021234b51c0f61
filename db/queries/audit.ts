import "server-only";
import { count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { agencyRevisions, auditLog, type NewAuditRow, users } from "../schema";

export async function listAuditLog(db: DbOrTx, p: { agencyId: string; page: number; pageSize: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        actorName: users.name,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(eq(auditLog.agencyId, p.agencyId))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ value: count() }).from(auditLog).where(eq(auditLog.agencyId, p.agencyId)),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** One audit row; the action wrappers are its only callers, so no mutation goes unrecorded. */
export async function insertAuditRow(db: DbOrTx, row: NewAuditRow) {
  await db.insert(auditLog).values(row);
}

/**
 * How far the agency's data has moved: its revision, raised by the commit of every transaction that wrote audit
 * rows for it (migration 0022). Read it before the data it stands for: a later statement may see newer data,
 * never older.
 */
export async function agencyRevision(db: DbOrTx, p: { agencyId: string }): Promise<number> {
  const [row] = await db
    .select({ revision: agencyRevisions.revision })
    .from(agencyRevisions)
    .where(eq(agencyRevisions.agencyId, p.agencyId));
  return row?.revision ?? 0;
}
