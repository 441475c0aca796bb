import type { BlockAction, CustomerRef } from '../events.js';

/** What is known about one customer. Snapshots are immutable: a change makes a new one. */
export interface CustomerBlockState {
  readonly id: string;
  /** False until someone seeded or changed the state: the reference API has no "is blocked" query. */
  readonly known: boolean;
  /** The state the backend last accepted. */
  readonly blocked: boolean;
  /** The request running now, if any (one per customer at a time). */
  readonly pending: BlockAction | null;
  /** The last request's failure, until the next request or `set()`. */
  readonly error: { readonly action: BlockAction; readonly error: Error; readonly customer: CustomerRef } | null;
}

export type BlockStoreListener = (state: CustomerBlockState) => void;

/** @internal A listener object, so elements subscribe without a closure each. */
export interface BlockStateView {
  blockStateChanged(state: CustomerBlockState): void;
}

type Listener = BlockStoreListener | BlockStateView;

const ALL = '*';

/**
 * Shared block state: one entry per customer id, and listeners keyed by id so a
 * change wakes only the views of that customer (plus `'*'` listeners).
 */
export class BlockStore {
  #states = new Map<string, CustomerBlockState>();
  // Arrays, not Sets: a customer usually has two or three views, and a list may hold thousands.
  #listeners = new Map<string, Listener[]>();
  #channel: BroadcastChannel | null = null;

  /** The customer's current state (an empty, unknown one if never seen). */
  get(id: string): CustomerBlockState {
    return this.#states.get(id) ?? { id, known: false, blocked: false, pending: null, error: null };
  }

  /** Seeds or overrides the known state, e.g. from the host's own customer data. Clears a shown error. */
  set(id: string, blocked: boolean): void {
    assertId(id);
    this.#know(id, blocked);
    this.#broadcast(id, blocked);
  }

  /** Seeds the state only if nothing is known yet (what an element's `blocked` attribute does). */
  seed(id: string, blocked: boolean): void {
    assertId(id);
    if (!this.get(id).known) this.#update(id, { known: true, blocked });
  }

  /**
   * Calls `fn` with the customer's new state on every change. `'*'` hears every
   * customer. Returns the unsubscribe function.
   */
  subscribe(id: string, fn: BlockStoreListener): () => void {
    this.watch(id, fn);
    return () => this.unwatch(id, fn);
  }

  /** @internal `subscribe` without the unsubscribe closure. */
  watch(id: string, listener: Listener): void {
    const list = this.#listeners.get(id);
    if (!list) this.#listeners.set(id, [listener]);
    else if (!list.includes(listener)) list.push(listener);
  }

  /** @internal */
  unwatch(id: string, listener: Listener): void {
    const list = this.#listeners.get(id);
    const index = list ? list.indexOf(listener) : -1;
    if (index < 0) return;
    list!.splice(index, 1);
    if (list!.length === 0) this.#listeners.delete(id);
  }

  /** How many listeners are subscribed (for leak checks). */
  get listenerCount(): number {
    let n = 0;
    for (const list of this.#listeners.values()) n += list.length;
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
      if (data && typeof data.id === 'string' && typeof data.blocked === 'boolean') {
        this.#know(data.id, data.blocked);
      }
    };
    this.#channel = channel;
    return () => {
      channel.close();
      if (this.#channel === channel) this.#channel = null;
    };
  }

  /** @internal Marks a request as running. False when one already runs for this customer. */
  begin(id: string, action: BlockAction): boolean {
    assertId(id);
    if (this.get(id).pending) return false;
    this.#update(id, { pending: action, error: null });
    return true;
  }

  /** @internal The backend accepted: apply the new state. */
  settle(id: string, blocked: boolean): void {
    this.#know(id, blocked, { pending: null });
    this.#broadcast(id, blocked);
  }

  /** @internal The backend refused: keep the old state, remember why. */
  fail(id: string, customer: CustomerRef, action: BlockAction, error: Error): void {
    this.#update(id, { pending: null, error: { action, error, customer } });
  }

  /** @internal The request was cancelled before anything was sent. */
  abandon(id: string): void {
    this.#update(id, { pending: null });
  }

  /** A state someone vouches for (the host, the backend, another tab): it clears a shown error. */
  #know(id: string, blocked: boolean, patch: Partial<CustomerBlockState> = {}): void {
    this.#update(id, { ...patch, known: true, blocked, error: null });
  }

  #update(id: string, patch: Partial<CustomerBlockState>): void {
    const next = Object.freeze({ ...this.get(id), ...patch });
    this.#states.set(id, next);
    for (const key of [id, ALL]) {
      const list = this.#listeners.get(key);
      if (list) for (const fn of [...list]) typeof fn === 'function' ? fn(next) : fn.blockStateChanged(next);
    }
  }

  #broadcast(id: string, blocked: boolean): void {
    this.#channel?.postMessage({ id, blocked });
  }
}

function assertId(id: string): void {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new TypeError(`chat-block-elements: a customer id is required (got ${JSON.stringify(id)}).`);
  }
}

/** The store every element uses unless given its own `store`. */
export const blockStore = new BlockStore();
