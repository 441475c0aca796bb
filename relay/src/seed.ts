import type { Database } from './db/database.js';
import { phoneProblem } from './validate.js';
import { audit, lockWrites, logChanges, searchText, type StateRow } from './state.js';

/** A customer as the chat API already has them, for a first import (or the demo's seed). */
export interface SeedEntry {
  phone: string;
  name?: string | null;
  blocked?: boolean;
  reason?: string | null;
  until?: string | null;
  by?: string | null;
  at?: string | null;
}

/**
 * Writes each entry as confirmed state (a revision each, any pending intent dropped) and
 * audits it as seeded: a few statements however many entries, so 10,000 take a second.
 */
export async function seedCustomers(db: Database, entries: SeedEntry[]): Promise<void> {
  for (const e of entries) {
    const problem = phoneProblem(e.phone);
    if (problem) throw new TypeError(`seed: ${problem} (got ${JSON.stringify(e.phone)})`);
  }
  const now = new Date().toISOString();
  const rows = entries.map((e) => {
    const blocked = !!e.blocked;
    return {
      phone: e.phone, name: e.name ?? null, search: searchText(e.name ?? null, e.phone), blocked,
      reason: blocked ? e.reason ?? null : null, until: blocked ? e.until ?? null : null, by: e.by ?? null, at: e.at ?? (blocked ? now : null),
    };
  });
  await db.transaction(async (tx) => {
    await lockWrites(tx);
    const written = await tx.query<StateRow>(
      `INSERT INTO customer_state (phone, name, search, blocked, reason, until, by_id, by_name, at, revision)
       SELECT phone, name, search, blocked, reason, until, by, by, at, nextval('change_revision')
       FROM jsonb_to_recordset($1::jsonb) AS s(phone text, name text, search text, blocked boolean, reason text, until timestamptz, by text, at timestamptz)
       ON CONFLICT (phone) DO UPDATE SET name = excluded.name, search = excluded.search, blocked = excluded.blocked,
         reason = excluded.reason, until = excluded.until, by_id = excluded.by_id, by_name = excluded.by_name, at = excluded.at,
         revision = excluded.revision, pending_action = NULL, pending_reason = NULL, pending_until = NULL, pending_by_id = NULL,
         pending_by_name = NULL, pending_since = NULL, pending_id = NULL, pending_key = NULL, attempts = 0, next_attempt_at = NULL,
         lease_until = NULL, lease_intent = NULL, last_error = NULL
       RETURNING *`,
      [JSON.stringify(rows)],
    );
    await logChanges(tx, written);
    await audit(tx, ...rows.map((r) => ({
      phone: r.phone, agent: { id: 'seed', name: r.by ?? 'seed' }, action: r.blocked ? 'block' as const : 'unblock' as const,
      event: 'seeded' as const, reason: r.reason, until: r.until,
    })));
  });
}
