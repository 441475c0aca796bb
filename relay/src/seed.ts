import type { Database } from './db/database.js';
import { phoneProblem } from './validate.js';
import { audit, change, searchText } from './state.js';

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

/** Writes each entry as confirmed state (one revision each) and audits it as seeded. */
export async function seedCustomers(db: Database, entries: SeedEntry[]): Promise<void> {
  for (const e of entries) {
    const problem = phoneProblem(e.phone);
    if (problem) throw new TypeError(`seed: ${problem} (got ${JSON.stringify(e.phone)})`);
  }
  await db.transaction(async (tx) => {
    for (const e of entries) {
      const blocked = !!e.blocked;
      await change(
        tx, e.phone,
        `name = $3, search = $4, blocked = $5, reason = $6, until = $7, by_id = $8, by_name = $8, at = $9`,
        [e.name ?? null, searchText(e.name ?? null, e.phone), blocked, blocked ? e.reason ?? null : null, blocked ? e.until ?? null : null,
          e.by ?? null, e.at ?? (blocked ? new Date().toISOString() : null)],
      );
      await audit(tx, { phone: e.phone, agent: { id: 'seed', name: e.by ?? 'seed' }, action: blocked ? 'block' : 'unblock', event: 'seeded', reason: e.reason, until: e.until });
    }
  });
}
