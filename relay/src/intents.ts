import { notConfirmed, pageAnswer, type PageAnswer } from './answers.js';
import { retryDelay, type RetryOptions } from './backoff.js';
import type { Database, Queryable } from './db/database.js';
import { recordKey } from './idempotency.js';
import { audit, change, iso, lockWrites, searchText, toState, type StateRow } from './state.js';
import { SYSTEM_AGENT, type Action, type Agent } from './types.js';
import type { UpstreamOutcome } from './upstream.js';

/**
 * An intent's life: committed (with its audit entry) before the chat API is called, sent,
 * then confirmed (in force), refused (rolled back) or lost (sent again later). The pending
 * intent on a customer's row is also its job: due at `next_attempt_at`, leased to one sender
 * at a time (`lease_until`, `lease_intent`), claimed with SKIP LOCKED by any instance.
 */

export interface Intent {
  phone: string;
  name: string | null;
  action: Action;
  reason: string | null;
  until: string | null;
  agent: Agent;
  key: string | null;
}

const CLEAR_PENDING = `pending_action = NULL, pending_reason = NULL, pending_until = NULL, pending_by_id = NULL, pending_by_name = NULL,
  pending_since = NULL, pending_id = NULL, pending_key = NULL, attempts = 0, next_attempt_at = NULL, lease_until = NULL, lease_intent = NULL, last_error = NULL`;

/**
 * Commits an intent. An intent still pending from someone else is superseded: block and
 * unblock are set operations, so the newest intent is the one to reach. If an older intent's
 * call is still in flight, the new one waits for it (`sendNow` false: the worker sends it once
 * that call is answered), so the chat API never hears them out of order; otherwise this
 * request takes the lease and makes the first attempt itself.
 */
export async function commitIntent(tx: Queryable, intent: Intent, leaseMs: number): Promise<{ row: StateRow; sendNow: boolean }> {
  await lockWrites(tx);
  const [before] = await tx.query<StateRow & { in_flight: boolean }>(
    `SELECT *, (lease_intent IS NOT NULL AND lease_until > now()) AS in_flight FROM customer_state WHERE phone = $1 FOR UPDATE`,
    [intent.phone],
  );
  const inFlight = before?.in_flight === true;
  if (before?.pending_action) {
    await audit(tx, {
      phone: intent.phone, agent: { id: before.pending_by_id ?? 'unknown', name: before.pending_by_name ?? 'unknown' },
      action: before.pending_action, event: 'superseded', key: before.pending_key, detail: `replaced by a ${intent.action} from ${intent.agent.name}`,
    });
    // Its key now replays "not confirmed" with whatever the state then is.
    if (before.pending_key) await recordKey(tx, before.pending_by_id, before.pending_key, notConfirmed(toState(before)));
  }
  const lease = inFlight ? '' : `, lease_until = now() + $11 * interval '1 millisecond', lease_intent = $2`;
  const row = await change(
    tx,
    intent.phone,
    `name = coalesce($3, name), search = $4,
     pending_action = $5, pending_reason = $6, pending_until = $7, pending_by_id = $8, pending_by_name = $9,
     pending_since = now(), pending_id = $2, pending_key = $10, attempts = 0, next_attempt_at = now(), last_error = NULL${lease}`,
    [
      intent.name, searchText(intent.name ?? before?.name ?? null, intent.phone),
      intent.action, intent.reason, intent.until, intent.agent.id, intent.agent.name, intent.key, ...(inFlight ? [] : [leaseMs]),
    ],
  );
  await audit(tx, { phone: intent.phone, agent: intent.agent, action: intent.action, event: 'requested', reason: intent.reason, until: intent.until, key: intent.key });
  return { row, sendNow: !inFlight };
}

export interface Settled {
  row: StateRow;
  /** Whether the intent was still the one pending (not replaced meanwhile). */
  current: boolean;
  /** What the page is told: the outcome when current, else "not confirmed" with the newer intent. */
  answer: PageAnswer;
  /** A newer intent was waiting for this call: it is due now. */
  released: boolean;
}

/**
 * Records what the chat API did with intent `pendingId`, in one transaction with the
 * result its Idempotency-Key replays. Confirmed: the intent is in force. Refused: it is
 * rolled back (a new revision, so every page hears of it). Lost: it stays pending and is
 * sent again after a backoff. An intent replaced meanwhile changes nothing but the lease.
 */
export async function settleIntent(db: Database, sent: StateRow, outcome: UpstreamOutcome, retry: RetryOptions): Promise<Settled> {
  const { phone } = sent;
  const pendingId = Number(sent.pending_id);
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const [row] = await tx.query<StateRow>(`SELECT * FROM customer_state WHERE phone = $1 FOR UPDATE`, [phone]);
    const who = { id: sent.pending_by_id ?? 'unknown', name: sent.pending_by_name ?? 'unknown' };
    const entry = { phone, agent: who, action: sent.pending_action!, key: sent.pending_key, upstreamStatus: outcome.status, reason: sent.pending_reason, until: sent.pending_until };
    if (row.pending_id === null || Number(row.pending_id) !== pendingId) {
      await audit(tx, { ...entry, event: 'superseded', detail: `${outcomeText(outcome)} after a newer change replaced it` });
      const released = row.lease_intent !== null && Number(row.lease_intent) === pendingId;
      const [next] = released ? await tx.query<StateRow>(`UPDATE customer_state SET lease_until = NULL, lease_intent = NULL WHERE phone = $1 RETURNING *`, [phone]) : [row];
      return { row: next, current: false, answer: notConfirmed(toState(next)), released };
    }
    let next: StateRow;
    if (outcome.kind === 'confirmed') {
      next = await change(
        tx, phone,
        `blocked = pending_action = 'block',
         reason = CASE WHEN pending_action = 'block' THEN pending_reason END,
         until = CASE WHEN pending_action = 'block' THEN pending_until END,
         by_id = pending_by_id, by_name = pending_by_name, at = now(), ${CLEAR_PENDING}`,
      );
      await audit(tx, { ...entry, event: 'confirmed' });
    } else if (outcome.kind === 'refused') {
      next = await change(tx, phone, CLEAR_PENDING);
      await audit(tx, { ...entry, event: 'refused', detail: messageText(outcome.page.message) });
    } else {
      [next] = await tx.query<StateRow>(
        `UPDATE customer_state SET attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond',
         lease_until = NULL, lease_intent = NULL, last_error = $3 WHERE phone = $1 RETURNING *`,
        [phone, retryDelay(row.attempts + 1, retry), outcome.detail],
      );
      await audit(tx, { ...entry, event: 'unconfirmed', detail: outcome.detail });
    }
    const answer = pageAnswer(outcome, toState(next));
    if (sent.pending_key) await recordKey(tx, sent.pending_by_id, sent.pending_key, answer);
    return { row: next, current: true, answer, released: false };
  });
}

const messageText = (message: string | string[]) => (Array.isArray(message) ? message.join('; ') : message);

function outcomeText(outcome: UpstreamOutcome): string {
  if (outcome.kind === 'lost') return outcome.detail;
  return `the chat API answered ${outcome.status}`;
}

/**
 * Turns every timed block whose `until` has passed into a pending unblock by the system. The
 * `pending_action IS NULL` test under the write lock makes it happen once, whichever instance
 * runs it first; a block replaced or ended before `until` no longer matches.
 */
export async function expireDue(db: Database): Promise<number> {
  // Most passes find nothing: look before taking the write lock every instance shares.
  const [due] = await db.query(`SELECT 1 FROM customer_state WHERE blocked AND until <= now() AND pending_action IS NULL LIMIT 1`);
  if (!due) return 0;
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const due = await tx.query<StateRow>(
      `SELECT * FROM customer_state WHERE blocked AND until <= now() AND pending_action IS NULL ORDER BY until LIMIT 100 FOR UPDATE`,
    );
    for (const row of due) {
      await change(
        tx, row.phone,
        `pending_action = 'unblock', pending_reason = NULL, pending_until = NULL, pending_by_id = $3, pending_by_name = $4,
         pending_since = until, pending_id = $2, pending_key = NULL, attempts = 0, next_attempt_at = now(), lease_until = NULL, lease_intent = NULL, last_error = NULL`,
        [SYSTEM_AGENT.id, SYSTEM_AGENT.name],
      );
    }
    await audit(tx, ...due.map((row) => ({
      phone: row.phone, agent: SYSTEM_AGENT, action: 'unblock' as const, event: 'expired' as const, detail: `the block ended at ${iso(row.until)}`,
    })));
    return due.length;
  });
}

/** Claims up to `limit` pending intents that are due, for `leaseMs` (SKIP LOCKED: each goes to one instance). */
export async function claimDue(db: Database, leaseMs: number, limit = 20): Promise<StateRow[]> {
  return db.query<StateRow>(
    `UPDATE customer_state SET lease_until = now() + $1 * interval '1 millisecond', lease_intent = pending_id
     WHERE phone IN (
       SELECT phone FROM customer_state
       WHERE pending_action IS NOT NULL AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
       ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [leaseMs, limit],
  );
}
