import type { Database } from './db/database.js';
import { forgetExpiredKeys, recordKey } from './idempotency.js';
import { claimDue, expireDue, settleIntent, toState, type Settlement, type StateRow } from './state.js';
import { callUpstream, type UpstreamOptions, type UpstreamOutcome } from './upstream.js';
import type { CustomerState } from './types.js';

export interface RetryOptions {
  /** The first background retry after a lost answer (ms). Default 1000. */
  baseMs?: number;
  /** The longest wait between retries (ms): they go on at this pace until the chat API answers. Default 60000. */
  maxMs?: number;
}

/** Exponential backoff with full jitter, capped. */
export function retryDelay(attempt: number, { baseMs = 1000, maxMs = 60_000 }: RetryOptions = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export function settlementOf(outcome: UpstreamOutcome, attempt: number, retry: RetryOptions): Settlement {
  if (outcome.kind === 'confirmed') return { kind: 'confirmed', upstreamStatus: outcome.status };
  if (outcome.kind === 'refused') {
    const message = Array.isArray(outcome.page.message) ? outcome.page.message.join('; ') : outcome.page.message;
    return { kind: 'refused', upstreamStatus: outcome.status, detail: message };
  }
  return { kind: 'lost', upstreamStatus: outcome.status, detail: outcome.detail, retryInMs: retryDelay(attempt, retry) };
}

/** What a finished request's key replays: the page's answer for this outcome. */
export function pageAnswer(outcome: UpstreamOutcome, state: CustomerState): { status: number; body: unknown } {
  if (outcome.kind === 'confirmed') return { status: 201, body: state };
  if (outcome.kind === 'refused') return { status: outcome.page.status, body: { statusCode: outcome.page.status, message: outcome.page.message } };
  return { status: 202, body: { ...state, statusCode: 202, message: 'The chat service has not confirmed this yet; the relay keeps trying.' } };
}

/**
 * The background half of "converges on the truth": ends timed blocks that are due, and
 * re-sends every pending intent whose attempt is due until the chat API confirms or refuses
 * it. Claims are leased with SKIP LOCKED, so with several instances each intent is tried by
 * one at a time; a relay killed mid-call leaves a lease that runs out, and the next pass
 * (here or elsewhere) sends it again — harmless, block and unblock being set operations.
 */
export class Converger {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #stopped = false;
  #lastCleanup = 0;

  constructor(
    private readonly db: Database,
    private readonly upstream: UpstreamOptions,
    private readonly options: { pollMs: number; leaseMs: number; retry: RetryOptions },
  ) {}

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** Runs a pass now (after a new intent whose first attempt failed, or in tests). */
  wake(): Promise<void> {
    if (!this.#running) this.#schedule(0);
    return this.#running ?? Promise.resolve();
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#running = this.pass()
        .catch(() => {
          // The database is away: try again on the next tick.
        })
        .finally(() => {
          this.#running = null;
          this.#schedule(this.options.pollMs);
        });
    }, ms);
  }

  /** One pass: expiries first, then every due intent. */
  async pass(): Promise<void> {
    await expireDue(this.db);
    for (let due = await claimDue(this.db, this.options.leaseMs); due.length; due = await claimDue(this.db, this.options.leaseMs)) {
      await Promise.all(due.map((row) => this.attempt(row)));
      if (this.#stopped) return;
    }
    if (Date.now() - this.#lastCleanup > 3_600_000) {
      this.#lastCleanup = Date.now();
      await forgetExpiredKeys(this.db);
    }
  }

  async attempt(row: StateRow): Promise<void> {
    const outcome = await callUpstream(this.upstream, row.pending_action!, row.phone);
    const settled = await settleIntent(this.db, row.phone, Number(row.pending_id), settlementOf(outcome, row.attempts + 1, this.options.retry));
    // The request that made this intent, if it gave a key, now replays the final result.
    if (settled.current && row.pending_key && outcome.kind !== 'lost') {
      const answer = pageAnswer(outcome, toState(settled.row));
      await recordKey(this.db, row.pending_by_id, row.pending_key, answer.status, answer.body);
    }
  }
}
