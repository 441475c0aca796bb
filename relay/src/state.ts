import type { Queryable, Database } from './db/database.js';
import type { Action, Agent, CustomerState } from './types.js';

/**
 * The customer state table's operations. Every write goes through `change()`: one advisory
 * lock, the next revision, the row, its copy in the change log and a NOTIFY with the revision,
 * all in one transaction, so revisions commit in order and a resumed stream never skips one.
 */

export const CHANGES_CHANNEL = 'chat_block_changes';
const WRITE_LOCK = 727101;

/**
 * Every write transaction takes this lock before any row lock (so no two wait on each other),
 * and holds it to commit: changes commit in revision order. It is re-entrant within one.
 */
export const lockWrites = (tx: Queryable) => tx.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);

export interface StateRow {
  phone: string;
  name: string | null;
  blocked: boolean;
  reason: string | null;
  until: Date | null;
  by_name: string | null;
  at: Date | null;
  revision: string | number;
  pending_action: Action | null;
  pending_reason: string | null;
  pending_until: Date | null;
  pending_by_id: string | null;
  pending_by_name: string | null;
  pending_since: Date | null;
  pending_id: string | number | null;
  pending_key: string | null;
  attempts: number;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toState(row: StateRow): CustomerState {
  return {
    phone: row.phone,
    name: row.name,
    blocked: row.blocked,
    reason: row.reason,
    until: iso(row.until),
    by: row.by_name,
    at: iso(row.at),
    revision: Number(row.revision),
    pending: row.pending_action
      ? { action: row.pending_action, reason: row.pending_reason, until: iso(row.pending_until), by: row.pending_by_name, since: iso(row.pending_since) }
      : null,
  };
}

/** A customer the relay never heard of. */
export const unknownCustomer = (phone: string): CustomerState => ({
  phone, name: null, blocked: false, reason: null, until: null, by: null, at: null, revision: 0, pending: null,
});

/** What list search compares: the name without case or accents, and the phone's digits. */
export function searchText(name: string | null, phone: string): string {
  return `${normalize(name ?? '')} ${phone.replace(/\D/g, '')}`;
}

export const normalize = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export async function readState(db: Queryable, phone: string): Promise<CustomerState> {
  const [row] = await db.query<StateRow>(`SELECT * FROM customer_state WHERE phone = $1`, [phone]);
  return row ? toState(row) : unknownCustomer(phone);
}

/**
 * Applies `set` (SQL assignments over `customer_state`; `$1` is the phone, `$2` the new
 * revision, then `params`) as one new revision. Call inside a transaction.
 */
export async function change(tx: Queryable, phone: string, set: string, params: unknown[] = []): Promise<StateRow> {
  await lockWrites(tx);
  const [{ revision }] = await tx.query<{ revision: string }>(`SELECT nextval('change_revision') AS revision`);
  await tx.query(`INSERT INTO customer_state (phone, revision, search) VALUES ($1, 0, $2) ON CONFLICT (phone) DO NOTHING`, [phone, searchText(null, phone)]);
  const [row] = await tx.query<StateRow>(`UPDATE customer_state SET ${set}, revision = $2 WHERE phone = $1 RETURNING *`, [phone, revision, ...params]);
  await tx.query(`INSERT INTO change_log (revision, phone, state) VALUES ($1, $2, $3)`, [revision, phone, JSON.stringify(toState(row))]);
  // The payload is the revision only (NOTIFY payloads are small); listeners read the change log.
  await tx.query(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, String(revision)]);
  return row;
}

export interface AuditEntry {
  phone: string;
  agent: Pick<Agent, 'id' | 'name'>;
  action: Action;
  event: 'requested' | 'confirmed' | 'unconfirmed' | 'refused' | 'expired' | 'superseded' | 'seeded';
  reason?: string | null;
  until?: string | Date | null;
  key?: string | null;
  upstreamStatus?: number | null;
  detail?: string | null;
}

export async function audit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (phone, agent_id, agent_name, action, event, reason, until, idempotency_key, upstream_status, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [e.phone, e.agent.id, e.agent.name, e.action, e.event, e.reason ?? null, e.until ?? null, e.key ?? null, e.upstreamStatus ?? null, e.detail ?? null],
  );
}

export interface Intent {
  phone: string;
  name: string | null;
  action: Action;
  reason: string | null;
  until: string | null;
  agent: Agent;
  key: string | null;
}

/**
 * Commits an intent: the state to reach, who asked, and a lease so that this request makes the
 * first attempt upstream (the background worker takes over when the lease runs out). An
 * intent still pending from someone else is superseded: block and unblock are set operations,
 * so the newest intent is the one to reach. Returns the row; its `pending_id` names the intent.
 */
export async function commitIntent(tx: Queryable, intent: Intent, leaseMs: number): Promise<StateRow> {
  await lockWrites(tx);
  const [before] = await tx.query<StateRow>(`SELECT * FROM customer_state WHERE phone = $1 FOR UPDATE`, [intent.phone]);
  if (before?.pending_action) {
    await audit(tx, {
      phone: intent.phone, agent: { id: before.pending_by_id ?? 'unknown', name: before.pending_by_name ?? 'unknown' },
      action: before.pending_action, event: 'superseded', key: before.pending_key, detail: `replaced by a ${intent.action} from ${intent.agent.name}`,
    });
  }
  const row = await change(
    tx,
    intent.phone,
    `name = coalesce($3, name), search = $4,
     pending_action = $5, pending_reason = $6, pending_until = $7, pending_by_id = $8, pending_by_name = $9,
     pending_since = now(), pending_id = $2, pending_key = $10, attempts = 0, next_attempt_at = now(),
     lease_until = now() + $11 * interval '1 millisecond', last_error = NULL`,
    [
      intent.name, searchText(intent.name ?? before?.name ?? null, intent.phone),
      intent.action, intent.reason, intent.until, intent.agent.id, intent.agent.name, intent.key, leaseMs,
    ],
  );
  await audit(tx, { phone: intent.phone, agent: intent.agent, action: intent.action, event: 'requested', reason: intent.reason, until: intent.until, key: intent.key });
  return row;
}

export type Settlement =
  | { kind: 'confirmed'; upstreamStatus: number }
  | { kind: 'refused'; upstreamStatus: number | null; detail: string }
  | { kind: 'lost'; upstreamStatus: number | null; detail: string; retryInMs: number };

/**
 * Records what the chat API did with intent `pendingId`. Confirmed: the intent is in force.
 * Refused: it is rolled back (a new revision, so every page hears of it). Lost: it stays
 * pending and is tried again in `retryInMs`. An intent replaced meanwhile changes nothing.
 * Returns the state after it, and whether the intent was still the current one.
 */
export async function settleIntent(db: Database, phone: string, pendingId: number, outcome: Settlement): Promise<{ row: StateRow; current: boolean }> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const [row] = await tx.query<StateRow>(`SELECT * FROM customer_state WHERE phone = $1 FOR UPDATE`, [phone]);
    const who = { id: row.pending_by_id ?? 'unknown', name: row.pending_by_name ?? 'unknown' };
    if (row.pending_id === null || Number(row.pending_id) !== pendingId) return { row, current: false };
    const action = row.pending_action!;
    const entry = { phone, agent: who, action, key: row.pending_key, upstreamStatus: outcome.upstreamStatus, reason: row.pending_reason, until: row.pending_until };
    const done = `pending_action = NULL, pending_reason = NULL, pending_until = NULL, pending_by_id = NULL, pending_by_name = NULL,
      pending_since = NULL, pending_id = NULL, pending_key = NULL, attempts = 0, next_attempt_at = NULL, lease_until = NULL, last_error = NULL`;
    if (outcome.kind === 'confirmed') {
      const next = await change(
        tx, phone,
        `blocked = pending_action = 'block',
         reason = CASE WHEN pending_action = 'block' THEN pending_reason END,
         until = CASE WHEN pending_action = 'block' THEN pending_until END,
         by_id = pending_by_id, by_name = pending_by_name, at = now(), ${done}`,
      );
      await audit(tx, { ...entry, event: 'confirmed' });
      return { row: next, current: true };
    }
    if (outcome.kind === 'refused') {
      const next = await change(tx, phone, done);
      await audit(tx, { ...entry, event: 'refused', detail: outcome.detail });
      return { row: next, current: true };
    }
    const [next] = await tx.query<StateRow>(
      `UPDATE customer_state SET attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond',
       lease_until = NULL, last_error = $3 WHERE phone = $1 RETURNING *`,
      [phone, outcome.retryInMs, outcome.detail],
    );
    await audit(tx, { ...entry, event: 'unconfirmed', detail: outcome.detail });
    return { row: next, current: true };
  });
}

/**
 * Turns every timed block whose `until` has passed into a pending unblock by the system. The
 * `pending_action IS NULL` test under the write lock makes it happen once, whichever instance
 * runs it first; a block replaced or ended before `until` no longer matches.
 */
export async function expireDue(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const due = await tx.query<StateRow>(
      `SELECT * FROM customer_state WHERE blocked AND until <= now() AND pending_action IS NULL ORDER BY until LIMIT 100 FOR UPDATE`,
    );
    for (const row of due) {
      await change(
        tx, row.phone,
        `pending_action = 'unblock', pending_reason = NULL, pending_until = NULL, pending_by_id = 'system', pending_by_name = 'system',
         pending_since = until, pending_id = $2, pending_key = NULL, attempts = 0, next_attempt_at = now(), lease_until = NULL, last_error = NULL`,
      );
      await audit(tx, { phone: row.phone, agent: { id: 'system', name: 'system' }, action: 'unblock', event: 'expired', detail: `the block ended at ${iso(row.until)}` });
    }
    return due.length;
  });
}

/** Claims up to `limit` pending intents that are due, for `leaseMs` (SKIP LOCKED: each goes to one instance). */
export async function claimDue(db: Database, leaseMs: number, limit = 20): Promise<StateRow[]> {
  return db.query<StateRow>(
    `UPDATE customer_state SET lease_until = now() + $1 * interval '1 millisecond'
     WHERE phone IN (
       SELECT phone FROM customer_state
       WHERE pending_action IS NOT NULL AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
       ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [leaseMs, limit],
  );
}
