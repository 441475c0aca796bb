import type { Queryable } from './db/database.js';
import { SYSTEM_AGENT, type Action, type Agent, type CustomerState } from './types.js';

/**
 * The customer state table's primitives. Every write goes through `change()`: the write lock,
 * the next revision, the row, its copy in the change log and a NOTIFY with the revision, all
 * in the caller's transaction, so revisions commit in order and a resumed stream never skips one.
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
  lease_intent: string | number | null;
}

export const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The state as the page reads it. A timed block whose end has passed reads as still in force
 * with the system's unblock pending, from the moment `until` passes: the expiry job makes
 * that real (and sends it upstream) at its next pass, and the block ends when the chat API
 * confirms.
 */
export function toState(row: StateRow, now = Date.now()): CustomerState {
  const ended = row.blocked && row.until !== null && !row.pending_action && new Date(row.until).getTime() <= now;
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
      : ended ? { action: 'unblock', reason: null, until: null, by: SYSTEM_AGENT.name, since: iso(row.until) } : null,
  };
}

/**
 * A customer the relay has no record of, as of `revision`: 0, or the newest revision the
 * change log no longer holds (pruned, or emptied by the demo's reset), so that after a reset
 * this read outranks whatever a page saw of them before.
 */
export const unknownCustomer = (phone: string, revision = 0): CustomerState => ({
  phone, name: null, blocked: false, reason: null, until: null, by: null, at: null, revision, pending: null,
});

/** What list search compares: the name without case or accents, and the phone's digits. */
export function searchText(name: string | null, phone: string): string {
  return `${normalize(name ?? '')} ${phone.replace(/\D/g, '')}`;
}

// Letters that carry no combining mark to drop, folded the way people type them.
const LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

/** Text folded for search: lower case, accents dropped, ø ł đ æ œ ß written as plain letters. */
export const normalize = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[øłđðþæœßı]/g, (c) => LETTERS[c]);

export async function readState(db: Queryable, phone: string): Promise<CustomerState> {
  const [row] = await db.query<StateRow>(`SELECT * FROM customer_state WHERE phone = $1`, [phone]);
  if (row) return toState(row);
  const [floor] = await db.query<{ value: string }>(`SELECT value FROM relay_counters WHERE name = 'pruned_through'`);
  return unknownCustomer(phone, Number(floor?.value ?? 0));
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
  await logChanges(tx, [row]);
  return row;
}

/** Copies committed rows into the change log and wakes every instance's streams (call under the write lock). */
export async function logChanges(tx: Queryable, rows: StateRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO change_log (revision, phone, state) SELECT revision, phone, state FROM jsonb_to_recordset($1::jsonb) AS c(revision bigint, phone text, state jsonb)`,
    [JSON.stringify(rows.map((row) => ({ revision: Number(row.revision), phone: row.phone, state: toState(row) })))],
  );
  // The payload is the newest revision only (NOTIFY payloads are small); listeners read the change log.
  await tx.query(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, String(Math.max(...rows.map((r) => Number(r.revision))))]);
}

export type AuditEvent = 'requested' | 'confirmed' | 'unconfirmed' | 'refused' | 'expired' | 'superseded' | 'seeded';

export interface AuditEntry {
  phone: string;
  agent: Pick<Agent, 'id' | 'name'>;
  action: Action;
  event: AuditEvent;
  reason?: string | null;
  until?: string | Date | null;
  key?: string | null;
  upstreamStatus?: number | null;
  detail?: string | null;
}

/** Appends audit entries (one statement however many). */
export async function audit(tx: Queryable, ...entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await tx.query(
    `INSERT INTO audit_log (phone, agent_id, agent_name, action, event, reason, until, idempotency_key, upstream_status, detail)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS a(phone text, agent_id text, agent_name text, action text, event text,
       reason text, until timestamptz, idempotency_key text, upstream_status integer, detail text)`,
    [JSON.stringify(entries.map((e) => ({
      phone: e.phone, agent_id: e.agent.id, agent_name: e.agent.name, action: e.action, event: e.event, reason: e.reason ?? null,
      until: e.until ? iso(e.until) : null, idempotency_key: e.key ?? null, upstream_status: e.upstreamStatus ?? null, detail: e.detail ?? null,
    })))],
  );
}
