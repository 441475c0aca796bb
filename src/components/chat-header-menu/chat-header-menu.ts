import { html, isServer, nothing, render, type PropertyValues } from 'lit';
import type { Placement } from '@floating-ui/dom';
import { CustomerElement } from '../../internal/customer-element.js';
import type { ChatPropertyDeclaration } from '../../internal/base-element.js';
import { PLACEMENTS } from '../../internal/placements.js';
import { lazyModule, prefetchOnHint } from '../../internal/lazy.js';
import { isTab } from '../../internal/keys.js';
import type { DurationChoice, ReasonChoice } from '../chat-confirm-dialog/confirm-choices.js';
import type { BlockAction } from '../../events.js';
import { format } from '../../strings/registry.js';
import { displayName, isolate } from '../../state/customer-id.js';
import { ChatMenuItem } from '../chat-menu-item/chat-menu-item.js';
import { dialogView } from '../chat-confirm-dialog/dialog-view-module.js';
import { openedStyles, styles } from './chat-header-menu.styles.js';
import { addStyles } from '../../internal/add-styles.js';
import { defaultTrue } from '../../internal/converters.js';
import type { MenuPopup } from './menu-popup.js';

// What an opened menu does beyond showing its popup (floating-ui anchoring, the keyboard and
// type-ahead in the popup, the outside press, the block flow and its dialog, the undo toast)
// is its own module, loaded on the first open or on a hover or focus of any trigger before
// it. The popup itself is rendered here, so the first click paints without waiting for it.
const popupModule = lazyModule(() => import('./menu-popup.js'));

const OPENED = Symbol('opened');

/** An opened menu's state, created on the first open: a closed menu in a long list has none. */
interface Opened {
  /** Where the popup (and the dialog and toast) are rendered, next to the trigger. */
  container: HTMLElement;
  /** Whether the popup is shown now (what `open` was at the last render). */
  shown: boolean;
  hasHostItems: boolean;
  focusOnOpen: 'first' | 'last' | null;
  /** The loaded half; null while its module loads. */
  popup: MenuPopup | null;
  /** Choices and type-ahead that came while the popup's module loaded, run in order once it is here. */
  queued: (() => void)[];
}

/**
 * Where floating-ui will put the popup, computed at once for the first paint (floating-ui
 * arrives with the popup's module and then keeps it placed): the side and alignment of
 * `placement` (start and end mirrored in right-to-left), 4px away, on the other side when
 * that has more room, 8px inside the viewport.
 */
function placeAtOnce(trigger: Element, popup: HTMLElement, placement: Placement): void {
  const t = trigger.getBoundingClientRect();
  // Its layout size: its rect is scaled by the opening animation.
  const { offsetWidth: width, offsetHeight: height } = popup;
  const [side, align] = placement.split('-');
  const vertical = side === 'top' || side === 'bottom';
  // As floating-ui does: start and end of a top or bottom placement follow the direction.
  const rtl = vertical && align && getComputedStyle(popup).direction === 'rtl';
  const start = rtl ? 'end' : 'start';
  const along = (from: number, to: number, size: number) => (align === start ? from : align ? to - size : (from + to - size) / 2);
  // Room before and after the trigger on the placement's axis; flip when the side asked for is short of it.
  const before = (vertical ? t.top : t.left) - 12;
  const after = (vertical ? innerHeight - t.bottom : innerWidth - t.right) - 12;
  const size = vertical ? height : width;
  const first = side === 'top' || side === 'left';
  const useBefore = first ? before >= size || before > after : after < size && before > after;
  let x: number;
  let y: number;
  if (vertical) {
    x = along(t.left, t.right, width);
    y = useBefore ? t.top - height - 4 : t.bottom + 4;
  } else {
    y = along(t.top, t.bottom, height);
    x = useBefore ? t.left - width - 4 : t.right + 4;
  }
  x = Math.max(8, Math.min(x, innerWidth - width - 8));
  y = Math.max(8, Math.min(y, innerHeight - height - 8));
  popup.style.left = `${x}px`;
  popup.style.top = `${y}px`;
}

// A closed menu is this one element, with no template part: its accessible name is written
// in updated() (a part would keep a JS object and a copy of the name per menu). Server-rendered
// HTML carries the name in the template, and a menu that hydrates such HTML keeps that template.
// The rest of the trigger's ARIA state is written in updated() too, the popup is rendered there
// on first open, and the dots are painted by CSS (a ::before in the button's text color, ButtonText
// in forced colors, so ::part(trigger) { background } keeps them).
const trigger = html`<button part="trigger" type="button" aria-haspopup="menu" aria-expanded="false"></button>`;
const labelledTrigger = (label: string) => html`<button part="trigger" type="button" aria-haspopup="menu" aria-expanded="false" aria-label=${label}></button>`;

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
 * When the last block or unblock is unconfirmed (it may have reached the server but no
 * answer said what it did), the item offers it again, "Retry block" with "The server
 * didn't confirm it" under it: it sends the same request (same `Idempotency-Key`)
 * without asking again, and never claims a state nobody confirmed.
 *
 * @slot - The host's own `<chat-menu-item>`s, shown above Block / Unblock.
 *
 * @event {ChatBlockRequestEvent} chat-block-request - The agent confirmed Block; cancel with `preventDefault()`, defer with `detail.waitUntil()`.
 * @event {ChatBlockRequestEvent} chat-unblock-request - The agent confirmed Unblock; same contract as `chat-block-request`.
 * @event {ChatBlockChangeEvent} chat-block-change - The backend accepted: `detail.blocked` is the new state.
 * @event {ChatBlockErrorEvent} chat-block-error - The backend refused (rolled back) or the outcome is unconfirmed: `detail.outcome`.
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
  // Its <chat-confirm-dialog> is registered by the popup's module (menu-popup.ts): a closed
  // menu needs none, and a page of closed menus loads none of it.
  static readonly dependencies = { 'chat-menu-item': ChatMenuItem };
  static override styles = styles;
  static override properties: Record<string, ChatPropertyDeclaration> = {
    customerName: { attribute: 'customer-name', initial: '' },
    label: { initial: '' },
    placement: { initial: 'bottom-end' },
    open: { type: Boolean, reflect: true, initial: false },
    disabled: { type: Boolean, reflect: true, initial: false },
    canBlock: { attribute: 'can-block', converter: defaultTrue, initial: true },
    confirmUnblock: { attribute: 'confirm-unblock', converter: defaultTrue, initial: true },
    reasons: {},
    reasonRequired: { attribute: 'reason-required', type: Boolean },
    durations: {},
    undoMs: { attribute: 'undo-ms', converter: undoWindow },
  };

  /** The name shown in the confirmation ("Block Priya Sharma?"); rendered as text. */
  declare customerName: string;
  /**
   * Asks for a reason when blocking: preset tokens `reasons="spam abusive other"` (in the
   * page's language; "other" asks for the agent's words), or a list of `{ value, label, freeText? }`.
   * The answer travels in `detail.reason`.
   */
  declare reasons: string | readonly ReasonChoice[] | null | undefined;
  /** With `reasons`: Block cannot be confirmed without one. */
  declare reasonRequired: boolean;
  /**
   * Offers timed blocks: `durations="24h 7d"` (s, m, h, d, w) or a list of `{ label, ms }`;
   * "Until unblocked" comes first. The end travels in `detail.until` (ISO 8601).
   */
  declare durations: string | readonly DurationChoice[] | null | undefined;
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

  /**
   * @internal Everything an opened menu needs, created on first open: a closed menu in a long
   * list carries none of it, not even a property of its own (null on the prototype until then).
   */
  declare [OPENED]: Opened | null;
  static {
    this.prototype[OPENED] = null;
  }

  constructor() {
    super();
    // The element is its own listener (see handleEvent): no closure or event part per menu.
    // Presses are followed from the first open on (see #session): only an open menu needs them.
    this.addEventListener('click', this);
    this.addEventListener('keydown', this);
  }

  /** @internal Routes clicks and keys from the trigger and the popup; the dialog's are not ours. */
  handleEvent(event: Event): void {
    const opened = this[OPENED];
    // Marked here, on the way through the menu, because a document listener cannot see
    // inside a host's closed shadow root (composedPath() stops at it).
    if (event.type === 'pointerdown') return opened?.popup?.pointer(event);
    const path = event.composedPath();
    if (path.includes(this.#trigger)) {
      if (event.type === 'click') this.#onTriggerClick();
      else this.#onTriggerKeydown(event as KeyboardEvent);
      return;
    }
    const popup = this.#popupElement;
    if (!opened || !popup || !path.includes(popup)) return;
    if (event.type === 'click') this.#onMenuClick(path);
    else this.#onMenuKeydown(event as KeyboardEvent, path);
  }

  #onMenuKeydown(event: KeyboardEvent, path: EventTarget[]): void {
    const items = this.#items();
    const current = items.indexOf(path.find((n) => items.includes(n as HTMLElement)) as HTMLElement);
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
        if (current >= 0) this.#withPopup((popup) => popup.choose(items[current]));
        break;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const key = event.key;
        this.#withPopup((popup) => {
          const index = popup.typeahead(key, items, current);
          if (index >= 0) items[index].focus();
        });
      }
    }
    event.preventDefault();
    event.stopPropagation();
  }

  #onMenuClick(path: EventTarget[]): void {
    const items = this.#items();
    const item = path.find((n) => items.includes(n as HTMLElement));
    if (item) this.#withPopup((popup) => popup.choose(item as HTMLElement));
  }

  /** Runs `fn` now if the popup's module is here, else once it is (in the order asked). */
  #withPopup(fn: (popup: MenuPopup) => void): void {
    const opened = this.#session;
    if (opened.popup) fn(opened.popup);
    // After a failed load nothing runs it: not kept for a later load either (a click now is not a click then).
    else if (!popupModule.failed) opened.queued.push(() => fn(opened.popup!));
  }

  get #session(): Opened {
    if (this[OPENED]) return this[OPENED];
    this[OPENED] = {
      container: Object.assign(document.createElement('div'), { style: 'display: contents' }),
      shown: false,
      hasHostItems: false,
      focusOnOpen: null,
      popup: null,
      queued: [],
    };
    // From the first open on, the menu follows presses and its customer's state (its popup shows it).
    this.addEventListener('pointerdown', this);
    this.refollow();
    return this[OPENED];
  }

  protected override get followsCustomer(): boolean {
    return this[OPENED] !== null;
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

  override connectedCallback(): void {
    super.connectedCallback();
    // The first hover or focus of any menu's trigger starts loading the popup's module.
    if (!isServer) prefetchOnHint(popupModule, ChatHeaderMenu.#onHint);
  }

  /** A hover or focus on a menu, until the popup's module is here: that menu gets ready to open too. */
  static #onHint(path: EventTarget[]): boolean {
    const menu = path.find((n): n is ChatHeaderMenu => n instanceof ChatHeaderMenu);
    if (!menu) return false;
    menu.#prepare();
    return true;
  }

  /**
   * Renders the popup, still closed, while the pointer rests on the trigger (or focus is on
   * it): what a first open costs beyond showing it (the popup's template and items, its
   * sheets, the code's first run) is then spent before the press, not between the press and
   * the first paint (bench/README.md: the first open over a slow network).
   */
  #prepare(): void {
    if (this[OPENED] || this.disabled) return;
    void this.#session;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this[OPENED]?.popup?.closed();
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.disabled) this.open = false;
    // Attached once loaded even if the menu closed meanwhile, so nothing waits for a later open.
    // Opening tries again what failed to load before.
    if (this.open || this[OPENED]) this.#load(this.#session, this.open && changed.has('open'));
    if (changed.has('placement') && !PLACEMENTS.includes(this.placement)) {
      console.error(`chat-header-menu: unknown placement "${this.placement}"; using "bottom-end".`);
      this.placement = 'bottom-end';
    }
  }

  /**
   * Attaches the popup's module when it is here, else loads it and renders again when it is.
   * A failed load renders again too: Block then says why it can't be chosen (see #blockItem).
   */
  #load(opened: Opened, retry: boolean): void {
    if (retry && dialogView.failed) dialogView.load().then(() => this.requestUpdate(), () => {});
    if (opened.popup) return;
    const module = popupModule.now;
    if (!module) {
      if (popupModule.failed && !retry) return;
      popupModule.load().then(
        () => this.requestUpdate(),
        (error) => {
          console.error('chat-header-menu: the popup could not be loaded.', error);
          opened.queued = [];
          this.requestUpdate();
        },
      );
      return;
    }
    opened.popup = new module.MenuPopup(this, {
      text: () => this.text,
      customerId: () => this.customerId,
      trigger: () => this.#trigger,
      popup: () => this.#popupElement!,
      blockAction: () => this.#blockItem().action,
    });
    // Open already (shown before the module came): anchor it now.
    if (opened.shown) opened.popup.opened();
  }

  /** An open menu's updateComplete includes loading its popup's module, as its first open did before. */
  protected override getUpdateComplete(): Promise<boolean> {
    // Not async: every menu of a list goes through here, and a closed one waits for nothing more.
    if (!this.open || this[OPENED]?.popup || popupModule.now !== undefined || popupModule.failed) return super.getUpdateComplete();
    return popupModule
      .load()
      .catch(() => {})
      .then(() => {
        this.requestUpdate();
        return super.getUpdateComplete();
      });
  }

  protected override render() {
    return isServer || this.fromServerHtml ? labelledTrigger(this.#label) : trigger;
  }

  /** Who this menu is about, for its words: the name, else the id (isolated: names may be right-to-left). */
  get #name(): string {
    const id = this.customerId;
    return isolate(id === null ? this.text.thisCustomer : displayName(this.customerName, id));
  }

  get #label(): string {
    return this.label || format(this.text.triggerLabel, { name: this.#name });
  }

  #renderPopup(opened: Opened) {
    const item = this.#blockItem();
    const t = this.text;
    const note = item.reason || item.note;
    return html`<div id="menu" part="menu" role="menu" popover="manual" aria-label=${this.#label}><slot @slotchange=${this.#onSlotChange}></slot>${
      opened.hasHostItems ? html`<div role="separator" part="separator"></div>` : nothing
    }<chat-menu-item part="block-item" tone="danger" value=${item.action} ?disabled=${!!item.reason}>${item.label}${
      note ? html`<span slot="description">${note}</span>` : nothing
    }</chat-menu-item></div>${opened.popup ? opened.popup.extras(t) : nothing}`;
  }

  /**
   * What the built-in item offers now, why it can't be chosen (if so), and a note under it.
   * After an unconfirmed outcome it offers that change again ("Retry block"): the label never
   * claims a state nobody confirmed.
   */
  #blockItem(): { action: BlockAction; label: string; reason: string; note: string } {
    const t = this.text;
    const state = this.customerState;
    const unsure = state?.unconfirmed ?? null;
    const action: BlockAction = unsure ? unsure.action : state?.blocked ? 'unblock' : 'block';
    const label = unsure ? (action === 'block' ? t.retryBlock : t.retryUnblock) : action === 'block' ? t.block : t.unblock;
    let reason = '';
    if (this.customerId === null) reason = t.missingCustomer;
    else if (state?.pending) reason = state.pending === 'block' ? t.blockPending : t.unblockPending;
    // What Block needs next could not be loaded: the popup's module, or the dialog's view.
    else if (popupModule.failed || dialogView.failed) reason = t.loadFailed;
    else if (!this.canBlock) reason = t.blockNotAllowed;
    const note = unsure ? (state!.checking ? t.statusChecking : t.unconfirmedHint) : '';
    return { action, label, reason, note };
  }

  protected override updated(changed: PropertyValues<this>): void {
    const trigger = this.#trigger;
    if (!this.fromServerHtml) {
      const label = this.#label;
      if (trigger.getAttribute('aria-label') !== label) trigger.setAttribute('aria-label', label);
    }
    // The template says closed and enabled: a closed menu in a list touches nothing more here
    // (a first update has no old values; later ones do).
    if (this.open || this.disabled || changed.get('open') !== undefined || changed.get('disabled') !== undefined) {
      trigger.ariaExpanded = String(this.open);
      trigger.disabled = this.disabled;
    }
    const opened = this[OPENED];
    if (!opened) return;
    if (!opened.container.isConnected) {
      addStyles(this.renderRoot as ShadowRoot, openedStyles);
      this.renderRoot.append(opened.container);
    }
    render(this.#renderPopup(opened), opened.container, { host: this });
    const popup = opened.popup;
    popup?.rendered(this.text);
    if (popup && opened.queued.length) {
      const queued = opened.queued;
      opened.queued = [];
      // Just after this update, not inside it: a choice closes the menu, an update of its own.
      queueMicrotask(() => {
        for (const replay of queued) replay();
      });
    }
    if (this.open === opened.shown) return;
    opened.shown = this.open;
    const element = this.#popupElement!;
    if (this.open) {
      if (!element.matches(':popover-open')) element.showPopover();
      placeAtOnce(trigger, element, this.placement);
      popup?.opened();
      void this.#focusOnOpen(opened);
    } else {
      // :focus-within misses focus inside the top-layer popup, so ask the roots.
      const hadFocus = !!this.shadowRoot!.activeElement || this.contains(document.activeElement);
      popup?.closed();
      if (element.matches(':popover-open')) element.hidePopover();
      if (hadFocus) trigger.focus();
    }
  }

  /** Focuses the item the open asked for, once the host's items (they may still be upgrading) have rendered. */
  async #focusOnOpen(opened: Opened): Promise<void> {
    const focus = opened.focusOnOpen;
    await Promise.all(this.#hostItems().map((item) => item.updateComplete));
    if (this.open) this.#focusItem(focus === 'last' ? -1 : 0);
    opened.focusOnOpen = null;
  }

  get #trigger(): HTMLButtonElement {
    return this.renderRoot.querySelector('[part~="trigger"]')!;
  }

  get #popupElement(): HTMLElement | null {
    return this[OPENED] ? this.renderRoot.querySelector('[part~="menu"]') : null;
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

  #onSlotChange(): void {
    const opened = this.#session;
    const has = this.#hostItems().length > 0;
    if (has === opened.hasHostItems) return;
    opened.hasHostItems = has;
    this.requestUpdate();
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
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-header-menu': ChatHeaderMenu;
  }
}
