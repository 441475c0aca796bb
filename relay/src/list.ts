import type { Queryable } from './db/database.js';
import { normalize, toState, type StateRow } from './state.js';
import type { CustomerState } from './types.js';

/** Where a page of the list starts: after this (time, phone), newest first. Opaque to the page. */
export interface Cursor {
  /** The time to the microsecond, in UTC (a JavaScript Date would round it to milliseconds). */
  at: string;
  phone: string;
}

const PG_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export function readCursor(text: string | null): Cursor | null | Error {
  if (!text) return null;
  try {
    const [at, phone] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && PG_TIME.test(at) && typeof phone === 'string' && phone.length <= 20) return { at, phone };
  } catch {
    // answered below
  }
  return new Error('cursor is not one this relay gave out');
}

const writeCursor = (at: string, phone: string) => Buffer.from(JSON.stringify([at, phone])).toString('base64url');

/** When a listed customer sorts: the block's confirmation, or when a pending block was asked for (matches the index). */
const LISTED_AT = `(CASE WHEN blocked THEN at ELSE pending_since END)`;

/**
 * The blocked customers (and pending blocks), newest first, `limit` at a time. A keyset on
 * (time, phone) keeps cursors stable while rows are added or removed, and walks the partial
 * index, so a later page costs what the first does. `q` matches the name without case or
 * accents, or the phone's digits.
 */
export async function listBlocked(db: Queryable, { q, limit, cursor }: { q: string; limit: number; cursor: Cursor | null }): Promise<{ items: CustomerState[]; next: string | null }> {
  const params: unknown[] = [limit + 1];
  const where = [`(blocked OR pending_action = 'block')`];
  const query = q.trim();
  if (query) {
    const digits = query.replace(/[\s().+-]/g, '');
    const term = /^\d+$/.test(digits) ? digits : normalize(query);
    params.push(`%${term.replace(/[\\%_]/g, '\\$&')}%`);
    where.push(`search LIKE $${params.length}`);
  }
  if (cursor) {
    params.push(cursor.at, cursor.phone);
    where.push(`(${LISTED_AT}, phone) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  const rows = await db.query<StateRow & { listed_at: string }>(
    `SELECT *, to_char(${LISTED_AT} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US"+00"') AS listed_at FROM customer_state WHERE ${where.join(' AND ')}
     ORDER BY ${LISTED_AT} DESC, phone DESC LIMIT $1`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toState(row)),
    next: rows.length > limit && last ? writeCursor(last.listed_at, last.phone) : null,
  };
}
