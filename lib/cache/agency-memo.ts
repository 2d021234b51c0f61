import "server-only";

// Figures derived from a whole agency's data — every client's margin, verdict and KPI status, which the start page
// and the portfolio show and which take tens of milliseconds to compute for 500 clients — kept in memory until the
// agency's data changes.
//
// Why a kept value is never stale: every mutation writes an audit row (the action wrappers roll back a mutation
// without one), and the commit of every transaction that wrote audit rows raises the agency's revision
// (db/queries/audit.ts, agencyRevision). A value is kept under the revision read before computing it and served
// while the revision is unchanged; data committed between that read and the computation only makes the value
// newer than its revision, and the next read computes again. Inputs that move with the clock (today, the week)
// belong in the key. Each server process keeps its own values; several processes stay exact, as each reads the
// revision. Data written around the audit log (a seed script run against a live server) is seen after the
// agency's next mutation or a restart.

const MAX_ENTRIES = 200;

type Entry = { revision: number; value: Promise<unknown> };

export type MemoKey = readonly (string | number | boolean | null | undefined)[];

const entries = new Map<string, Entry>();

/**
 * `compute()`, or the value it gave for the same agency, key and revision of the agency's data, the revision
 * read before `compute` runs (agencyReadKept in lib/actions/agency-read.ts reads it and calls this; a page keys
 * further figures on the revision it returned). Every input of `compute` other than the agency's data goes in
 * `key`. The value is shared between requests: treat it as read-only.
 */
export function memoAgencyAt<T>(
  revision: number,
  agencyId: string,
  key: MemoKey,
  compute: () => Promise<T>,
): Promise<T> {
  const id = JSON.stringify([agencyId, ...key]);
  const kept = entries.get(id);
  if (kept && kept.revision === revision) {
    // Most recently used last: the first key is the one to drop.
    entries.delete(id);
    entries.set(id, kept);
    return kept.value as Promise<T>;
  }
  // A request that read an older revision (it started before a mutation) does not replace a newer value.
  if (kept && kept.revision > revision) return compute();
  const value = compute();
  entries.set(id, { revision, value });
  value.catch(() => {
    if (entries.get(id)?.value === value) entries.delete(id);
  });
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return value;
}

/** Forgets every kept value (tests). */
export function clearAgencyMemo(): void {
  entries.clear();
}
