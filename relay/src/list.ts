import type { Queryable } from './db/database.js';
import { normalize, toState, type StateRow } from './state.js';
import type { CustomerState } from './types.js';

/** Where a page of the list starts: after this (time, phone), newest first. Opaque to the page. */
export interface Cursor {
  at: string;
  phone: string;
}

export function readCursor(text: string | null): Cursor | null | Error {
  if (!text) return null;
  try {
    const [at, phone] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof phone === 'string') return { at, phone };
  } catch {
    // answered below
  }
  return new Error('cursor is not one this relay gave out');
}

const writeCursor = (at: string, phone: string) => Buffer.from(JSON.stringify([at, phone])).toString('base64url');

/**
 * The blocked customers (and pending blocks), newest first, `limit` at a time. A keyset on
 * (time, phone) keeps cursors stable while rows are added or removed, and uses the partial
 * index, so the 10,000th page costs what the first does. `q` matches the name without case
 * or accents, or the phone's digits.
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
    where.push(`(coalesce(at, pending_since), phone) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  const rows = await db.query<StateRow & { listed_at: Date }>(
    `SELECT *, coalesce(at, pending_since) AS listed_at FROM customer_state WHERE ${where.join(' AND ')}
     ORDER BY coalesce(at, pending_since) DESC, phone DESC LIMIT $1`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toState),
    next: rows.length > limit && last ? writeCursor(new Date(last.listed_at).toISOString(), last.phone) : null,
  };
}
