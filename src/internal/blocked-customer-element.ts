import { css, html, isServer, nothing, type CSSResult, type PropertyValues } from 'lit';
import { CustomerElement } from './customer-element.js';
import type { CustomerBlockState } from '../state/block-store.js';
import type { ChatStrings } from '../strings/en.js';
import { renderWhenLoaded, type LazyModule } from './lazy.js';
import { loadFailedLine } from './load-failed.js';
import { addStyles } from './add-styles.js';
import { displayName } from '../state/customer-id.js';
import { ChatConfirmDialog } from '../components/chat-confirm-dialog/chat-confirm-dialog.js';
import { keepFocus, stateNames, unblock } from './unblock-action.js';
import { resolveUnconfirmed } from './unconfirmed.js';
import { defaultTrue } from './converters.js';
import { ownDialog } from './own-dialog.js';

/** Whether a notice or banner shows for this state: blocked, or a change nobody has confirmed. */
function shows(state: CustomerBlockState | null): boolean {
  return !!state && (state.blocked || !!state.unconfirmed);
}

/** How a notice or banner looks and what it says while shown: a module of its own, loaded when first needed. */
export interface BlockedView {
  styles: CSSResult;
  /** `onResolve` checks or retries an unconfirmed change (see unconfirmed.ts). */
  render(el: BlockedCustomerElement, state: CustomerBlockState, text: ChatStrings, onUnblock: () => void, onResolve: () => void): unknown;
}

// Hidden while the customer is active; before the element is defined (server-rendered
// HTML), the attribute says what shows. The rest of the looks come with the view.
const hostStyles = css`
  :host {
    display: none;
  }
  :host(:state(blocked)),
  :host(:state(unconfirmed)),
  :host(:not(:defined)[blocked]) {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
`;

/**
 * What `<chat-block-notice>` and `<chat-block-banner>` share: they show only while their
 * customer is blocked or a change of it is unconfirmed (nothing rendered and no internals
 * otherwise), expose `:state(blocked)`, `:state(unblocking)`, `:state(error)` and
 * `:state(unconfirmed)` (instead of `blocked`: nobody knows), and offer Unblock through
 * the normal flow, in the page's dialog or their own, rendered on first use. What they
 * show (and its styles) is a module loaded with `import()` the first time a customer shows
 * blocked: a page of active customers never loads it.
 */
export abstract class BlockedCustomerElement extends CustomerElement {
  static readonly dependencies = { 'chat-confirm-dialog': ChatConfirmDialog };
  static override styles = hostStyles;
  static override properties = {
    customerName: { attribute: 'customer-name' },
    confirmUnblock: { attribute: 'confirm-unblock', converter: defaultTrue },
    _dialogRendered: { state: true },
  };

  /** The customer's name ("Unblock Priya Sharma?"); rendered as text. Blank: the id. */
  declare customerName: string;
  /** `confirm-unblock="false"` unblocks without asking. */
  declare confirmUnblock: boolean;
  declare private _dialogRendered: boolean;

  // Attached on first show: the elements of active customers never need it.
  #internals: ElementInternals | null = null;
  #shown: string[] = [];

  constructor() {
    super();
    this.customerName = '';
    this.confirmUnblock = true;
    this._dialogRendered = false;
  }

  /** The module with what shows while the customer is blocked. */
  protected abstract readonly view: LazyModule<BlockedView>;

  protected override render() {
    const state = this.customerState;
    const shown = shows(state);
    this.#exposeStates(shown ? stateNames(state!) : []);
    return html`${shown ? this.#renderView(state!) : nothing}${this._dialogRendered ? ownDialog : nothing}`;
  }

  #renderView(state: CustomerBlockState) {
    const view = this.view.now;
    if (!view) {
      if (this.view.failed) return loadFailedLine(this.text);
      // On the server nothing loads: the client renders it after hydrating (the same empty start).
      if (!isServer) this.#loadView();
      return nothing;
    }
    addStyles(this.renderRoot as ShadowRoot, view.styles);
    return view.render(this, state, this.text, this.onUnblock, this.onResolve);
  }

  #loadView(): Promise<void> {
    return renderWhenLoaded(this.view, this);
  }

  /** A blocked element's updateComplete includes loading its view and rendering it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (!this.view.now && shows(this.customerState)) await this.#loadView();
    return super.getUpdateComplete();
  }

  /** `:state(blocked)`, `:state(unblocking)`, `:state(error)`; none while active (and no internals). */
  #exposeStates(names: string[]): void {
    if (names.join() === this.#shown.join()) return;
    const states = (this.#internals ??= this.attachInternals()).states;
    for (const name of this.#shown) if (!names.includes(name)) states.delete(name);
    for (const name of names) states.add(name);
    this.#shown = names;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Unblocked elsewhere while our dialog asks: it would be a modal inside a hidden element.
    const dialog = this._dialogRendered ? this.renderRoot.querySelector('chat-confirm-dialog') : null;
    if (dialog?.open && !dialog.busy && !this.customerState?.blocked) dialog.cancel();
  }

  /** The Check or Retry button's click, for an unconfirmed change (bound to the element by Lit). */
  protected onResolve(): void {
    const state = this.customerState;
    if (!state?.unconfirmed) return;
    void resolveUnconfirmed(this, this.store, state).then(() => keepFocus(this));
  }

  /** The Unblock button's click (bound to the element by Lit). */
  protected onUnblock(): void {
    const id = this.customerId;
    const state = this.customerState;
    if (id === null || !state?.blocked || state.pending) return;
    void unblock({
      el: this,
      store: this.store,
      customer: { id, name: displayName(this.customerName, id) },
      text: this.text,
      confirm: this.confirmUnblock,
      ownDialog: async () => {
        this._dialogRendered = true;
        await this.updateComplete;
        return this.renderRoot.querySelector('chat-confirm-dialog')!;
      },
    });
  }
}
