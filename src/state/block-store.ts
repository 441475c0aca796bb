import type { BlockAction, BlockMetadata, ChatBlockExpiredEvent, CustomerRef } from '../events.js';
import { displayName, requireCustomerId, toCustomerId } from './customer-id.js';
import type { ServerFact, UnconfirmedChange } from './server-state.js';
import { DEFAULT_STATUS_RETRY, type StatusReader, type StatusRetry } from './status-read.js';
import { startFollowing, type FollowOptions, type FollowSource } from './follow.js';
import type { StoreSync } from './store-sync.js';
import { lazyModule } from '../internal/lazy.js';

// Loaded on first need, not with the store: a page of rows reads no status back, hears no
// other tab or feed, and sees no timed block end before the first unconfirmed outcome,
// refresh(), follow(), syncAcrossTabs() or expiry. (Type-only imports above stay
// `import type`: an inline `type` alone would keep a bare import.)
const syncModule = lazyModule(() => import('./store-sync.js'));
const events = lazyModule(() => import('../events.js'));

/**
 * What is known about one customer. Snapshots are immutable: a change makes a new one.
 * `reason`, `until`, `by` and `at` describe the last change (null when nobody said).
 */
export interface CustomerBlockState extends BlockMetadata {
  readonly id: string;
  /** False until someone seeded or changed the state: the reference API has no "is blocked" query. */
  readonly known: boolean;
  /** The state the backend last accepted (or the host last vouched for). */
  readonly blocked: boolean;
  /** The request running now, if any (one per customer at a time). */
  readonly pending: BlockAction | null;
  /** The last request's failure, until the next request or `set()`; with what Retry sends again. */
  readonly error: {
    readonly action: BlockAction;
    readonly error: Error;
    readonly customer: CustomerRef;
    readonly reason: string | null;
    readonly until: string | null;
  } | null;
  /**
   * The last request the backend accepted and when (ms since the epoch): what the
   * pill's transient "Unblocked" follows. Null after `set()` or another tab's change.
   */
  readonly accepted: { readonly action: BlockAction; readonly at: number } | null;
  /**
   * A change nobody has confirmed: the last request may have reached the server but no
   * answer said what it did (a timeout, a lost connection, Cancel while it was under way),
   * or the server reports one it has not finished. While it is set, `blocked` is the state
   * before it and no longer certain: the views say "not confirmed". Cleared by what the
   * server says next (a status read, a push, an answer) or by `set()`.
   */
  readonly unconfirmed: UnconfirmedChange | null;
  /** A status read for this customer is running (see `refresh()`). */
  readonly checking: boolean;
  /** The server's revision of this state, when a server said one (a relay does); else null. */
  readonly revision: number | null;
}

export type BlockStoreListener = (state: CustomerBlockState) => void;

/** What a host knows of a customer: `blocked`, and optionally why, until when, by whom and when. */
export interface KnownBlockState {
  blocked: boolean;
  reason?: string | null;
  until?: string | Date | null;
  by?: string | null;
  at?: string | Date | null;
  /** The server's revision of this state, if it gave one: later pushes and reads older than it are ignored. */
  revision?: number | null;
}

/** Options for `new BlockStore()`. */
export interface BlockStoreOptions {
  /** How unconfirmed outcomes are read back (attempts, backoff, one read's time limit). */
  statusRetry?: Partial<StatusRetry>;
}

/** @internal A listener object, so elements subscribe without a closure each. */
export interface BlockStateView {
  blockStateChanged(state: CustomerBlockState): void;
}

type Listener = BlockStoreListener | BlockStateView;

/** @internal What the store's sync half (store-sync.ts, loaded on first need) reads and changes. */
export interface StoreCore {
  get(id: string): CustomerBlockState;
  /** A server's statement, applied unless a newer one is known (see the store's #accept). */
  accept(id: string, fact: ServerFact, orEqual: boolean, patch?: Partial<CustomerBlockState>, share?: boolean): boolean;
  update(id: string, patch: Partial<CustomerBlockState>): void;
  readonly readers: StatusReader[];
  readonly retry: StatusRetry;
  /** Customers with an unconfirmed change. */
  readonly unconfirmed: ReadonlySet<string>;
  /** Customers some view shows now. */
  shown(): Iterable<string>;
  /** How many follow() feeds are open. */
  following(): number;
  /** The store's own readers of ids, names and known states, handed over (see store-sync.ts). */
  customerId: typeof toCustomerId;
  displayName: typeof displayName;
  readKnown: typeof readKnown;
}

/** Work for the sync half: `sync` is null when its module could not be loaded (`error` says why). */
type SyncTask = (sync: StoreSync | null, error?: unknown) => void;

/**
 * @internal The request lifecycle's access to a store. Keyed by a registered symbol
 * (not public methods: a page could otherwise lock a customer) and versioned, so a
 * second copy of the library can drive the page's one shared store.
 */
export interface StoreLifecycle {
  /** Marks a request as running. False when one already runs for this customer. */
  begin(id: string, action: BlockAction): boolean;
  /**
   * The backend accepted: apply the new state, with what is known of the change. `fact` is
   * the server's own statement of the state after it, when its answer carried one (with a
   * revision: a newer state known already is kept).
   */
  settle(id: string, action: BlockAction, meta: BlockMetadata, fact?: ServerFact | null): void;
  /** The backend refused: keep the old state, remember why (and what to send again). */
  fail(customer: CustomerRef, action: BlockAction, error: Error, sent: Pick<BlockMetadata, 'reason' | 'until'>): void;
  /** Nobody knows whether it was applied: mark it, and read the truth back if a reader is connected. */
  unconfirm(change: UnconfirmedChange): void;
  /** The request was cancelled: nothing changed. */
  abandon(id: string): void;
  /** Reads customers' states from now on (the last one added wins); returns the function that removes it. */
  addReader(read: StatusReader): () => void;
  /** Whether a reader is connected (the pill offers Check rather than Retry). */
  canRead(): boolean;
  watch(id: string, view: BlockStateView): void;
  unwatch(id: string, view: BlockStateView): void;
}

/** The events a store fires. */
export interface BlockStoreEventMap {
  'chat-block-expired': ChatBlockExpiredEvent;
}

// Typed addEventListener for the store's own events.
export interface BlockStore {
  addEventListener<K extends keyof BlockStoreEventMap>(
    type: K,
    listener: (this: BlockStore, event: BlockStoreEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof BlockStoreEventMap>(
    type: K,
    listener: (this: BlockStore, event: BlockStoreEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** @internal */
export const LIFECYCLE: unique symbol = Symbol.for('chat-block-elements.store-lifecycle.v1') as never;

const NO_META: BlockMetadata = { reason: null, until: null, by: null, at: null };
const EMPTY = {
  known: false,
  blocked: false,
  pending: null,
  error: null,
  accepted: null,
  unconfirmed: null,
  checking: false,
  revision: null,
  ...NO_META,
} as const;
// setTimeout's longest delay; a later expiry is re-armed when this one fires.
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Shared block state: one entry per customer id, and listeners keyed by id so a
 * change wakes only the views of that customer (plus `subscribeAll` listeners).
 * Ids are trimmed, and numbers are taken as their text. The store is an `EventTarget`:
 * it fires `chat-block-expired` when a timed block's `until` passes.
 */
export class BlockStore extends EventTarget {
  #states = new Map<string, CustomerBlockState>();
  // A customer's one listener as itself, more as an array (not a Set): a customer usually has
  // one to three views, and a list may hold thousands.
  #listeners = new Map<string, Listener | Listener[]>();
  #everyone: Listener[] = [];
  #channel: BroadcastChannel | null = null;
  #expiries = new Map<string, ReturnType<typeof setTimeout>>();
  #readers: StatusReader[] = [];
  #retry: StatusRetry;
  /** Customers with an unconfirmed change: re-read when the page is back online or visible. */
  #unconfirmed = new Set<string>();
  #sync: StoreSync | null = null;
  /** What waits for the sync half's module, in the order asked. */
  #syncQueue: SyncTask[] = [];
  /** The newest revision any server statement carried (a shared stream taken over resumes after it). */
  #newest: number | null = null;
  /** How many follow() feeds are open: while one is, a change that lands late is pushed. */
  #following = 0;

  constructor(options: BlockStoreOptions = {}) {
    super();
    this.#retry = { ...DEFAULT_STATUS_RETRY, ...options.statusRetry };
  }

  /** The customer's current state (an empty, unknown one if never seen). */
  get(id: string): CustomerBlockState {
    const key = toCustomerId(id) ?? String(id);
    return this.#states.get(key) ?? { id: key, ...EMPTY };
  }

  /** Every customer the store knows as blocked, in the order it first heard of them. */
  getBlocked(): CustomerBlockState[] {
    return [...this.#states.values()].filter((state) => state.blocked);
  }

  /**
   * Seeds or overrides the known state, e.g. from the host's own customer data:
   * `set(id, true)` or `set(id, { blocked, reason, until, by, at, revision })`. Clears a
   * shown error. With a `revision` older than the one the store knows (a push or a read
   * came first), nothing changes.
   */
  set(id: string, known: boolean | KnownBlockState): void {
    const key = requireCustomerId(id, 'blockStore.set()');
    const { blocked, meta, revision } = readKnown(known);
    const newest = this.get(key).revision;
    if (revision !== null && newest !== null && revision < newest) return;
    this.#know(key, blocked, { accepted: null, unconfirmed: null, ...meta, revision: revision ?? this.get(key).revision });
    this.#broadcast(key, blocked, meta, revision);
  }

  /**
   * Reads the customer's state from the server (the `status()` of the backend given to
   * `connectBackend`) and shows it in every view, without a request event: what the store
   * does by itself after an unconfirmed outcome. Retries with backoff (`statusRetry`) while
   * reads fail or the server still has the change pending. Resolves the new state; rejects
   * when no backend with `status()` is connected, or every read failed.
   */
  refresh(id: string): Promise<CustomerBlockState> {
    const key = requireCustomerId(id, 'blockStore.refresh()');
    if (!this.#readers.length) {
      return Promise.reject(
        new TypeError(
          'chat-block-elements: blockStore.refresh() needs a backend that can read a status: connectBackend(root, { block, unblock, status }).',
        ),
      );
    }
    return new Promise((resolve, reject) => this.#withSync((sync, error) => (sync ? sync.check(key).then(resolve, reject) : reject(error))));
  }

  /**
   * Applies changes made elsewhere (other agents, other devices, the server's clock ending
   * a timed block) to every view, as they happen. `source` is an `EventSource`, its URL (the
   * store opens it, and reopens it with `?after=<last id>` if the browser gives up), or any
   * `{ subscribe(fn) }` returning an unsubscribe. Each change is a customer's state with its
   * `revision`: one older than what the store knows is ignored. A `reset` event (or
   * `{ type: 'reset' }`) means changes were missed: the store re-reads the customers shown.
   * Returns the function that stops following.
   */
  follow(source: FollowSource, options: FollowOptions = {}): () => void {
    const sink = {
      change: (data: unknown) => this.#withSync((sync) => sync?.push(data)),
      resync: () => this.#withSync((sync) => void sync?.resync()),
      newest: () => this.#newest,
    };
    // Checked (a TypeError) and started at once. A stream is read by the sync half, which
    // loads now in any case, so the first change does not wait for it.
    const { held, stop: stopEarly } = startFollowing(source, sink);
    let stop = stopEarly;
    let stopped = false;
    if (held) {
      this.#withSync((sync) => {
        stopEarly();
        if (sync && !stopped) stop = sync.follow(source as string | URL | EventSource, sink, options, held);
      });
    } else syncModule.load().catch(() => {});
    this.#following++;
    return () => {
      if (stopped) return;
      stopped = true;
      this.#following--;
      stop();
    };
  }

  /** Seeds the state only if nothing is known yet (what an element's `blocked` attribute does). */
  seed(id: string, blocked: boolean): void {
    const key = requireCustomerId(id, 'blockStore.seed()');
    if (!this.get(key).known) this.#update(key, { known: true, blocked: !!blocked });
  }

  /**
   * Calls `fn` with the customer's new state on every change of that one customer.
   * Returns the unsubscribe function. (`'*'` is an id like any other: use `subscribeAll`.)
   */
  subscribe(id: string, fn: BlockStoreListener): () => void {
    const key = requireCustomerId(id, 'blockStore.subscribe()');
    if (key === '*') {
      console.warn("chat-block-elements: subscribe('*') listens to the customer whose id is \"*\". Use subscribeAll(fn) to hear every customer.");
    }
    this.#watch(key, fn);
    return () => this.#unwatch(key, fn);
  }

  /** Calls `fn` with the new state of any customer that changes. Returns the unsubscribe function. */
  subscribeAll(fn: BlockStoreListener): () => void {
    if (!this.#everyone.includes(fn)) this.#everyone.push(fn);
    return () => remove(this.#everyone, fn);
  }

  /** How many listeners are subscribed (for leak checks). */
  get listenerCount(): number {
    let n = this.#everyone.length;
    for (const entry of this.#listeners.values()) n += Array.isArray(entry) ? entry.length : 1;
    return n;
  }

  /**
   * Keeps accepted changes in step with other tabs of the same origin over a
   * `BroadcastChannel`. Returns a function that stops it.
   */
  syncAcrossTabs(name = 'chat-block-elements'): () => void {
    this.#channel?.close();
    const channel = new BroadcastChannel(name);
    channel.onmessage = ({ data }: MessageEvent) => this.#withSync((sync) => sync?.tabMessage(data));
    // What reads another tab's messages loads now, so the first one does not wait for it.
    syncModule.load().catch(() => {});
    this.#channel = channel;
    return () => {
      channel.close();
      if (this.#channel === channel) this.#channel = null;
    };
  }

  /** @internal */
  readonly [LIFECYCLE]: StoreLifecycle = {
    begin: (id, action) => {
      if (this.get(id).pending) return false;
      // What reads an unconfirmed outcome back loads with the request, so that read starts at once.
      if (this.#readers.length) syncModule.load().catch(() => {});
      this.#update(id, { pending: action, error: null });
      return true;
    },
    settle: (id, action, meta, fact) => {
      const answer = fact ?? { blocked: action === 'block', meta, revision: null, pending: null };
      const over = { pending: null, unconfirmed: null };
      // A newer change known already (a push that overtook this answer) stays.
      this.#accept(id, answer, true, { ...over, accepted: { action, at: Date.now() } }, true, over);
    },
    fail: (customer, action, error, { reason, until }) =>
      this.#update(customer.id, { pending: null, unconfirmed: null, error: { action, error, customer, reason, until } }),
    unconfirm: (change) => {
      const id = change.customer.id;
      // Checking at once (the read starts once the sync half is here, with the request's module).
      const checking = this.#readers.length > 0;
      this.#update(id, { pending: null, error: null, unconfirmed: change, ...(checking && { checking }) });
      if (checking) this.#withSync((sync) => (sync ? sync.check(id).catch(() => {}) : this.#update(id, { checking: false })));
    },
    abandon: (id) => this.#update(id, { pending: null }),
    addReader: (read) => {
      this.#readers.push(read);
      this.#watchConnectivity();
      return () => {
        remove(this.#readers, read);
        this.#watchConnectivity();
      };
    },
    canRead: () => this.#readers.length > 0,
    watch: (id, view) => this.#watch(id, view),
    unwatch: (id, view) => this.#unwatch(id, view),
  };

  #watch(id: string, listener: Listener): void {
    const entry = this.#listeners.get(id);
    if (entry === undefined) this.#listeners.set(id, listener);
    else if (!Array.isArray(entry)) {
      if (entry !== listener) this.#listeners.set(id, [entry, listener]);
    } else if (!entry.includes(listener)) entry.push(listener);
  }

  #unwatch(id: string, listener: Listener): void {
    const entry = this.#listeners.get(id);
    if (entry === listener) this.#listeners.delete(id);
    else if (Array.isArray(entry) && remove(entry, listener)) {
      if (entry.length === 1) this.#listeners.set(id, entry[0]);
    }
  }

  /**
   * A server's statement, applied unless a newer one is known: a revision below the known one
   * is old news (with `orEqual`, an equal one is news too: a fresh read of the same state
   * still settles what this page was unsure of). `patch` goes with it; `otherwise` is applied
   * when it is old news. Our own unconfirmed change is kept when the server reports the same
   * change pending (it has the key a Retry sends again). Returns whether it was applied.
   */
  #accept(
    id: string,
    fact: ServerFact,
    orEqual: boolean,
    patch: Partial<CustomerBlockState> = {},
    share = true,
    otherwise?: Partial<CustomerBlockState>,
  ): boolean {
    const now = this.get(id);
    const known = now.revision;
    if (fact.revision !== null && known !== null && (orEqual ? fact.revision < known : fact.revision <= known)) {
      if (otherwise) this.#update(id, otherwise);
      return false;
    }
    const mine = now.unconfirmed;
    const unconfirmed = fact.pending && mine?.action === fact.pending.action && mine.idempotencyKey ? mine : fact.pending;
    // A refusal shown stays while the server still has the state it failed to leave (its own
    // rollback, pushed after the answer, is no news); a state that moved on makes it moot.
    const error = now.error && fact.blocked === (now.error.action === 'unblock') ? now.error : null;
    this.#know(id, fact.blocked, { ...fact.meta, revision: fact.revision ?? known, unconfirmed, error, ...patch });
    if (share) this.#broadcast(id, fact.blocked, fact.meta, fact.revision);
    return true;
  }

  /**
   * Runs `task` with the sync half: now when its module is here and nothing waits before it,
   * else in the order asked once it is (null, and the error, if it could not be loaded).
   */
  #withSync(task: SyncTask): void {
    const module = syncModule.now;
    if (module && !this.#syncQueue.length) return task((this.#sync ??= new module.StoreSync(this.#core())));
    if (this.#syncQueue.push(task) > 1) return;
    syncModule.load().then(
      ({ StoreSync }) => {
        const sync = (this.#sync ??= new StoreSync(this.#core()));
        // A task stays first in the queue while it runs: one it queues (a listener that refreshes) runs after it.
        for (let next; (next = this.#syncQueue[0]); this.#syncQueue.shift()) {
          try {
            next(sync);
          } catch (error) {
            report(error);
          }
        }
      },
      (error) => {
        console.error('chat-block-elements: the block store could not load what reads the server and other tabs.', error);
        for (const task of this.#syncQueue.splice(0)) task(null, error);
      },
    );
  }

  /** Re-reads on reconnect only while some change is unconfirmed: the sync half watches, once it is needed. */
  #watchConnectivity(): void {
    if (this.#sync || (this.#unconfirmed.size && this.#readers.length)) this.#withSync((sync) => sync?.watchConnectivity());
  }

  #core(): StoreCore {
    return {
      get: (id) => this.get(id),
      accept: (...args) => this.#accept(...args),
      update: (id, patch) => this.#update(id, patch),
      readers: this.#readers,
      retry: this.#retry,
      unconfirmed: this.#unconfirmed,
      shown: () => this.#listeners.keys(),
      following: () => this.#following,
      customerId: toCustomerId,
      displayName,
      readKnown,
    };
  }

  /** A state someone vouches for (the host, the backend, another tab): it clears a shown error unless `patch` keeps it. */
  #know(id: string, blocked: boolean, patch: Partial<CustomerBlockState>): void {
    this.#update(id, { known: true, error: null, ...patch, blocked });
    this.#armExpiry(this.get(id));
  }

  #update(id: string, patch: Partial<CustomerBlockState>): void {
    const next = Object.freeze({ ...this.get(id), ...patch });
    this.#states.set(id, next);
    if (next.revision !== null && (this.#newest === null || next.revision > this.#newest)) this.#newest = next.revision;
    if ('unconfirmed' in patch) {
      const had = this.#unconfirmed.size;
      if (next.unconfirmed) this.#unconfirmed.add(id);
      else this.#unconfirmed.delete(id);
      if (had !== this.#unconfirmed.size) this.#watchConnectivity();
    }
    notify(this.#listeners.get(id), next);
    notify(this.#everyone, next);
  }

  /** One timer per timed block: `chat-block-expired` when its `until` passes (never an unblock). */
  #armExpiry(state: CustomerBlockState): void {
    clearTimeout(this.#expiries.get(state.id));
    this.#expiries.delete(state.id);
    const end = state.blocked && state.until ? Date.parse(state.until) : NaN;
    if (Number.isNaN(end)) return;
    const timer = setTimeout(() => {
      this.#expiries.delete(state.id);
      const fire = ({ ChatBlockExpiredEvent }: typeof import('../events.js')) => {
        const now = this.get(state.id);
        // Changed, or armed again, while the event's module loaded: not this timer's to fire.
        if (!now.blocked || now.until !== state.until || this.#expiries.has(state.id)) return;
        if (Date.now() < end) return this.#armExpiry(now);
        this.dispatchEvent(new ChatBlockExpiredEvent({ customer: { id: state.id }, until: state.until! }));
      };
      events.load().then(fire, report);
    }, Math.min(Math.max(end - Date.now(), 0), MAX_DELAY));
    this.#expiries.set(state.id, timer);
  }

  #broadcast(id: string, blocked: boolean, meta: BlockMetadata = NO_META, revision: number | null = null): void {
    this.#channel?.postMessage({ id, blocked, meta, revision });
  }
}

/** Reads `set()`'s second argument: a boolean, or a state with optional metadata. */
function readKnown(known: boolean | KnownBlockState): { blocked: boolean; meta: BlockMetadata; revision: number | null } {
  if (typeof known !== 'object' || known === null) return { blocked: !!known, meta: NO_META, revision: null };
  const revision = known.revision ?? null;
  if (revision !== null && !(Number.isSafeInteger(revision) && revision >= 0)) {
    throw new TypeError(`chat-block-elements: blockStore.set(): revision must be a whole number ≥ 0 (got ${String(revision)}).`);
  }
  const text = (value: unknown, name: string): string | null => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string') return value;
    throw new TypeError(`chat-block-elements: blockStore.set(): ${name} must be a string (got ${typeof value}).`);
  };
  return {
    blocked: !!known.blocked,
    meta: {
      reason: text(known.reason, 'reason'),
      until: toIsoTime(known.until, 'until'),
      by: text(known.by, 'by'),
      at: toIsoTime(known.at, 'at'),
    },
    revision,
  };
}

/** An ISO 8601 time from a Date or a parseable string; a clear TypeError otherwise. */
export function toIsoTime(value: unknown, name: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    throw new TypeError(`chat-block-elements: ${name} must be a date or an ISO 8601 time (got ${JSON.stringify(value)}).`);
  }
  return new Date(time).toISOString();
}

/** Calls every listener; one that throws is reported and does not stop the others or the caller. */
function notify(entry: Listener | Listener[] | undefined, state: CustomerBlockState): void {
  if (!entry) return;
  for (const fn of Array.isArray(entry) ? [...entry] : [entry]) {
    try {
      if (typeof fn === 'function') fn(state);
      else fn.blockStateChanged(state);
    } catch (error) {
      report(error);
    }
  }
}

function report(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
}

function remove<T>(list: T[], item: T): boolean {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
  return index >= 0;
}
