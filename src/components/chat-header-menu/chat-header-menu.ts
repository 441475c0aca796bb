import { html, nothing, render, type PropertyValues } from 'lit';
import type { Placement } from '@floating-ui/dom';
import { CustomerElement } from '../../internal/customer-element.js';
import { anchorPopup, PLACEMENTS } from '../../internal/anchor-popup.js';
import { Typeahead } from '../../internal/typeahead.js';
import { warnOnce } from '../../internal/warn-once.js';
import { isTab } from '../../internal/keys.js';
import { requestBlockChange } from '../../state/request-block-change.js';
import { pageDialog, runBlockFlow } from '../../internal/block-flow.js';
import { durationsQuestion, reasonsQuestion, type DurationsInput, type ReasonsInput } from '../../internal/block-questions.js';
import { ChatMenuSelectEvent, type BlockAction, type CustomerRef } from '../../events.js';
import { format } from '../../strings/registry.js';
import { displayName, isolate } from '../../state/customer-id.js';
import { ChatMenuItem } from '../chat-menu-item/chat-menu-item.js';
import { ChatConfirmDialog } from '../chat-confirm-dialog/chat-confirm-dialog.js';
import { styles } from './chat-header-menu.styles.js';
import { UndoToast } from './undo-toast.js';

/** Boolean attributes that default to true: only the value "false" turns them off. */
interface OpenedMenu {
  /** Where the popup and the dialog are rendered, next to the trigger. */
  container: HTMLElement;
  focusOnOpen: 'first' | 'last' | null;
  dialogRendered: boolean;
  stopPositioning: (() => void) | null;
  typeahead: Typeahead;
  /** The last pointerdown that passed through this menu (its trigger or popup). */
  insidePointer: Event | null;
  outsidePointer: (event: PointerEvent) => void;
  /** Created on the first accepted change with `undo-ms`. */
  undo: UndoToast | null;
}

// A closed menu is this one element and one binding: its accessible name, which must be in
// server-rendered HTML too. The rest of the trigger's ARIA state is written in updated(),
// the popup is rendered there on first open, and the dots are painted by CSS
// (a masked ::before in the button's text color, ButtonText in forced colors, so
// ::part(trigger) { background } keeps them).
const trigger = (label: string) => html`<button part="trigger" type="button" aria-haspopup="menu" aria-label=${label}></button>`;

// The menu's own dialog, with its parts exported under `dialog-…` names for `::part()`.
const OWN_DIALOG = html`<chat-confirm-dialog exportparts="dialog:dialog, heading:dialog-heading, message:dialog-message, error:dialog-error, actions:dialog-actions, cancel:dialog-cancel, confirm:dialog-confirm"></chat-confirm-dialog>`;

const defaultTrue = { fromAttribute: (value: string | null) => value !== 'false', toAttribute: String };
// `undo-ms` alone turns undo on with its default window.
const undoWindow = { fromAttribute: (value: string | null) => (value === null ? 0 : value === '' ? 5000 : Number(value)) };


/**
 * @tag chat-header-menu
 * @summary The three-dots menu of a chat header, with a built-in Block / Unblock item.
 *
 * The item's label follows the customer's state in the shared store. Choosing it
 * asks for confirmation in a `<chat-confirm-dialog>` (the page's own, if there is
 * one, else one rendered on first use), then fires `chat-block-request` or
 * `chat-unblock-request` for the host's backend to answer. Put the host's own
 * actions in as `<chat-menu-item>` children. The popup lives in the top layer, so
 * `overflow: hidden` panes never clip it, and is not rendered until first opened.
 * Keyboard: the WAI-ARIA menu-button pattern.
 *
 * @slot - The host's own `<chat-menu-item>`s, shown above Block / Unblock.
 *
 * @event {ChatBlockRequestEvent} chat-block-request - The agent confirmed Block; cancel with `preventDefault()`, defer with `detail.waitUntil()`.
 * @event {ChatBlockRequestEvent} chat-unblock-request - The agent confirmed Unblock; same contract as `chat-block-request`.
 * @event {ChatBlockChangeEvent} chat-block-change - The backend accepted: `detail.blocked` is the new state.
 * @event {ChatBlockErrorEvent} chat-block-error - The backend refused or timed out; the state was rolled back.
 * @event {ChatMenuSelectEvent} chat-menu-select - One of the host's items was chosen: `detail.value`.
 *
 * @csspart trigger - The three-dots button.
 * @csspart menu - The popup (`role="menu"`).
 * @csspart separator - The line between the host's items and Block / Unblock.
 * @csspart block-item - The built-in Block / Unblock item.
 * @csspart dialog - The menu's own confirmation `<dialog>` (exported from its `<chat-confirm-dialog>`).
 * @csspart dialog-heading - Its heading.
 * @csspart dialog-message - Its message.
 * @csspart dialog-error - Why the last request failed.
 * @csspart dialog-actions - Its row of buttons.
 * @csspart dialog-cancel - Its Cancel button.
 * @csspart dialog-confirm - Its confirm button.
 * @csspart undo - The undo toast (`role="status"`, in the top layer), with `undo-ms`.
 * @csspart undo-text - Its text ("Priya Sharma blocked").
 * @csspart undo-button - Its Undo button.
 * @csspart undo-dismiss - Its dismiss button.
 *
 * @cssprop --chat-font-family - Font family of every element.
 * @cssprop --chat-color-scheme - Unset by default: the page's own `color-scheme` (inherited). Set `light`, `dark`, or `light dark` (follow the OS) to override.
 * @cssprop --chat-text - Text color of the popup and the dialog.
 * @cssprop --chat-surface - Background of the popup and the dialog.
 * @cssprop --chat-border - Borders and separators.
 * @cssprop --chat-hover - Background under the pointer and focus.
 * @cssprop --chat-radius - Corner radius of the popup and the dialog (items and buttons follow it).
 * @cssprop --chat-shadow - Shadow of the popup and the dialog.
 * @cssprop --chat-focus-ring - Focus outline color.
 * @cssprop --chat-danger - Color of the Block item.
 * @cssprop --chat-trigger-size - Width and height of the round trigger.
 * @cssprop --chat-menu-min-width - Minimum width of the popup.
 */
export class ChatHeaderMenu extends CustomerElement {
  static override readonly tagName = 'chat-header-menu';
  static readonly dependencies = { 'chat-menu-item': ChatMenuItem, 'chat-confirm-dialog': ChatConfirmDialog };
  static override styles = styles;
  static override properties = {
    customerName: { attribute: 'customer-name' },
    label: {},
    placement: {},
    open: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    canBlock: { attribute: 'can-block', converter: defaultTrue },
    confirmUnblock: { attribute: 'confirm-unblock', converter: defaultTrue },
    reasons: {},
    reasonRequired: { attribute: 'reason-required', type: Boolean },
    durations: {},
    undoMs: { attribute: 'undo-ms', converter: undoWindow },
    _hasHostItems: { state: true },
  };

  /** The name shown in the confirmation ("Block Priya Sharma?"); rendered as text. */
  declare customerName: string;
  /**
   * Asks for a reason when blocking: preset tokens `reasons="spam abusive other"` (in the
   * page's language; "other" asks for the agent's words), or a list of `{ value, label, freeText? }`.
   * The answer travels in `detail.reason`.
   */
  declare reasons: ReasonsInput;
  /** With `reasons`: Block cannot be confirmed without one. */
  declare reasonRequired: boolean;
  /**
   * Offers timed blocks: `durations="24h 7d"` (s, m, h, d, w) or a list of `{ label, ms }`;
   * "Until unblocked" comes first. The end travels in `detail.until` (ISO 8601).
   */
  declare durations: DurationsInput;
  /**
   * After an accepted block or unblock, offers Undo for this many milliseconds
   * (`undo-ms` alone: 5000; absent: off). Undo sends the opposite request, unconfirmed.
   */
  declare undoMs: number;
  /** The trigger's and the popup's accessible name; defaults to "More actions for {name}" (the name, else the id). */
  declare label: string;
  /** Where the popup opens, as a floating-ui placement; flips when there is no room. */
  declare placement: Placement;
  /** Whether the popup is open (reflected). */
  declare open: boolean;
  /** Disables the trigger. */
  declare disabled: boolean;
  /** `can-block="false"` shows Block disabled with a reason (e.g. only admins may block). */
  declare canBlock: boolean;
  /** `confirm-unblock="false"` unblocks without asking. */
  declare confirmUnblock: boolean;
  declare private _hasHostItems: boolean;

  // Everything an opened menu needs, created on first open: a closed menu in a long list carries none of it.
  #opened: OpenedMenu | null = null;

  constructor() {
    super();
    this.customerName = '';
    this.label = '';
    this.placement = 'bottom-end';
    this.open = false;
    this.disabled = false;
    this.canBlock = true;
    this.confirmUnblock = true;
    this._hasHostItems = false;
    // The element is its own listener (see handleEvent): no closure or event part per menu.
    this.addEventListener('click', this);
    this.addEventListener('keydown', this);
    this.addEventListener('pointerdown', this);
  }

  /** @internal Routes clicks and keys from the trigger and the popup; the dialog's are not ours. */
  handleEvent(event: Event): void {
    // Marked here, on the way through the menu, because a document listener cannot see
    // inside a host's closed shadow root (composedPath() stops at it).
    if (event.type === 'pointerdown') return void (this.#opened && (this.#opened.insidePointer = event));
    const path = event.composedPath();
    const isClick = event.type === 'click';
    if (path.includes(this.#trigger)) {
      if (isClick) this.#onTriggerClick();
      else this.#onTriggerKeydown(event as KeyboardEvent);
    } else if (this.#popup && path.includes(this.#popup)) {
      if (isClick) this.#onMenuClick(event as MouseEvent);
      else this.#onMenuKeydown(event as KeyboardEvent);
    }
  }

  get #session(): OpenedMenu {
    return (this.#opened ??= {
      container: Object.assign(document.createElement('div'), { style: 'display: contents' }),
      focusOnOpen: null,
      dialogRendered: false,
      stopPositioning: null,
      typeahead: new Typeahead(),
      insidePointer: null,
      undo: null,
      outsidePointer: (event) => {
        // Decided after the whole dispatch, once the menu has had its chance to mark the event.
        setTimeout(() => {
          if (this.#opened?.insidePointer !== event) this.open = false;
        });
      },
    });
  }

  /** Opens the popup and focuses its first item. */
  show(): void {
    this.#session.focusOnOpen = 'first';
    this.open = true;
  }

  /** Closes the popup; focus goes back to the trigger if it was inside. */
  hide(): void {
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening();
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.disabled) this.open = false;
    if (this.open) void this.#session;
    if (changed.has('placement') && !PLACEMENTS.includes(this.placement)) {
      console.error(`chat-header-menu: unknown placement "${this.placement}"; using "bottom-end".`);
      this.placement = 'bottom-end';
    }
  }

  protected override render() {
    return trigger(this.#label);
  }

  /** Who this menu is about, for its words: the name, else the id (isolated: names may be right-to-left). */
  get #name(): string {
    const id = this.customerId;
    return isolate(id === null ? this.text.thisCustomer : displayName(this.customerName, id));
  }

  get #label(): string {
    return this.label || format(this.text.triggerLabel, { name: this.#name });
  }

  #renderPopup(session: OpenedMenu) {
    const item = this.#blockItem();
    return html`<div id="menu" part="menu" role="menu" popover="manual" aria-label=${this.#label}><slot @slotchange=${this.#onSlotChange}></slot>${
      this._hasHostItems ? html`<div role="separator" part="separator"></div>` : nothing
    }<chat-menu-item part="block-item" tone="danger" value=${item.action} ?disabled=${!!item.reason}>${item.label}${
      item.reason ? html`<span slot="description">${item.reason}</span>` : nothing
    }</chat-menu-item></div>${session.dialogRendered ? OWN_DIALOG : nothing}${session.undo ? session.undo.template(this.text) : nothing}`;
  }

  /** What the built-in item offers now, and why it can't be chosen, if so. */
  #blockItem(): { action: BlockAction; label: string; reason: string } {
    const t = this.text;
    const state = this.customerState;
    const action: BlockAction = state?.blocked ? 'unblock' : 'block';
    const label = action === 'block' ? t.block : t.unblock;
    let reason = '';
    if (this.customerId === null) reason = t.missingCustomer;
    else if (state?.pending) reason = state.pending === 'block' ? t.blockPending : t.unblockPending;
    else if (!this.canBlock) reason = t.blockNotAllowed;
    return { action, label, reason };
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    const trigger = this.#trigger;
    trigger.ariaExpanded = String(this.open);
    trigger.disabled = this.disabled;
    const opened = this.#opened;
    if (opened) {
      if (!opened.container.isConnected) this.renderRoot.append(opened.container);
      render(this.#renderPopup(opened), opened.container, { host: this });
      opened.undo?.sync(this.renderRoot.querySelector('[part~="undo"]'), this.text);
    }
    if (!changed.has('open') || changed.get('open') === undefined && !this.open) return;
    const popup = this.#popup;
    if (!popup) return;
    if (this.open) {
      if (!popup.matches(':popover-open')) popup.showPopover();
      if (this.customerId === null) {
        warnOnce(
          this,
          'error',
          `chat-header-menu${this.customerName ? ` for "${this.customerName}"` : ''}: its "customer" attribute is ${JSON.stringify(this.customer ?? null)}, ` +
            'not a customer id (a non-blank string or a number), so Block is disabled.',
        );
      }
      const session = this.#session;
      session.stopPositioning?.();
      session.stopPositioning = anchorPopup(this.#trigger, popup, this.placement);
      document.addEventListener('pointerdown', session.outsidePointer, true);
      // Slotted items may still be upgrading; focus after they have rendered.
      await Promise.all(this.#hostItems().map((item) => item.updateComplete));
      if (this.open) this.#focusItem(session.focusOnOpen === 'last' ? -1 : 0);
      session.focusOnOpen = null;
    } else {
      // :focus-within misses focus inside the top-layer popup, so ask the roots.
      const hadFocus = !!this.shadowRoot!.activeElement || this.contains(document.activeElement);
      this.#stopListening();
      if (popup.matches(':popover-open')) popup.hidePopover();
      if (hadFocus) this.#trigger.focus();
    }
  }

  get #trigger(): HTMLButtonElement {
    return this.renderRoot.querySelector('[part~="trigger"]')!;
  }

  get #popup(): HTMLElement | null {
    return this.renderRoot.querySelector('[part~="menu"]');
  }

  #hostItems(): ChatMenuItem[] {
    const slot = this.renderRoot.querySelector('slot');
    return (slot?.assignedElements() ?? []).filter(
      (el): el is ChatMenuItem => el.getAttribute('role') === 'menuitem' && !(el as HTMLElement).hidden,
    );
  }

  /** Every item in order: the host's, then Block / Unblock. */
  #items(): HTMLElement[] {
    const builtIn = this.renderRoot.querySelector<HTMLElement>('[part~="block-item"]');
    return [...this.#hostItems(), ...(builtIn ? [builtIn] : [])];
  }

  #focusItem(index: number): void {
    const items = this.#items();
    if (items.length) items[(index + items.length) % items.length].focus();
  }

  #stopListening(): void {
    const session = this.#opened;
    if (!session) return;
    session.stopPositioning?.();
    session.stopPositioning = null;
    document.removeEventListener('pointerdown', session.outsidePointer, true);
  }

  #onSlotChange(): void {
    this._hasHostItems = this.#hostItems().length > 0;
  }

  #onTriggerClick(): void {
    // Enter and Space arrive here too, as the button's own click.
    if (this.open) return this.hide();
    this.show();
  }

  #onTriggerKeydown(event: KeyboardEvent): void {
    const where = event.key === 'ArrowDown' ? 'first' : event.key === 'ArrowUp' ? 'last' : null;
    if (!where || this.disabled) return;
    event.preventDefault();
    this.#session.focusOnOpen = where;
    if (this.open) this.#focusItem(where === 'last' ? -1 : 0);
    else this.open = true;
  }

  #onMenuKeydown(event: KeyboardEvent): void {
    const items = this.#items();
    const current = items.indexOf(event.composedPath().find((n) => items.includes(n as HTMLElement)) as HTMLElement);
    switch (isTab(event) ? 'Tab' : event.key) {
      case 'ArrowDown':
        this.#focusItem(current + 1);
        break;
      case 'ArrowUp':
        this.#focusItem(current - 1);
        break;
      case 'Home':
        this.#focusItem(0);
        break;
      case 'End':
        this.#focusItem(-1);
        break;
      case 'Escape':
        this.hide();
        break;
      case 'Tab':
        // Let focus move on; the menu just closes behind it.
        this.open = false;
        return;
      case 'Enter':
      case ' ':
        if (current >= 0) this.#choose(items[current]);
        break;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const labels = items.map((item) => (item as ChatMenuItem).label ?? item.textContent ?? '');
        const index = this.#session.typeahead.match(event.key, labels, current);
        if (index >= 0) items[index].focus();
      }
    }
    event.preventDefault();
    event.stopPropagation();
  }

  #onMenuClick(event: MouseEvent): void {
    const items = this.#items();
    const item = event.composedPath().find((n) => items.includes(n as HTMLElement));
    if (item) this.#choose(item as HTMLElement);
  }

  #choose(item: HTMLElement): void {
    // The property, not aria-disabled: that one catches up only in the item's own update.
    if ((item as ChatMenuItem).disabled) return;
    this.#trigger.focus();
    this.open = false;
    if (item.matches('[part~="block-item"]')) {
      // A host's typo (e.g. durations="tomorrow") is a clear console error, not a silent no-op.
      this.#runBlockFlow(this.#blockItem().action).catch((error) => console.error(error));
    } else {
      const menuItem = item as ChatMenuItem;
      this.dispatchEvent(new ChatMenuSelectEvent(menuItem.value || menuItem.label, item));
    }
  }

  /** Confirm (unless unblocking without confirmation), run the request, then offer Undo. */
  async #runBlockFlow(action: BlockAction): Promise<void> {
    const id = this.customerId;
    if (id === null) return;
    const customer: CustomerRef = { id, name: displayName(this.customerName, id) };
    const t = this.text;
    const skipDialog = action === 'unblock' && !this.confirmUnblock;
    const outcome = await runBlockFlow({
      target: this,
      store: this.store,
      customer,
      action,
      text: t,
      dialog: skipDialog ? null : await this.#dialog(),
      extras: {
        reasons: reasonsQuestion(this.reasons, !!this.reasonRequired, t),
        durations: durationsQuestion(this.durations, t),
      },
    });
    if (outcome === 'applied' && this.undoMs > 0) this.#offerUndo(customer, action);
  }

  #offerUndo(customer: CustomerRef, done: BlockAction): void {
    const session = this.#session;
    session.undo ??= new UndoToast(
      () => this.requestUpdate(),
      // Through the normal lifecycle: events, waitUntil, errors; no confirmation (that was the point).
      (offer) => {
        // Focus was on Undo, which goes away: back to the trigger, not <body>.
        if (this.shadowRoot?.activeElement?.closest('[part~="undo"]')) this.#trigger.focus();
        void requestBlockChange(this, this.store, offer.customer, offer.done === 'block' ? 'unblock' : 'block').catch(() => {});
      },
    );
    session.undo.show({ customer, done }, this.undoMs);
  }

  /** The page's own `<chat-confirm-dialog>` if it has one, else ours, rendered on first use. */
  async #dialog(): Promise<ChatConfirmDialog> {
    const shared = pageDialog(this);
    if (shared) return shared;
    const session = this.#session;
    if (!session.dialogRendered) {
      // Rendered next to the popup, which exists by now: the dialog follows a choice in it.
      session.dialogRendered = true;
      this.requestUpdate();
      await this.updateComplete;
    }
    return this.renderRoot.querySelector('chat-confirm-dialog')!;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-header-menu': ChatHeaderMenu;
  }
}
