import { isServer, nothing, type PropertyValues } from 'lit';
import { ChatElement } from '../../internal/base-element.js';
import { lazyModule, renderWhenLoaded } from '../../internal/lazy.js';
import { loadFailedLine } from '../../internal/load-failed.js';
import { defaultTrue } from '../../internal/converters.js';
import type { BlockStore } from '../../state/block-store.js';
import { blockStore } from '../../state/page-store.js';
import { toCustomerId } from '../../state/customer-id.js';
import { ChatConfirmDialog } from '../chat-confirm-dialog/chat-confirm-dialog.js';
import { styles } from './chat-blocked-list.styles.js';
import type { BlockedListView } from './blocked-list-view.js';

/** One blocked customer, as the host knows them. Only `id` is required. */
export interface BlockedListItem {
  /** The customer's id (for the reference API, the phone number). */
  id: string;
  name?: string | null;
  /** Who blocked them, as the host names its agents. */
  by?: string | null;
  /** When they were blocked (a Date or ISO 8601). */
  at?: string | Date | null;
  reason?: string | null;
  /** When a timed block ends (a Date or ISO 8601). */
  until?: string | Date | null;
}

/** One page of a server's blocked customers, as `source.list()` fulfils it. */
export interface BlockedListPage {
  /** The customers (newest first), each as a `BlockedListItem`, optionally with the server's `revision`. */
  items: readonly (BlockedListItem & { revision?: number | null })[];
  /** The cursor of the page after this one; null (or empty) on the last page. */
  next: string | null;
}

/**
 * Where `<chat-blocked-list source>` reads its rows, a page at a time: `relayBackend()`'s
 * (or a `fetchBackend({ listPath })`'s) `list`, or your own. The server does the search.
 */
export interface BlockedListSource {
  list(query: { query?: string; cursor?: string | null; limit?: number; signal?: AbortSignal }): Promise<BlockedListPage>;
}

/** What `unblockSelected()` resolves: how many of the customers it sent were unblocked, and how many failed. */
export interface BulkUnblockResult {
  total: number;
  unblocked: number;
  failed: number;
  /** Sent, but no answer said what the server did: the rows say "Unblock not confirmed". */
  unconfirmed: number;
}

// What the list shows and does (rows, search, the grid and its keyboard, the virtual window,
// the bulk unblock, the dialog, and their styles) is its own module, loaded on the first
// connect: a page of pills and closed menus does not load it.
const viewModule = lazyModule(() => import('./blocked-list-view.js'));

// Lists created over server-rendered HTML, until that HTML is hydrated: the server, which has
// no view, wrote an empty box, and hydration must find what was written.
const hydrating = new WeakSet<ChatBlockedList>();

/**
 * @tag chat-blocked-list
 * @summary The blocked customers, with search, per-row Unblock and bulk "Unblock selected".
 *
 * Shows the customers in `items` (the host's list); or, with `source` (a server's list,
 * such as `relayBackend()`'s), its blocked customers a page at a time: the first page on
 * connect, the next as the rows shown come near the end, the search done by the server
 * (after a pause in typing), and customers blocked elsewhere added on top as the store
 * hears of them; or, with neither, every customer the store knows as blocked, kept live.
 * While more pages remain, `aria-rowcount` is -1 (not known yet). A page that cannot be
 * read says why, with Retry (`::part(load-error)`, `role="alert"`). A row leaves the list only when the store says
 * the customer is unblocked: a failed unblock keeps its row, marked failed, with the
 * error and a Retry. An unblock whose outcome nobody confirmed (a timeout, a lost
 * connection) keeps its row too, marked "Unblock not confirmed", with Check (reads the
 * state back, when the backend has `status()`) or Retry (the same request, same key).
 * Items the store knows nothing of are seeded as blocked (as a `blocked` attribute
 * does), so pills and menus elsewhere agree.
 *
 * "Unblock selected" asks once ("Unblock 12 customers?") in a `<chat-confirm-dialog>`
 * (the page's own, if there is one, else one rendered on first use), then sends one
 * `chat-unblock-request` per customer through the normal request lifecycle, at most
 * `concurrency` at a time, with progress ("3 of 12 unblocked") in a polite live region.
 * While it runs the button is busy and a second press is refused.
 *
 * Keyboard: the WAI-ARIA grid pattern with multi-select. One cell is in the tab order
 * (roving tabindex); arrows move between cells, Home / End to the first / last cell of
 * the row, Ctrl+Home / Ctrl+End to the first / last row, PageUp / PageDown by a page;
 * Space toggles the row's selection, Ctrl+A selects every shown row, Delete unblocks the
 * row (as its Unblock button does). Rows are virtualised: only the visible window (plus
 * a few rows either side) is in the DOM, with `aria-rowcount` / `aria-rowindex` giving
 * the whole list's size and positions.
 *
 * @event {ChatBlockRequestEvent} chat-unblock-request - One per customer unblocked (a row, Retry, or each of a bulk unblock); same contract as on `<chat-header-menu>`.
 * @event {ChatBlockChangeEvent} chat-block-change - The backend accepted an unblock; the row leaves the list.
 * @event {ChatBlockErrorEvent} chat-block-error - An unblock failed (the row stays, marked failed, with Retry) or is unconfirmed (`detail.outcome`).
 *
 * @cssstate busy - A bulk unblock is running.
 *
 * @csspart toolbar - The search box and the "Unblock selected" button.
 * @csspart search-box - The search label and input (`role="search"`).
 * @csspart search-label - The search input's visible label.
 * @csspart search - The search input.
 * @csspart unblock-selected - The "Unblock selected (n)" button.
 * @csspart progress - The bulk unblock's progress, a polite live region.
 * @csspart grid - The scrolling `role="grid"`.
 * @csspart header-row - The column headers.
 * @csspart select-all - The "Select all shown" checkbox.
 * @csspart rows - The row group (as tall as every row together).
 * @csspart row - A row; also `selected`, `failed`, `unconfirmed`, `pending` as the row is.
 * @csspart select - A row's checkbox.
 * @csspart name - The customer's name.
 * @csspart id - The customer's id, under the name.
 * @csspart details - Who blocked, when, why, until when.
 * @csspart error - Why the row's unblock failed.
 * @csspart status - "Unblocking…", "Waiting…" or "Checking…" while a request runs or waits, or a state is read back.
 * @csspart unconfirmed - "Unblock not confirmed", in an unconfirmed row's details cell.
 * @csspart unblock - A row's Unblock button.
 * @csspart retry - A failed row's Retry button, or an unconfirmed row's when the state can't be read back.
 * @csspart check - An unconfirmed row's Check button (a backend with `status()` is connected).
 * @csspart empty - The empty state ("No blocked customers.", or "Loading blocked customers…" while a `source` reads its first page), a polite live region.
 * @csspart load-error - Why a page of `source` could not be read (`role="alert"`), with Retry.
 * @csspart load-retry - Its Retry button.
 * @csspart load-failed - Shown instead of the list when its view could not be loaded (`role="status"`).
 *
 * @cssprop --chat-font-family - Font family of every element.
 * @cssprop --chat-color-scheme - Unset by default: the page's own `color-scheme` (inherited). Set `light`, `dark`, or `light dark` (follow the OS) to override.
 * @cssprop --chat-text - Text color.
 * @cssprop --chat-muted - Secondary text (ids, details).
 * @cssprop --chat-surface - Background.
 * @cssprop --chat-border - Borders and row separators.
 * @cssprop --chat-hover - Background of a button under the pointer.
 * @cssprop --chat-radius - Corner radius.
 * @cssprop --chat-focus-ring - Focus outline color.
 * @cssprop --chat-accent - The "Unblock selected" button and the selected rows' tint.
 * @cssprop --chat-danger - Error text and the failed rows' mark.
 * @cssprop --chat-blocked-list-height - Maximum height of the scrolling grid (default 24rem).
 * @cssprop --chat-blocked-list-row-height - Height of every row (default 3.25rem; rows are one height so the list can be virtualised).
 */
export class ChatBlockedList extends ChatElement {
  static override readonly tagName = 'chat-blocked-list';
  static readonly dependencies = { 'chat-confirm-dialog': ChatConfirmDialog };
  static override styles = styles;
  static override properties = {
    items: { attribute: false },
    source: { attribute: false },
    store: { attribute: false },
    concurrency: { type: Number },
    label: {},
    query: {},
    confirmUnblock: { attribute: 'confirm-unblock', converter: defaultTrue },
  };

  /** The host's blocked customers. Unset (or null): `source`'s, else the store's known blocked customers. */
  declare items: readonly BlockedListItem[] | null | undefined;
  /** A server's list to page through (`relayBackend({ baseUrl })` is one); `items` wins when both are set. */
  declare source: BlockedListSource | null | undefined;
  /** The store to follow; defaults to the shared `blockStore`. */
  declare store: BlockStore;
  /** How many unblock requests a bulk unblock runs at once (default 4). */
  declare concurrency: number;
  /** The grid's accessible name; defaults to "Blocked customers". */
  declare label: string;
  /** The search text: rows whose name or id contains it (ignoring case and accents) are shown; with `source`, the server's search. */
  declare query: string;
  /** `confirm-unblock="false"` unblocks a row without asking (a bulk unblock always asks). */
  declare confirmUnblock: boolean;

  /** Everything past the properties, once its module is here. */
  #view: BlockedListView | null = null;
  /** `selected` as set before the view came; the view starts from it. */
  #selectedBefore: string[] = [];

  constructor() {
    super();
    if (this.fromServerHtml) hydrating.add(this);
    this.items = undefined;
    this.source = undefined;
    this.store = blockStore;
    this.concurrency = 4;
    this.label = '';
    this.query = '';
    this.confirmUnblock = true;
  }

  /** The view, made on first need once its module has loaded; null before. */
  get #loaded(): BlockedListView | null {
    const module = viewModule.now;
    if (!this.#view && module) this.#view = new module.BlockedListView(this, () => this.text, this.#selectedBefore);
    return this.#view;
  }

  /** The ids of the selected customers (those still in the list). */
  get selected(): string[] {
    return this.#loaded?.selected ?? [...this.#selectedBefore];
  }

  set selected(ids: Iterable<string>) {
    const valid = [...(ids ?? [])].map((id) => toCustomerId(id)).filter((id): id is string => id !== null);
    const view = this.#loaded;
    if (view) view.select(valid);
    else this.#selectedBefore = valid;
    this.requestUpdate();
  }

  /** True while a bulk unblock runs. */
  get busy(): boolean {
    return this.#view?.busy ?? false;
  }

  /** How many rows are in the list, and how many the search shows (zeros until its view has loaded: await `updateComplete`; with `source`, the rows read so far). */
  get rowCount(): { total: number; shown: number } {
    // Before the view's module has loaded (see updateComplete) the list has no rows yet.
    return this.#loaded?.rowCount ?? { total: 0, shown: 0 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#view) this.#view.connected();
    else if (!isServer) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.disconnected();
  }

  /**
   * Asks once, then unblocks every selected customer, `concurrency` at a time. Resolves
   * what happened, or null when nothing was sent: nothing selected, the agent cancelled,
   * or a bulk unblock is already running (a second one is refused).
   */
  async unblockSelected(): Promise<BulkUnblockResult | null> {
    await viewModule.load();
    return this.#loaded!.unblockSelected();
  }

  /** Loads the view's module, then renders with it. */
  #load(): Promise<void> {
    return renderWhenLoaded(viewModule, this);
  }

  /** updateComplete includes loading the view's module and the render with it, as before it was lazy. */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (!this.#view && !isServer) await this.#load();
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Here, not in the view: pills and menus elsewhere agree from the first update on.
    if (changed.has('items') || changed.has('store')) this.#seed();
    this.#loaded?.willUpdate(changed);
  }

  /** Items the store knows nothing of are blocked, as the host says (what a `blocked` attribute does). */
  #seed(): void {
    if (!Array.isArray(this.items)) return;
    for (const item of this.items) {
      const id = toCustomerId(item?.id);
      if (id !== null) this.store.seed(id, true);
    }
  }

  protected override render() {
    // A list adopting server HTML renders that empty box first, then its view (see updated()).
    if (!this.#view && viewModule.failed) return loadFailedLine(this.text);
    return this.#view && !hydrating.has(this) ? this.#view.render() : nothing;
  }

  protected override updated(): void {
    if (hydrating.delete(this) && this.#view) this.requestUpdate();
    else this.#view?.updated();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-blocked-list': ChatBlockedList;
  }
}
