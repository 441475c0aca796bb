import { changesAfter, logBounds, type Change } from './change-log.js';
import type { Database } from './db/database.js';
import { CHANGES_CHANNEL } from './state.js';

export type StreamMessage =
  | { kind: 'change'; change: Change }
  /** Changes may have been missed (the log was pruned past the resume point, or emptied): re-read. */
  | { kind: 'reset'; revision: number }
  /** A live-only stream starts after this revision (its id is where a reconnect resumes). */
  | { kind: 'ready'; revision: number };

type Send = (message: StreamMessage) => void;

interface Client {
  send: Send;
  /** The last revision this client has been sent. */
  last: number;
  /** Live changes that arrive while its backlog is read, sent after it. */
  waiting: Change[] | null;
}

const BATCH = 500;
const RETRY_MS = 1000;
const SWEEP_MS = 5000;

/**
 * Fans committed changes out to this instance's event streams. Each commit NOTIFYs its
 * revision (through PostgreSQL, from any instance); the hub then reads the change log from
 * where it last was, so a lost notification or a reconnect loses nothing: the log is the
 * truth, the notification only a wake-up.
 */
export class ChangeHub {
  readonly #db: Database;
  readonly #clients = new Set<Client>();
  #last = 0;
  #pumping: Promise<void> = Promise.resolve();
  #queued = false;
  #stopped = false;
  #resetAt = -1;
  #sweep: ReturnType<typeof setInterval> | null = null;
  #stopListening: (() => Promise<void>) | null = null;

  constructor(db: Database) {
    this.#db = db;
  }

  async start(): Promise<void> {
    this.#last = (await logBounds(this.#db)).newest;
    this.#stopListening = await this.#db.listen(CHANGES_CHANNEL, (payload) => this.#notified(payload), () => void this.pump());
    // A connection that dies silently (no reset, no error) loses notifications without a
    // reconnect: read the log now and then anyway, so a change is late at worst, never lost.
    this.#sweep = setInterval(() => void this.pump(), SWEEP_MS);
    this.#sweep.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#sweep) clearInterval(this.#sweep);
    await this.#stopListening?.();
    this.#stopListening = null;
    this.#clients.clear();
  }

  get clients(): number {
    return this.#clients.size;
  }

  /** A revision (wake up and read the log), or `reset:<floor>`: some instance emptied the database. */
  #notified(payload: string): void {
    const reset = /^reset:(\d+)$/.exec(payload);
    if (reset) this.reset(Number(reset[1]));
    else void this.pump();
  }

  /**
   * Reads what was committed since the last pump and sends it. One runs at a time, and
   * wake-ups that come meanwhile make one more run, not one each. A failed read (the database
   * is away) is tried again in a second, and after a reconnect.
   */
  pump(): Promise<void> {
    if (this.#queued) return this.#pumping;
    this.#queued = true;
    this.#pumping = this.#pumping.then(async () => {
      this.#queued = false;
      for (;;) {
        const changes = await changesAfter(this.#db, this.#last, BATCH);
        for (const change of changes) {
          this.#last = change.revision;
          for (const client of this.#clients) deliver(client, change);
        }
        if (changes.length < BATCH) return;
      }
    }).catch(() => {
      if (!this.#stopped) setTimeout(() => void this.pump(), RETRY_MS).unref();
    });
    return this.#pumping;
  }

  /**
   * Adds a stream. With `after`, first sends every change after it, exactly: the client
   * joins before its backlog is read, and nothing at or below what it was sent goes twice.
   * A resume point the log cannot serve (pruned past it, or beyond the newest change after
   * the database was emptied) gets `reset` and then goes on live.
   */
  async subscribe(after: number | null, send: Send): Promise<() => void> {
    const client: Client = { send, last: 0, waiting: [] };
    this.#clients.add(client);
    const unsubscribe = () => void this.#clients.delete(client);
    try {
      const { newest, pruned } = await logBounds(this.#db);
      if (after === null || after > newest || after < pruned) {
        client.last = newest;
        send(after === null ? { kind: 'ready', revision: newest } : { kind: 'reset', revision: newest });
      } else {
        client.last = after;
        for (let batch = await changesAfter(this.#db, after, BATCH); batch.length; batch = await changesAfter(this.#db, client.last, BATCH)) {
          for (const change of batch) {
            send({ kind: 'change', change });
            client.last = change.revision;
          }
        }
      }
    } catch (error) {
      unsubscribe();
      throw error;
    }
    const waiting = client.waiting ?? [];
    client.waiting = null;
    for (const change of waiting) deliver(client, change);
    return unsubscribe;
  }

  /**
   * After the database was emptied (the demo's reset): every stream re-reads, and goes on
   * after `floor`, the last revision given out before (revisions never go back, so a page
   * never takes a new change for an old one).
   */
  reset(floor: number): void {
    if (floor <= this.#last && this.#resetAt === floor) return;
    this.#resetAt = floor;
    this.#last = floor;
    for (const client of this.#clients) {
      client.last = floor;
      client.send({ kind: 'reset', revision: floor });
    }
  }
}

function deliver(client: Client, change: Change): void {
  if (client.waiting) client.waiting.push(change);
  else if (change.revision > client.last) {
    client.last = change.revision;
    client.send({ kind: 'change', change });
  }
}
