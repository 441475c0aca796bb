import { isServer, type PropertyValues } from 'lit';
import { ChatElement, type ChatPropertyDeclaration } from './base-element.js';
import { LIFECYCLE, type BlockStore, type BlockStateView, type CustomerBlockState } from '../state/block-store.js';
import { blockStore } from '../state/page-store.js';
import { toCustomerId } from '../state/customer-id.js';

// The binding, on the prototype until the element binds (see #bind): a closed menu never
// binds, and in a list of a thousand menus each then carries two properties less of its own,
// which keeps them in the object (bench/README.md: 1,000 rows' heap).
const BOUND_ID = Symbol('boundId');
const BOUND_STORE = Symbol('boundStore');

/**
 * An element bound to one customer's entry in the store. It seeds the entry from
 * its `blocked` attribute when the store knows nothing yet, and re-renders on every
 * change of that one customer. The element is its own store listener: no
 * controller or closure per instance, because a list may hold thousands.
 */
export class CustomerElement extends ChatElement implements BlockStateView {
  static override properties: Record<string, ChatPropertyDeclaration> = {
    customer: { reflect: true, initial: '' },
    blocked: { type: Boolean, initial: false },
    store: { attribute: false, initial: blockStore },
  };

  /**
   * The customer's id (for the reference API, the phone number). Trimmed; a number
   * is taken as its text. A blank id binds to no customer.
   */
  declare customer: string;
  /**
   * Marks the customer as blocked when the store knows nothing of them yet (the
   * reference API has no "is blocked" query, so the host seeds what it knows).
   * Changing it later for the same customer tells the store the host's data changed.
   */
  declare blocked: boolean;
  /** The store to follow; defaults to the shared `blockStore`. */
  declare store: BlockStore;

  /** @internal */
  declare [BOUND_ID]: string;
  /** @internal */
  declare [BOUND_STORE]: BlockStore | null;
  static {
    Object.assign(this.prototype, { [BOUND_ID]: '', [BOUND_STORE]: null });
  }

  /** The customer id as the store and the backend know it; null when `customer` is blank or not an id. */
  protected get customerId(): string | null {
    return toCustomerId(this.customer);
  }

  /** The bound customer's state, read fresh from the store; null without a customer. */
  protected get customerState(): CustomerBlockState | null {
    const id = this.customerId;
    if (id === null) return null;
    const state = this.store.get(id);
    // Nothing connects on the server, so nothing seeds a store there (nor should a shared one): the attribute is the claim.
    return isServer && this.blocked && !state.known ? { ...state, known: true, blocked: true } : state;
  }

  /** @internal Called by the store when this customer's state changed. */
  blockStateChanged(_state: CustomerBlockState): void {
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unbind();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer') || changed.has('store')) this.#bind();
    // A later `blocked` for the same customer is the host saying its data changed.
    else if (changed.has('blocked') && changed.get('blocked') !== undefined && this.customerId !== null) {
      this.store.set(this.customerId, this.blocked);
    }
  }

  /**
   * Whether the element re-renders on its customer's changes now. A closed menu does not:
   * its trigger never shows the state, and a list of a thousand menus then holds no listeners.
   */
  protected get followsCustomer(): boolean {
    return true;
  }

  /** Starts (or stops) following the customer after `followsCustomer` changed. */
  protected refollow(): void {
    this.#bind();
  }

  #bind(): void {
    const { customerId: customer, store } = this;
    if (!this.isConnected) return;
    // Only a `blocked` attribute claims anything; no attribute is no claim (and no store entry,
    // which matters for thousands of active rows). A seed never overrides what the store knows.
    if (customer && this.blocked) store.seed(customer, true);
    const watched = customer && this.followsCustomer ? customer : '';
    if (watched === this[BOUND_ID] && (!watched || store === this[BOUND_STORE])) return;
    this.#unbind();
    if (!watched) return;
    store[LIFECYCLE].watch(watched, this);
    this[BOUND_ID] = watched;
    this[BOUND_STORE] = store;
    // Back in the page after a move: the state may have changed while detached.
    this.requestUpdate();
  }

  #unbind(): void {
    this[BOUND_STORE]?.[LIFECYCLE].unwatch(this[BOUND_ID], this);
    this[BOUND_STORE] = null;
    this[BOUND_ID] = '';
  }
}
