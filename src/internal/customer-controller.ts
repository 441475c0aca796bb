import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BlockStore, CustomerBlockState } from '../state/block-store.js';

interface CustomerHost extends ReactiveControllerHost, HTMLElement {
  customer: string;
  blocked: boolean;
  store: BlockStore;
}

/**
 * Binds an element to its customer's entry in the store: seeds the state from
 * the element's `blocked` attribute when the store knows nothing yet, and
 * re-renders the element on every change of that one customer.
 */
export class CustomerController implements ReactiveController {
  #host: CustomerHost;
  #unsubscribe: (() => void) | null = null;
  #boundTo: { id: string; store: BlockStore } | null = null;
  #onChange: (state: CustomerBlockState) => void;

  constructor(host: CustomerHost, onChange?: (state: CustomerBlockState) => void) {
    this.#host = host;
    this.#onChange = onChange ?? (() => host.requestUpdate());
    host.addController(this);
  }

  /** The bound customer's state, read fresh from the store. */
  get state(): CustomerBlockState | null {
    const { customer, store } = this.#host;
    return customer ? store.get(customer) : null;
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#unbind();
  }

  /** Call from the host's `willUpdate` when `customer`, `blocked` or `store` changed. */
  sync(blockedChanged = false): void {
    const { customer, store, blocked } = this.#host;
    if (!this.#host.isConnected) return;
    if (this.#boundTo?.id !== customer || this.#boundTo?.store !== store) {
      this.#unbind();
      if (!customer) return;
      store.seed(customer, blocked);
      this.#boundTo = { id: customer, store };
      this.#unsubscribe = store.subscribe(customer, this.#onChange);
    } else if (blockedChanged && customer) {
      // The host re-rendered with a new known state for the same customer.
      store.set(customer, blocked);
    }
  }

  #unbind(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#boundTo = null;
  }
}
