import type { BlockAction, BlockMetadata, CustomerRef } from '../events.js';

/**
 * What a server says a customer's state is: what `status()` fulfils, what `follow()` pushes,
 * and what a relay's answer to a block carries. `blocked` and its metadata are what is in
 * force; `pending` is a change the server has committed but not yet had confirmed upstream.
 */
export interface ServerBlockState {
  blocked: boolean;
  reason?: string | null;
  until?: string | null;
  by?: string | null;
  at?: string | null;
  /** Increases with every change of this customer: an older one never overwrites a newer one. */
  revision?: number | null;
  pending?: {
    action: BlockAction;
    reason?: string | null;
    until?: string | null;
    by?: string | null;
    since?: string | null;
  } | null;
}

/** A change whose outcome nobody has confirmed yet. */
export interface UnconfirmedChange {
  readonly action: BlockAction;
  /** When it became unconfirmed (ms since the epoch). */
  readonly since: number;
  /** Why nothing confirmed it (a timeout, a lost connection, Cancel); null when a server reported it pending. */
  readonly error: Error | null;
  /** Who it is about, as the request named them. */
  readonly customer: CustomerRef;
  readonly reason: string | null;
  readonly until: string | null;
  /** The request's `Idempotency-Key`, sent again by a Retry; null for a change a server reported pending. */
  readonly idempotencyKey: string | null;
  /** Who asked for it, when a server reported it (`pending.by`). */
  readonly by: string | null;
}

/** A server's statement, ready for the store. */
export interface ServerFact {
  readonly blocked: boolean;
  readonly meta: BlockMetadata;
  readonly revision: number | null;
  readonly pending: UnconfirmedChange | null;
}

/**
 * Reads a server's state, or throws a TypeError that says what is wrong with it (a read
 * or a push that does not parse is a failed read, never a guess).
 */
export function readServerState(value: unknown, id: string, name: string = id): ServerFact {
  const data = value as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || typeof data.blocked !== 'boolean') {
    throw new TypeError(`chat-block-elements: a server state needs "blocked": true or false (got ${describe(value)}).`);
  }
  const revision = data.revision;
  if (revision !== undefined && revision !== null && !(Number.isSafeInteger(revision) && (revision as number) >= 0)) {
    throw new TypeError(`chat-block-elements: a server state's "revision" must be a whole number ≥ 0 (got ${describe(revision)}).`);
  }
  return {
    blocked: data.blocked,
    meta: { reason: text(data.reason), until: time(data.until), by: text(data.by), at: time(data.at) },
    revision: (revision as number | null | undefined) ?? null,
    pending: readPending(data.pending, id, name),
  };
}

function readPending(value: unknown, id: string, name: string): UnconfirmedChange | null {
  const p = value as Record<string, unknown> | null | undefined;
  if (p === null || p === undefined) return null;
  if (p.action !== 'block' && p.action !== 'unblock') {
    throw new TypeError(`chat-block-elements: a server state's "pending.action" must be "block" or "unblock" (got ${describe(p.action)}).`);
  }
  const since = Date.parse(String(p.since));
  return {
    action: p.action,
    since: Number.isNaN(since) ? Date.now() : since,
    error: null,
    customer: { id, name },
    reason: text(p.reason),
    until: time(p.until),
    idempotencyKey: null,
    by: text(p.by),
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function time(value: unknown): string | null {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
