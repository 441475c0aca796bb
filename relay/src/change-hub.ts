import type { Database } from './db/database.js';
import { CHANGES_CHANNEL } from './state.js';
import type { CustomerState } from './types.js';

export interface Change {
  revision: number;
  state: CustomerState;
}

type Send = (message: { kind: 'change'; change: Change } | { kind: 'reset' } | { kind: 'ready'; revision: number }) => void;

interface Client {
  send: Send;
  /** The last revision this client has been sent. */
  last: number;
  /** Live changes that arrive while its backlog is read, sent after it. */
  waiting: Change[] | null;
}

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
  #stopListening: (() => Promise<void>) | null = null;

  constructor(db: Database) {
    this.#db = db;
  }

  async start(): Promise<void> {
    this.#last = await this.latest();
    this.#stopListening = await this.#db.listen(CHANGES_CHANNEL, () => this.pump(), () => this.pump());
  }

  async stop(): Promise<void> {
    await this.#stopListening?.();
    this.#stopListening = null;
    this.#clients.clear();
  }

  get clients(): number {
    return this.#clients.size;
  }

  async latest(): Promise<number> {
    const [row] = await this.#db.query<{ revision: string | null }>(`SELECT max(revision) AS revision FROM change_log`);
    return Number(row?.revision ?? 0);
  }

  /** Reads what was committed since the last pump and sends it; runs one at a time. */
  pump(): Promise<void> {
    this.#pumping = this.#pumping.then(async () => {
      for (;;) {
        const changes = await this.changesAfter(this.#last, 500);
        for (const change of changes) {
          this.#last = change.revision;
          for (const client of this.#clients) deliver(client, change);
        }
        if (changes.length < 500) return;
      }
    }).catch(() => {
      // The database is away: the next notification or reconnect pumps again from #last.
    });
    return this.#pumping;
  }

  async changesAfter(revision: number, limit: number): Promise<Change[]> {
    const rows = await this.#db.query<{ revision: string; state: CustomerState | string }>(
      `SELECT revision, state FROM change_log WHERE revision > $1 ORDER BY revision LIMIT $2`,
      [revision, limit],
    );
    return rows.map((r) => ({ revision: Number(r.revision), state: typeof r.state === 'string' ? JSON.parse(r.state) : r.state }));
  }

  /**
   * Adds a stream. With `after`, first sends every change after it (exactly: the client
   * joins before its backlog is read, and nothing at or below what it was sent goes twice).
   * A resume point beyond the newest change (the database was reset) gets `reset`.
   */
  async subscribe(after: number | null, send: Send): Promise<() => void> {
    const client: Client = { send, last: 0, waiting: [] };
    this.#clients.add(client);
    const unsubscribe = () => void this.#clients.delete(client);
    try {
      const newest = await this.latest();
      if (after === null) {
        // Where a live-only stream starts: a browser that reconnects sends it back as Last-Event-ID.
        client.last = newest;
        send({ kind: 'ready', revision: newest });
      }
      else if (after > newest) {
        send({ kind: 'reset' });
        client.last = newest;
      } else {
        client.last = after;
        for (let batch = await this.changesAfter(after, 500); batch.length; batch = await this.changesAfter(client.last, 500)) {
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

  /** After the database was emptied (the demo's reset): every stream re-reads. */
  reset(): void {
    this.#last = 0;
    for (const client of this.#clients) {
      client.last = 0;
      client.send({ kind: 'reset' });
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
