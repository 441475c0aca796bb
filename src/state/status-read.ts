import type { CustomerRef } from '../events.js';

// The status reader's contract and its retry settings: what a store is made with. The reads
// themselves are status-check.ts, loaded with the store's sync half (store-sync.ts).

/**
 * Reads one customer's state from the server: what `connectBackend` hands the store when
 * the backend has `status(customer, signal)`. Fulfils a `ServerBlockState`.
 */
export type StatusReader = (customer: CustomerRef, signal: AbortSignal) => Promise<unknown>;

/** How the store reads the truth back after an unconfirmed outcome. */
export interface StatusRetry {
  /** Reads at most this many times in a row (default 5). */
  attempts: number;
  /** The first wait between two reads (default 500 ms); it doubles each time, with jitter. */
  baseMs: number;
  /** The longest wait between two reads (default 15 s). */
  maxMs: number;
  /** One read's time limit (default 10 s). */
  timeoutMs: number;
  /**
   * When the reads settle on the change not made and nothing is followed (`follow()`), the
   * store checks once more this much later (default 3 s; 0: none): a request the page gave up
   * on may still reach the server after the read, having waited for a connection or in the
   * network.
   */
  recheckMs?: number;
}

export const DEFAULT_STATUS_RETRY: StatusRetry = Object.freeze({ attempts: 5, baseMs: 500, maxMs: 15_000, timeoutMs: 10_000, recheckMs: 3000 });
