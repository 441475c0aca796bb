import type { RetryOptions } from './backoff.js';
import type { Database } from './db/database.js';
import { pruneChangeLog } from './change-log.js';
import { forgetExpiredKeys } from './idempotency.js';
import { claimDue, expireDue, settleIntent } from './intents.js';
import type { StateRow } from './state.js';
import { callUpstream, type UpstreamOptions } from './upstream.js';

export interface WorkerOptions {
  pollMs: number;
  leaseMs: number;
  retry: RetryOptions;
  /** How long the change log keeps a change for streams to resume from (ms). */
  changeLogMs: number;
}

const CLEANUP_EVERY_MS = 3_600_000;

/**
 * The background half of "converges on the truth": ends timed blocks that are due, and
 * re-sends every pending intent whose attempt is due until the chat API confirms or refuses
 * it. Claims are leased with SKIP LOCKED, so with several instances each intent is tried by
 * one at a time; a relay killed mid-call leaves a lease that runs out, and the next pass
 * (here or elsewhere) sends it again: harmless, block and unblock being set operations.
 */
export class Converger {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = true;
  #lastCleanup = 0;

  constructor(
    private readonly db: Database,
    private readonly upstream: UpstreamOptions,
    private readonly options: WorkerOptions,
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

  /** Runs a pass as soon as the current one (if any) ends: a lease was released, or a test wants it now. */
  wake(): Promise<void> {
    if (this.#running) this.#again = true;
    else this.#schedule(0);
    return this.#running ?? Promise.resolve();
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#again = false;
      this.#running = this.pass()
        .catch(() => {
          // The database is away: try again on the next tick.
        })
        .finally(() => {
          this.#running = null;
          this.#schedule(this.#again ? 0 : this.options.pollMs);
        });
    }, ms);
  }

  /** One pass: expiries first, then every due intent, then (hourly) the cleanup. */
  async pass(): Promise<void> {
    await expireDue(this.db);
    for (let due = await this.#claim(); due.length; due = await this.#claim()) {
      await Promise.all(due.map((row) => this.attempt(row)));
    }
    if (Date.now() - this.#lastCleanup > CLEANUP_EVERY_MS) {
      this.#lastCleanup = Date.now();
      await forgetExpiredKeys(this.db);
      await pruneChangeLog(this.db, this.options.changeLogMs);
    }
  }

  #claim(): Promise<StateRow[]> {
    return this.#stopped ? Promise.resolve([]) : claimDue(this.db, this.options.leaseMs);
  }

  /** Sends one claimed intent and records the outcome (its key then replays the final result). */
  async attempt(row: StateRow): Promise<void> {
    const outcome = await callUpstream(this.upstream, row.pending_action!, row.phone);
    const settled = await settleIntent(this.db, row, outcome, this.options.retry);
    if (settled.released) void this.wake();
  }
}
