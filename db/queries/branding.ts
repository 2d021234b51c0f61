import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { agencyLogos, clientBrandings, clients } from "../schema";

/** The logo's type and version (its hash), without its bytes: what a page needs to show it. */
export async function getLogoMeta(db: DbOrTx, p: { agencyId: string }) {
  const [row] = await db
    .select({ contentType: agencyLogos.contentType, size: agencyLogos.size, sha256: agencyLogos.sha256 })
    .from(agencyLogos)
    .where(eq(agencyLogos.agencyId, p.agencyId));
  return row ?? null;
}

/** The logo with its bytes, for the route that serves it. */
export async function getLogo(db: DbOrTx, p: { agencyId: string }) {
  const [row] = await db.select().from(agencyLogos).where(eq(agencyLogos.agencyId, p.agencyId));
  return row ? { contentType: row.contentType, sha256: row.sha256, bytes: Buffer.from(row.data, "base64") } : null;
}

/** Sets (or replaces) the agency's logo; returns the one it replaced, if any. */
export async function saveLogo(
  db: DbOrTx,
  p: { agencyId: string; contentType: string; bytes: Uint8Array; sha256: string },
) {
  const before = await getLogoMeta(db, p);
  const values = {
    contentType: p.contentType,
    data: Buffer.from(p.bytes).toString("base64"),
    size: p.bytes.length,
    sha256: p.sha256,
    updatedAt: new Date(),
  };
  await db
    .insert(agencyLogos)
    .values({ agencyId: p.agencyId, ...values })
    .onConflictDoUpdate({ target: agencyLogos.agencyId, set: values });
  return before;
}

/** Removes the logo if it is still the one the caller saw (by hash); false when it was not. */
export async function deleteLogo(db: DbOrTx, p: { agencyId: string; sha256: string }): Promise<boolean> {
  const rows = await db
    .delete(agencyLogos)
    .where(and(eq(agencyLogos.agencyId, p.agencyId), eq(agencyLogos.sha256, p.sha256)))
    .returning({ sha256: agencyLogos.sha256 });
  return rows.length > 0;
}

/** Every client's own brand colour, with the client's name. */
export async function listClientColors(db: DbOrTx, p: { agencyId: string }) {
  return db
    .select({ clientId: clientBrandings.clientId, color: clientBrandings.color, name: clients.name })
    .from(clientBrandings)
    .innerJoin(clients, and(eq(clients.agencyId, clientBrandings.agencyId), eq(clients.id, clientBrandings.clientId)))
    .where(eq(clientBrandings.agencyId, p.agencyId))
    .orderBy(clients.name);
}

export async function getClientColor(db: DbOrTx, p: { agencyId: string; clientId: string }) {
  const [row] = await db
    .select({ color: clientBrandings.color })
    .from(clientBrandings)
    .where(and(eq(clientBrandings.agencyId, p.agencyId), eq(clientBrandings.clientId, p.clientId)));
  return row?.color ?? null;
}

/** Sets a client's colour, or with `color` null removes it; returns the colour before. */
export async function setClientColor(db: DbOrTx, p: { agencyId: string; clientId: string; color: string | null }) {
  const before = await getClientColor(db, p);
  if (p.color === null) {
    await db
      .delete(clientBrandings)
      .where(and(eq(clientBrandings.agencyId, p.agencyId), eq(clientBrandings.clientId, p.clientId)));
  } else {
    await db
      .insert(clientBrandings)
      .values({ agencyId: p.agencyId, clientId: p.clientId, color: p.color })
      .onConflictDoUpdate({
        target: [clientBrandings.agencyId, clientBrandings.clientId],
        set: { color: p.color, updatedAt: new Date() },
      });
  }
  return before;
}

/** Every client's id and name, for the colour override's picker. */
export async function listClientNames(db: DbOrTx, p: { agencyId: string }) {
  return db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(eq(clients.agencyId, p.agencyId))
    .orderBy(clients.name);
}
