import { html, nothing } from 'lit';
import { addStyles } from '../../internal/add-styles.js';
import type { Placement } from '@floating-ui/dom';
import { anchorPopup } from '../../internal/anchor-popup.js';
import { Typeahead } from '../../internal/typeahead.js';
import { warnOnce } from '../../internal/warn-once.js';
import { requestBlockChange } from '../../state/request-block-change.js';
import { pageDialog, runBlockFlow } from '../../internal/block-flow.js';
import { durationsQuestion, reasonsQuestion, type DurationsInput, type ReasonsInput } from '../../internal/block-questions.js';
import { ChatMenuSelectEvent, type BlockAction, type CustomerRef } from '../../events.js';
import { displayName } from '../../state/customer-id.js';
import type { BlockStore } from '../../state/block-store.js';
import type { ChatStrings } from '../../strings/en.js';
import type { ChatMenuItem } from '../chat-menu-item/chat-menu-item.js';
import { ChatConfirmDialog } from '../chat-confirm-dialog/chat-confirm-dialog.js';
import { defineElement, registryOf } from '../../internal/define.js';
import { popupStyles } from './popup.styles.js';
import { UndoToast } from './undo-toast.js';
import { ownDialog } from '../../internal/own-dialog.js';
import { resolveUnconfirmed } from '../../internal/unconfirmed.js';
import { dialogView, preloadDialogView } from '../chat-confirm-dialog/dialog-view-module.js';

/**
 * What an opened `<chat-header-menu>` does beyond showing its popup, loaded with `import()`
 * on the first open (or on a hover or focus of a trigger before it): floating-ui anchoring,
 * type-ahead, the outside press, what a choice does (the block flow with its
 * dialog, and the undo toast. The menu renders, shows and focuses its popup and moves focus
 * between its items itself, so the first click paints at once and arrow keys never wait;
 * what needs this module meanwhile (a choice, type-ahead) waits for it, in order. A closed
 * menu in a long list loads and carries none of this.
 */

/** What this module reads from and does to its menu element. */
export interface MenuHost extends HTMLElement {
  open: boolean;
  placement: Placement;
  customer: string;
  customerName: string;
  confirmUnblock: boolean;
  reasons: ReasonsInput;
  reasonRequired: boolean;
  durations: DurationsInput;
  undoMs: number;
  store: BlockStore;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  show(): void;
}

/** The menu's protected and private parts, passed in. */
export interface MenuHostParts {
  text(): ChatStrings;
  customerId(): string | null;
  trigger(): HTMLButtonElement;
  popup(): HTMLElement;
  blockAction(): BlockAction;
}


export class MenuPopup {
  #dialogRendered = false;
  #stopPositioning: (() => void) | null = null;
  /** The anchoring that waits for the first painted frame (null when closed). */
  #anchoring: object | null = null;
  readonly #typeahead = new Typeahead();
  /** The last pointerdown that passed through this menu (its trigger or popup). */
  #insidePointer: Event | null = null;
  /** Created on the first accepted change with `undo-ms`. */
  #undo: UndoToast | null = null;

  constructor(
    private readonly host: MenuHost,
    private readonly parts: MenuHostParts,
  ) {
    addStyles(host.renderRoot as ShadowRoot, popupStyles);
    // The dialog a choice opens: the menu's own, or one the host put in the page.
    defineElement(ChatConfirmDialog, ChatConfirmDialog.tagName, registryOf(host));
  }

  #outsidePointer = (event: PointerEvent) => {
    // Decided after the whole dispatch, once the menu has had its chance to mark the event.
    setTimeout(() => {
      if (this.#insidePointer !== event) this.host.open = false;
    });
  };

  /** A pointerdown passed through the menu (trigger or popup): not an outside press. */
  pointer(event: Event): void {
    this.#insidePointer = event;
  }

  /** The popup opened (or was open when this module arrived): anchor it and watch for outside presses. */
  opened(): void {
    const host = this.host;
    if (this.parts.customerId() === null) {
      warnOnce(
        host,
        'error',
        `chat-header-menu${host.customerName ? ` for "${host.customerName}"` : ''}: its "customer" attribute is ${JSON.stringify(host.customer ?? null)}, ` +
          'not a customer id (a non-blank string or a number), so Block is disabled.',
      );
    }
    this.#stopPositioning?.();
    this.#stopPositioning = null;
    // The menu placed the popup for its first paint where floating-ui puts it; floating-ui
    // takes over after that frame, so its work (its first call compiles it) never delays it.
    const token = (this.#anchoring = {});
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.#anchoring !== token || !host.open) return;
        this.#stopPositioning = anchorPopup(this.parts.trigger(), this.parts.popup(), host.placement);
      }),
    );
    document.addEventListener('pointerdown', this.#outsidePointer, true);
  }

  /** Stops anchoring and the outside-press listener (closed, or the menu left the page). */
  closed(): void {
    this.#anchoring = null;
    this.#stopPositioning?.();
    this.#stopPositioning = null;
    document.removeEventListener('pointerdown', this.#outsidePointer, true);
  }

  /** The dialog and the undo toast, rendered after the popup. */
  extras(t: ChatStrings) {
    return html`${this.#dialogRendered ? ownDialog : nothing}${this.#undo ? this.#undo.template(t) : nothing}`;
  }

  /** After each render of the popup: the toast opens or closes to match its offer. */
  rendered(t: ChatStrings): void {
    this.#undo?.sync(this.host.renderRoot.querySelector('[part~="undo"]'), t);
  }

  /** Type-ahead: the index of the next item whose label starts with what was typed, or -1. */
  typeahead(key: string, items: HTMLElement[], current: number): number {
    const labels = items.map((item) => (item as ChatMenuItem).label ?? item.textContent ?? '');
    return this.#typeahead.match(key, labels, current);
  }

  /** An item was chosen (Enter, Space or a click): the block flow, or `chat-menu-select` for the host's own. */
  choose(item: HTMLElement): void {
    // The property, not aria-disabled: that one catches up only in the item's own update.
    if ((item as ChatMenuItem).disabled) return;
    this.parts.trigger().focus();
    this.host.open = false;
    if (item.matches('[part~="block-item"]')) {
      const id = this.parts.customerId();
      const state = id === null ? null : this.host.store.get(id);
      // "Retry block": the agent confirmed it already; the same request goes again, same key.
      if (state?.unconfirmed) return void resolveUnconfirmed(this.host, this.host.store, state, 'retry');
      // A host's typo (e.g. durations="tomorrow") is a clear console error, not a silent no-op.
      this.#runBlockFlow(this.parts.blockAction()).catch((error) => console.error(error));
    } else {
      const menuItem = item as ChatMenuItem;
      this.host.dispatchEvent(new ChatMenuSelectEvent(menuItem.value || menuItem.label, item));
    }
  }

  /** Confirm (unless unblocking without confirmation), run the request, then offer Undo. */
  async #runBlockFlow(action: BlockAction): Promise<void> {
    const host = this.host;
    const id = this.parts.customerId();
    if (id === null) return;
    const customer: CustomerRef = { id, name: displayName(host.customerName, id) };
    const t = this.parts.text();
    const skipDialog = action === 'unblock' && !host.confirmUnblock;
    const outcome = await runBlockFlow({
      target: host,
      store: host.store,
      customer,
      action,
      text: t,
      dialog: skipDialog ? null : await this.#dialog(),
      extras: {
        reasons: reasonsQuestion(host.reasons, !!host.reasonRequired, t),
        durations: durationsQuestion(host.durations, t),
      },
    });
    if (outcome === 'applied' && host.undoMs > 0) this.#offerUndo(customer, action);
    // The dialog could not be shown (its view failed to load; nothing was sent): the menu
    // opens again where the agent was, with Block saying why (see the menu's #blockItem).
    else if (outcome === false && dialogView.failed && !skipDialog) host.show();
  }

  #offerUndo(customer: CustomerRef, done: BlockAction): void {
    const host = this.host;
    this.#undo ??= new UndoToast(
      () => host.requestUpdate(),
      // Through the normal lifecycle: events, waitUntil, errors; no confirmation (that was the point).
      (offer) => {
        // Focus was on Undo, which goes away: back to the trigger, not <body>.
        if (host.shadowRoot?.activeElement?.closest('[part~="undo"]')) this.parts.trigger().focus();
        void requestBlockChange(host, host.store, offer.customer, offer.done === 'block' ? 'unblock' : 'block').catch(() => {});
      },
    );
    this.#undo.show({ customer, done }, host.undoMs);
  }

  /** The page's own `<chat-confirm-dialog>` if it has one, else ours, rendered on first use. */
  async #dialog(): Promise<ChatConfirmDialog> {
    const shared = pageDialog(this.host);
    if (shared) return shared;
    if (!this.#dialogRendered) {
      // Rendered next to the popup, which exists by now: the dialog follows a choice in it.
      this.#dialogRendered = true;
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    return this.host.renderRoot.querySelector('chat-confirm-dialog')!;
  }
}

// The own dialog this module may render next: have its view here by then.
preloadDialogView();
