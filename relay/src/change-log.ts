import type { Database, Queryable } from './db/database.js';
import type { CustomerState } from './types.js';

/** One committed change: the customer's whole state after it. */
export interface Change {
  revision: number;
  state: CustomerState;
}

/** Up to `limit` changes after `revision`, oldest first. */
export async function changesAfter(db: Queryable, revision: number, limit: number): Promise<Change[]> {
  const rows = await db.query<{ revision: string; state: CustomerState | string }>(
    `SELECT revision, state FROM change_log WHERE revision > $1 ORDER BY revision LIMIT $2`,
    [revision, limit],
  );
  return rows.map((r) => ({ revision: Number(r.revision), state: typeof r.state === 'string' ? JSON.parse(r.state) : r.state }));
}

/**
 * The newest committed revision, and the newest one pruned from the log (a resume point
 * before it may have missed changes). Not the sequence's value: a revision taken by a
 * transaction that has not committed yet must not count as sent.
 */
export async function logBounds(db: Queryable): Promise<{ newest: number; pruned: number }> {
  const [row] = await db.query<{ newest: string | null; pruned: string }>(
    `SELECT (SELECT max(revision) FROM change_log) AS newest, value AS pruned FROM relay_counters WHERE name = 'pruned_through'`,
  );
  const pruned = Number(row?.pruned ?? 0);
  return { newest: Math.max(Number(row?.newest ?? 0), pruned), pruned };
}

/** Deletes changes older than `keepMs`, and remembers the newest revision deleted. */
export async function pruneChangeLog(db: Database, keepMs: number): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ through: string | null; deleted: string }>(
      `WITH gone AS (DELETE FROM change_log WHERE at < now() - $1 * interval '1 millisecond' RETURNING revision)
       SELECT max(revision) AS through, count(*) AS deleted FROM gone`,
      [keepMs],
    );
    if (row.through !== null) {
      await tx.query(`UPDATE relay_counters SET value = greatest(value, $1) WHERE name = 'pruned_through'`, [row.through]);
    }
    return Number(row.deleted);
  });
}
