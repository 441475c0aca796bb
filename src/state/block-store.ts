import { ChatBlockExpiredEvent, type BlockAction, type BlockMetadata, type CustomerRef } from '../events.js';
import { requireCustomerId, toCustomerId } from './customer-id.js';

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
}

export type BlockStoreListener = (state: CustomerBlockState) => void;

/** What a host knows of a customer: `blocked`, and optionally why, until when, by whom and when. */
export interface KnownBlockState {
  blocked: boolean;
  reason?: string | null;
  until?: string | Date | null;
  by?: string | null;
  at?: string | Date | null;
}

/** @internal A listener object, so elements subscribe without a closure each. */
export interface BlockStateView {
  blockStateChanged(state: CustomerBlockState): void;
}

type Listener = BlockStoreListener | BlockStateView;

/**
 * @internal The request lifecycle's access to a store. Keyed by a registered symbol
 * (not public methods: a page could otherwise lock a customer) and versioned, so a
 * second copy of the library can drive the page's one shared store.
 */
export interface StoreLifecycle {
  /** Marks a request as running. False when one already runs for this customer. */
  begin(id: string, action: BlockAction): boolean;
  /** The backend accepted: apply the new state, with what is known of the change. */
  settle(id: string, action: BlockAction, meta: BlockMetadata): void;
  /** The backend refused: keep the old state, remember why (and what to send again). */
  fail(customer: CustomerRef, action: BlockAction, error: Error, sent: Pick<BlockMetadata, 'reason' | 'until'>): void;
  /** The request was cancelled: nothing changed. */
  abandon(id: string): void;
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
const EMPTY = { known: false, blocked: false, pending: null, error: null, accepted: null, ...NO_META } as const;
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
   * `set(id, true)` or `set(id, { blocked, reason, until, by, at })`. Clears a shown error.
   */
  set(id: string, known: boolean | KnownBlockState): void {
    const key = requireCustomerId(id, 'blockStore.set()');
    const { blocked, meta } = readKnown(known);
    this.#know(key, blocked, { accepted: null, ...meta });
    this.#broadcast(key, blocked, meta);
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
    channel.onmessage = ({ data }: MessageEvent) => {
      const id = toCustomerId(data?.id);
      if (id !== null && typeof data.blocked === 'boolean') {
        const { meta } = readKnown({ ...data.meta, blocked: data.blocked });
        this.#know(id, data.blocked, { accepted: null, ...meta });
      }
    };
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
      this.#update(id, { pending: action, error: null });
      return true;
    },
    settle: (id, action, meta) => {
      const blocked = action === 'block';
      this.#know(id, blocked, { pending: null, accepted: { action, at: Date.now() }, ...meta });
      this.#broadcast(id, blocked, meta);
    },
    fail: (customer, action, error, { reason, until }) =>
      this.#update(customer.id, { pending: null, error: { action, error, customer, reason, until } }),
    abandon: (id) => this.#update(id, { pending: null }),
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

  /** A state someone vouches for (the host, the backend, another tab): it clears a shown error. */
  #know(id: string, blocked: boolean, patch: Partial<CustomerBlockState>): void {
    this.#update(id, { ...patch, known: true, blocked, error: null });
    this.#armExpiry(this.get(id));
  }

  #update(id: string, patch: Partial<CustomerBlockState>): void {
    const next = Object.freeze({ ...this.get(id), ...patch });
    this.#states.set(id, next);
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
      const now = this.get(state.id);
      if (!now.blocked || now.until !== state.until) return;
      if (Date.now() < end) return this.#armExpiry(now);
      this.dispatchEvent(new ChatBlockExpiredEvent({ customer: { id: state.id }, until: state.until! }));
    }, Math.min(Math.max(end - Date.now(), 0), MAX_DELAY));
    this.#expiries.set(state.id, timer);
  }

  #broadcast(id: string, blocked: boolean, meta: BlockMetadata = NO_META): void {
    this.#channel?.postMessage({ id, blocked, meta });
  }
}

/** Reads `set()`'s second argument: a boolean, or a state with optional metadata. */
function readKnown(known: boolean | KnownBlockState): { blocked: boolean; meta: BlockMetadata } {
  if (typeof known !== 'object' || known === null) return { blocked: !!known, meta: NO_META };
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
