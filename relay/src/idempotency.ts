import { createHash } from 'node:crypto';
import type { PageAnswer } from './answers.js';
import type { Queryable } from './db/database.js';

/**
 * Idempotency-Key (IETF draft): per agent, a key's first result is kept for 24 hours. The
 * same key with another body is 422; while its first request runs, 409; once it finished,
 * its result again (errors included), without calling the chat API again.
 */
export const KEY_TTL_HOURS = 24;

/** The draft's header is a structured-field string (`"…"`); a bare token is accepted too. */
export function readKey(header: string | null): string | null | Error {
  if (header === null) return null;
  const key = header.trim().replace(/^"(.*)"$/, '$1');
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) return new Error('Idempotency-Key must be 1 to 255 visible ASCII characters.');
  return key;
}

export const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

export type KeyClaim =
  | { kind: 'new' }
  | { kind: 'mismatch' }
  | { kind: 'running' }
  | { kind: 'done'; answer: PageAnswer };

/** Claims `key` for this request inside the caller's transaction, or says what it was used for. */
export async function claimKey(tx: Queryable, agentId: string, key: string, print: string, phone: string): Promise<KeyClaim> {
  // An expired key is as good as unused.
  await tx.query(`DELETE FROM idempotency_keys WHERE agent_id = $1 AND key = $2 AND created_at < now() - interval '${KEY_TTL_HOURS} hours'`, [agentId, key]);
  const inserted = await tx.query(
    `INSERT INTO idempotency_keys (agent_id, key, fingerprint, phone) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
    [agentId, key, print, phone],
  );
  if (inserted.length) return { kind: 'new' };
  const [row] = await tx.query<{ fingerprint: string; status: number | null; body: unknown }>(
    `SELECT fingerprint, status, body FROM idempotency_keys WHERE agent_id = $1 AND key = $2`,
    [agentId, key],
  );
  if (row.fingerprint !== print) return { kind: 'mismatch' };
  if (row.status === null) return { kind: 'running' };
  return { kind: 'done', answer: { status: row.status, body: typeof row.body === 'string' ? JSON.parse(row.body) : row.body } };
}

/** Records a key's result; a 202 is replaced by the final one when the chat API settles the intent. */
export async function recordKey(db: Queryable, agentId: string | null, key: string, answer: PageAnswer): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys SET status = $3, body = $4 WHERE key = $2 AND agent_id = $1`,
    [agentId, key, answer.status, JSON.stringify(answer.body)],
  );
}

export async function forgetExpiredKeys(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEY_TTL_HOURS} hours'`);
}
