import type { CustomerRef } from '../events.js';
// Nothing of the first load is imported here (the store hands over what it needs: see
// StoreCore): a module both import, rolldown puts in a file of its own, one more request for
// the first load of define.js.
import type { CustomerBlockState, StoreCore } from './block-store.js';
import type { FeedSink, FollowOptions } from './follow.js';
import { followEventSource, followShared, followUrl } from './follow-stream.js';
import { readServerState } from './server-state.js';
import { readUntilSettled } from './status-check.js';

// Re-reads after a missed stretch of pushes, a few customers at a time.
const RESYNC_CONCURRENCY = 4;

/**
 * The half of a store that keeps it in step with what others hold: status reads until the
 * server has settled a customer, the streams `follow()` reads and the changes they push,
 * re-reads after missed changes or a reconnect, and other tabs' messages. Loaded on first
 * need (an unconfirmed outcome, `refresh()`, `follow()`, `syncAcrossTabs()`): a page of rows
 * that does none of these never loads it. One per store.
 */
export class StoreSync {
  #core: StoreCore;
  #checks = new Map<string, Promise<CustomerBlockState>>();
  #connectivity: (() => void) | null = null;
  #warned = new Set<string>();

  constructor(core: StoreCore) {
    this.#core = core;
  }

  /**
   * Starts reading a stream `follow()` was given: a URL (one tab of the origin holds it, when
   * asked and the Web Locks API is there) or a host's `EventSource`, with what it fired before
   * this module was here (`held`) first. Returns the stop function.
   */
  follow(source: string | URL | EventSource, sink: FeedSink, options: FollowOptions, held: readonly Event[]): () => void {
    if (typeof source !== 'string' && !(source instanceof URL)) return followEventSource(source, sink, false, undefined, held);
    const url = String(source);
    const locks = globalThis.navigator?.locks;
    return options.shareAcrossTabs && locks ? followShared(locks, url, sink, options) : followUrl(url, sink, options, '');
  }

  /** Reads one customer until the server has settled it; one read loop per customer at a time. */
  check(id: string, customer: CustomerRef = this.#core.get(id).unconfirmed?.customer ?? { id, name: id }): Promise<CustomerBlockState> {
    const running = this.#checks.get(id);
    if (running) return running;
    const core = this.#core;
    const read = core.readers[core.readers.length - 1];
    const { unconfirmed, checking } = core.get(id);
    const asked = unconfirmed?.action;
    // The store shows "Checking…" itself when an outcome is unconfirmed (before this module is here).
    if (!checking) core.update(id, { checking: true });
    const promise = readUntilSettled(read, customer, core.retry, (fact) => core.accept(id, fact, true), new AbortController().signal)
      .then((fact) => {
        // Our change was not made, but its request may still land (it waited for a connection,
        // or in the network): a followed feed would push it; else check once more, later.
        if (asked && !fact.pending && fact.blocked !== (asked === 'block')) this.#recheckLater(id, customer);
        return core.get(id);
      })
      .finally(() => {
        this.#checks.delete(id);
        core.update(id, { checking: false });
      });
    this.#checks.set(id, promise);
    return promise;
  }

  /** One change pushed by a followed source. */
  push(data: unknown): void {
    const d = data as { id?: unknown; phone?: unknown; name?: unknown } | null;
    const { customerId, displayName } = this.#core;
    const id = customerId(d?.id ?? d?.phone);
    try {
      if (id === null) throw new TypeError('a change needs the customer\'s "id" or "phone"');
      const name = displayName(d?.name ?? this.#core.get(id).unconfirmed?.customer.name, id);
      this.#core.accept(id, readServerState(data, id, name), false);
    } catch (error) {
      this.#warnOnce('push', `chat-block-elements: blockStore.follow() ignored a change it cannot read (${(error as Error).message}).`);
    }
  }

  /** Another tab's accepted change (`syncAcrossTabs()`). */
  tabMessage(data: { id?: unknown; blocked?: unknown; meta?: object; revision?: number | null } | null): void {
    const id = this.#core.customerId(data?.id);
    if (id === null || typeof data!.blocked !== 'boolean') return;
    try {
      const { blocked, meta, revision } = this.#core.readKnown({ ...data!.meta, blocked: data!.blocked, revision: data!.revision });
      this.#core.accept(id, { blocked, meta, revision, pending: null }, false, { accepted: null }, false);
    } catch {
      // Another copy's message this one cannot read: its own store has it.
    }
  }

  /** Changes may have been missed: read again every customer that is shown or unsure. */
  async resync(): Promise<void> {
    const core = this.#core;
    if (!core.readers.length) {
      this.#warnOnce(
        'resync',
        'chat-block-elements: blockStore.follow() may have missed changes and cannot read them again: connect a backend with status().',
      );
      return;
    }
    const ids = [...new Set([...core.shown(), ...core.unconfirmed])];
    const next = async (): Promise<void> => {
      const id = ids.shift();
      if (id === undefined) return;
      await this.check(id).catch(() => {});
      return next();
    };
    await Promise.all(Array.from({ length: RESYNC_CONCURRENCY }, next));
  }

  /** While some change is unconfirmed and a reader is connected: read again when the page is back online or visible. */
  watchConnectivity(): void {
    const core = this.#core;
    const wanted = core.unconfirmed.size > 0 && core.readers.length > 0 && typeof window !== 'undefined';
    if (wanted === !!this.#connectivity) return;
    if (!wanted) {
      this.#connectivity!();
      this.#connectivity = null;
      return;
    }
    const again = () => {
      if (document.visibilityState === 'hidden' || !core.readers.length) return;
      for (const id of core.unconfirmed) if (!this.#checks.has(id)) this.check(id).catch(() => {});
    };
    window.addEventListener('online', again);
    document.addEventListener('visibilitychange', again);
    this.#connectivity = () => {
      window.removeEventListener('online', again);
      document.removeEventListener('visibilitychange', again);
    };
  }

  /** One more check `statusRetry.recheckMs` from now, unless a feed is followed or another change of the customer is in play then. */
  #recheckLater(id: string, customer: CustomerRef): void {
    const core = this.#core;
    const ms = core.retry.recheckMs;
    if (!ms || core.following() > 0) return;
    setTimeout(() => {
      const now = core.get(id);
      if (!now.pending && !now.unconfirmed && core.readers.length) this.check(id, customer).catch(() => {});
    }, ms);
  }

  #warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(message);
  }
}
