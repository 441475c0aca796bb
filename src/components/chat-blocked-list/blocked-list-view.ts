import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { live } from 'lit/directives/live.js';
import { deepActiveElement } from '../../internal/focus.js';
import { pageDialog, runBlockFlow } from '../../internal/block-flow.js';
import { addStyles } from '../../internal/add-styles.js';
import { ownDialog } from '../../internal/own-dialog.js';
import { reasonText } from '../../internal/block-questions.js';
import { formatWhen } from '../../internal/time-format.js';
import type { BlockStore, CustomerBlockState } from '../../state/block-store.js';
import { requestBlockChange } from '../../state/request-block-change.js';
import { displayName, isolate, toCustomerId } from '../../state/customer-id.js';
import type { CustomerRef } from '../../events.js';
import { format } from '../../strings/registry.js';
import type { ChatStrings } from '../../strings/en.js';
import type { ChatConfirmDialog } from '../chat-confirm-dialog/chat-confirm-dialog.js';
import type { BlockedListItem, BulkUnblockResult, ChatBlockedList } from './chat-blocked-list.js';
import { runWithLimit, toConcurrency } from './bulk-runner.js';
import { compileQuery, searchKey } from './search.js';
import { visibleWindow } from './virtual-window.js';
import { ServerPages } from './server-pages.js';
import { styles } from './blocked-list-view.styles.js';
import { resolveUnconfirmed, unconfirmedLabel, unconfirmedOffer } from '../../internal/unconfirmed.js';
import { preloadDialogView } from '../chat-confirm-dialog/dialog-view-module.js';

/**
 * A row: the id and name, made once per item (or store snapshot). The rest is read when
 * the row is rendered or searched, so 5,000 entries cost little more than their ids.
 */
interface Row {
  readonly id: string;
  readonly name: string;
  /** The host's item; null for a store entry. */
  readonly item: BlockedListItem | null;
  /** Name and id folded for search, made on the first search. */
  key?: string;
}

/** The rows, made once per host item or store snapshot. */
class Rows {
  #cache = new WeakMap<object, Row>();

  /** A host item's row; null for an item without a usable id. */
  ofItem(item: BlockedListItem): Row | null {
    if (!item || typeof item !== 'object') return null;
    let row = this.#cache.get(item);
    if (!row) {
      const id = toCustomerId(item.id);
      if (id === null) return null;
      row = { id, name: displayName(item.name, id), item };
      this.#cache.set(item, row);
    }
    return row;
  }

  /** A store entry's row (without items, the list shows the store's blocked customers). */
  ofState(state: CustomerBlockState): Row {
    let row = this.#cache.get(state);
    if (!row) {
      const name = displayName(state.error?.customer.name, state.id);
      row = { id: state.id, name, item: null };
      this.#cache.set(state, row);
    }
    return row;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const time = (value: unknown): string | null => {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

/** "by Ana · 24 Nov 2026, 14:02 · spam · until 1 Dec 2026, 14:02": the host's facts, else the store's. */
function rowDetails(row: Row, s: CustomerBlockState, t: ChatStrings): string {
  const lang = t.$code;
  const item = row.item;
  const by = text(item?.by) ?? s.by;
  const at = time(item?.at) ?? s.at;
  const reason = text(item?.reason) ?? s.reason;
  const until = time(item?.until) ?? s.until;
  const parts: string[] = [];
  if (by) parts.push(format(t.blockedListBy, { by: isolate(by) }));
  if (at) parts.push(formatWhen(at, lang));
  if (reason) parts.push(reasonText(reason, t));
  if (until) parts.push(format(t.blockedListUntil, { time: formatWhen(until, lang) }));
  return parts.join(' · ');
}

interface Bulk {
  readonly ids: readonly string[];
  /** Not started yet: shown as "Waiting…". */
  readonly queued: Set<string>;
}

/** Columns: select, customer, details, action. */
const COLUMNS = 4;
const HEADER = -1;
const OVERSCAN = 6;

/**
 * @internal What `<chat-blocked-list>` shows and does, loaded on its first connect: the rows
 * and search, the grid and its keyboard, the virtual window, the bulk unblock and the dialog.
 * The element forwards its lifecycle here; template listeners are arrow functions because
 * Lit calls them with `this` set to the element.
 */
export class BlockedListView {
  readonly #host: ChatBlockedList;
  /** The element's words (its `text`, which is protected). */
  readonly #text: () => ChatStrings;
  #internals: ElementInternals | null = null;
  #unsubscribe: (() => void) | null = null;
  #subscribedTo: BlockStore | null = null;
  #styled = false;
  #dialogRendered = false;
  #dirty = true;
  /** Every blocked entry, then those the search shows, and each shown id's index. */
  #all: Row[] = [];
  #shown: Row[] = [];
  #indexOf = new Map<string, number>();
  #rows = new Rows();
  #selected: Set<string>;
  #bulk: Bulk | null = null;
  #running = false;
  /** The one cell in the tab order: a row (HEADER for the column headers) and a column. */
  #activeRow = HEADER;
  #activeId: string | null = null;
  #activeCol = 0;
  #hadFocus = false;
  // Virtual window.
  #rowHeight = 52;
  #headerHeight = 40;
  #viewport = 0;
  #scrollTop = 0;
  #window: [number, number] = [0, 0];
  #resize: ResizeObserver | null = null;
  /** What has been read of the element's `source`. */
  readonly #pages: ServerPages;

  /** `selected` is what the element was given before this view loaded. */
  constructor(host: ChatBlockedList, text: () => ChatStrings, selected: Iterable<string>) {
    this.#host = host;
    this.#text = text;
    this.#selected = new Set(selected);
    this.#pages = new ServerPages(() => {
      this.#dirty = true;
      host.requestUpdate();
    });
  }

  /** The server's pages are the rows: `source` is set and `items` is not. */
  get #paged(): boolean {
    return !Array.isArray(this.#host.items) && !!this.#host.source;
  }

  /** The ids of the selected customers (those still in the list). */
  get selected(): string[] {
    return [...this.#selected];
  }

  /** Selects these ids (customer ids already, as the element's `selected` setter made them). */
  select(ids: Iterable<string>): void {
    this.#selected = new Set(ids);
  }

  get busy(): boolean {
    return this.#running;
  }

  get rowCount(): { total: number; shown: number } {
    this.#recompute();
    return { total: this.#all.length, shown: this.#shown.length };
  }

  connected(): void {
    this.#subscribe();
  }

  disconnected(): void {
    this.#pages.stop();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#subscribedTo = null;
    this.#resize?.disconnect();
    this.#resize = null;
  }

  /** See `ChatBlockedList.unblockSelected()`. */
  async unblockSelected(): Promise<BulkUnblockResult | null> {
    if (this.#running) return null;
    this.#recompute();
    const ids = this.#all.filter((row) => this.#selected.has(row.id)).map((row) => row.id);
    if (ids.length === 0) return null;
    const rows = new Map(this.#all.map((row) => [row.id, row]));
    const host = this.#host;
    this.#setRunning(true);
    try {
      const t = this.#text();
      const dialog = await this.#dialog();
      const one = ids.length === 1 ? { name: isolate(rows.get(ids[0])!.name) } : null;
      const confirmed = await dialog.confirm({
        heading: one ? format(t.unblockHeading, one) : format(t.blockedListBulkHeading, { count: String(ids.length) }),
        message: one ? format(t.unblockMessage, one) : t.blockedListBulkMessage,
        confirmLabel: t.unblock,
        tone: 'neutral',
      });
      if (!confirmed) return null;
      const bulk: Bulk = { ids, queued: new Set(ids) };
      this.#bulk = bulk;
      host.requestUpdate();
      const store = host.store;
      await runWithLimit(ids, toConcurrency(host.concurrency), async (id) => {
        bulk.queued.delete(id);
        const row = rows.get(id)!;
        host.requestUpdate();
        await requestBlockChange(host, store, { id, name: row.name }, 'unblock');
      });
      const { done, failed, unsure } = this.#tally(bulk.ids);
      return { total: ids.length, unblocked: done, failed, unconfirmed: unsure };
    } finally {
      this.#setRunning(false);
      host.requestUpdate();
    }
  }

  /** The last bulk unblock's counts, from the store (so a successful Retry counts too). */
  #tally(ids: readonly string[]): { done: number; failed: number; unsure: number } {
    let done = 0;
    let failed = 0;
    let unsure = 0;
    for (const id of ids) {
      const s = this.#host.store.get(id);
      if (s.pending) continue;
      if (s.unconfirmed) unsure++;
      else if (s.known && !s.blocked) done++;
      else if (s.error?.action === 'unblock') failed++;
    }
    return { done, failed, unsure };
  }

  #setRunning(running: boolean): void {
    this.#running = running;
    const states = (this.#internals ??= this.#host.attachInternals()).states;
    if (running) states.add('busy');
    else states.delete('busy');
    this.#host.requestUpdate();
  }

  /** Follows the element's store while it is connected (again after `store` changed). */
  #subscribe(): void {
    const host = this.#host;
    if (!host.isConnected || this.#subscribedTo === host.store) return;
    this.#unsubscribe?.();
    const store = host.store;
    this.#unsubscribe = store.subscribeAll((state) => {
      if (state.blocked && this.#paged) this.#pages.blockedElsewhere(state.id, store);
      this.#dirty = true;
      host.requestUpdate();
    });
    this.#subscribedTo = store;
    this.#dirty = true;
  }

  willUpdate(changed: PropertyValues<ChatBlockedList>): void {
    this.#subscribe();
    const host = this.#host;
    this.#pages.sync(this.#paged ? host.source! : null, host.query ?? '', host.store);
    if (changed.has('items') || changed.has('store') || changed.has('query') || changed.has('source')) this.#dirty = true;
    this.#recompute();
    this.#hadFocus ||= this.#focusInGrid();
  }

  #recompute(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    const { items, store } = this.#host;
    const all: Row[] = [];
    const paged = this.#paged;
    const listed = Array.isArray(items) ? items : paged ? this.#pages.items : null;
    if (listed) {
      const seen = new Set<string>();
      for (const item of listed) {
        const row = this.#rows.ofItem(item);
        if (!row || seen.has(row.id)) continue;
        seen.add(row.id);
        const s = store.get(row.id);
        // Gone only when the store says so: an unknown or blocked customer stays.
        if (s.known && !s.blocked) continue;
        all.push(row);
      }
    } else {
      for (const state of store.getBlocked()) all.push(this.#rows.ofState(state));
    }
    this.#all = all;
    // A server's pages are its search's result already.
    const match = paged ? null : compileQuery(this.#host.query ?? '');
    this.#shown = match ? all.filter((row) => match((row.key ??= searchKey(row.name, row.id)))) : all;
    this.#indexOf = new Map(this.#shown.map((row, i) => [row.id, i]));
    // Unblocked customers leave the selection with their row.
    if (this.#selected.size) {
      const present = new Set(all.map((row) => row.id));
      for (const id of this.#selected) if (!present.has(id)) this.#selected.delete(id);
    }
    // The active cell follows its customer; if they left, the row that took their place.
    const index = this.#activeId === null ? undefined : this.#indexOf.get(this.#activeId);
    if (index !== undefined) this.#activeRow = index;
    else if (this.#activeRow !== HEADER) {
      this.#activeRow = Math.min(this.#activeRow, this.#shown.length - 1);
      if (this.#activeRow < 0) this.#activeRow = HEADER;
      this.#activeId = this.#activeRow === HEADER ? null : this.#shown[this.#activeRow].id;
    }
  }

  render() {
    // Its rules join the element's shadow root with its first render (the element's own are only its box).
    if (!this.#styled) {
      addStyles(this.#host.renderRoot as ShadowRoot, styles);
      this.#styled = true;
    }
    const t = this.#text();
    const { label, query: rawQuery } = this.#host;
    const shown = this.#shown;
    const count = this.#selected.size;
    const running = this.#running;
    const noSelection = count === 0;
    const [start, end] = (this.#window = this.#computeWindow());
    const indices: number[] = [];
    // The active row is always rendered, so the grid keeps its one tab stop (and focus) when scrolled away.
    if (this.#activeRow >= 0 && this.#activeRow < start) indices.push(this.#activeRow);
    for (let i = start; i < end; i++) indices.push(i);
    if (this.#activeRow >= end) indices.push(this.#activeRow);
    const shownSelected = shown.length > 0 && count > 0 ? shown.reduce((n, row) => n + (this.#selected.has(row.id) ? 1 : 0), 0) : 0;
    const query = (rawQuery ?? '').trim();
    const paged = this.#paged;
    const pages = this.#pages;
    const empty = shown.length
      ? ''
      : paged && !pages.loaded
        ? pages.loading ? t.blockedListLoading : ''
        : query && (paged || this.#all.length) ? format(t.blockedListNoMatch, { query }) : t.blockedListEmpty;
    // While a server has more pages, the whole list's size is not known yet.
    const rowcount = paged && pages.next ? -1 : shown.length + 1;
    return html`<div part="toolbar"><div part="search-box" role="search"><label part="search-label" for="search">${t.blockedListSearch}</label><input id="search" part="search" type="search" autocomplete="off" spellcheck="false" aria-controls="grid" .value=${live(rawQuery ?? '')} @input=${this.#onSearch}></div><button part="unblock-selected" type="button" aria-disabled=${running || noSelection ? 'true' : 'false'} aria-busy=${running ? 'true' : 'false'} @click=${this.#onUnblockSelected}>${format(t.blockedListUnblockSelected, { count: String(count) })}</button></div><div part="progress" role="status">${this.#progress(t)}</div><div id="grid" part="grid" role="grid" aria-label=${label || t.blockedListLabel} aria-multiselectable="true" aria-rowcount=${rowcount} aria-colcount=${COLUMNS} ?hidden=${shown.length === 0} @keydown=${this.#onKeydown} @focusin=${this.#onFocusin} @change=${this.#onChange} @click=${this.#onClick} @scroll=${this.#onScroll}><div role="rowgroup"><div role="row" part="header-row" aria-rowindex="1" data-row=${HEADER}><div role="columnheader" data-col="0"><input type="checkbox" part="select-all" aria-label=${t.blockedListSelectAll} tabindex=${this.#tabindex(HEADER, 0)} .checked=${live(shownSelected > 0 && shownSelected === shown.length)} .indeterminate=${shownSelected > 0 && shownSelected < shown.length}></div><div role="columnheader" data-col="1" tabindex=${this.#tabindex(HEADER, 1)}>${t.blockedListColumnCustomer}</div><div role="columnheader" data-col="2" tabindex=${this.#tabindex(HEADER, 2)}>${t.blockedListColumnDetails}</div><div role="columnheader" data-col="3" tabindex=${this.#tabindex(HEADER, 3)}>${t.blockedListColumnAction}</div></div></div><div role="rowgroup" part="rows" style=${styleMap({ height: `${shown.length * this.#rowHeight}px` })}>${repeat(
      indices,
      (i) => shown[i].id,
      (i) => this.#renderRow(shown[i], i, t),
    )}</div></div><div part="empty" role="status">${empty}</div>${
      paged && pages.error
        ? html`<div part="load-error" role="alert">${format(t.blockedListLoadError, { error: pages.error.message })} <button part="load-retry" type="button" @click=${this.#onRetryPage}>${t.retry}</button></div>`
        : nothing
    }${this.#dialogRendered ? ownDialog : nothing}`;
  }

  #renderRow(row: Row, i: number, t: ChatStrings) {
    const s = this.#host.store.get(row.id);
    const selected = this.#selected.has(row.id);
    const unsure = !s.pending && !!s.unconfirmed;
    const failed = !s.pending && !unsure && s.error?.action === 'unblock';
    const queued = !s.pending && !!this.#bulk?.queued.has(row.id) && this.#running;
    const waiting = !!s.pending || queued || (unsure && s.checking);
    const name = isolate(row.name);
    const parts = `row${selected ? ' selected' : ''}${failed ? ' failed' : ''}${unsure ? ' unconfirmed' : ''}${waiting ? ' pending' : ''}`;
    let action;
    if (waiting) action = html`<span part="status">${s.pending ? (s.pending === 'block' ? t.statusBlocking : t.statusUnblocking) : unsure ? t.statusChecking : t.blockedListQueued}</span>`;
    else if (unsure) {
      // Not "Unblock": whether this customer is still blocked is what nobody knows.
      const offer = unconfirmedOffer(this.#host.store);
      action = html`<button part=${offer} type="button" data-action="resolve" tabindex=${this.#tabindex(i, 3)} aria-label=${format(offer === 'check' ? t.blockedListCheckOne : t.blockedListRetryOne, { name })}>${offer === 'check' ? t.check : t.retry}</button>`;
    } else if (failed) action = html`<button part="retry" type="button" data-action="retry" tabindex=${this.#tabindex(i, 3)} aria-label=${format(t.blockedListRetryOne, { name })}>${t.retry}</button>`;
    else action = html`<button part="unblock" type="button" data-action="unblock" tabindex=${this.#tabindex(i, 3)} aria-label=${format(t.blockedListUnblockOne, { name })}>${t.unblock}</button>`;
    return html`<div role="row" part=${parts} aria-rowindex=${i + 2} aria-selected=${selected ? 'true' : 'false'} data-row=${i} style=${styleMap({ top: `${i * this.#rowHeight}px` })}><div role="gridcell" data-col="0"><input type="checkbox" part="select" tabindex=${this.#tabindex(i, 0)} aria-label=${format(t.blockedListSelect, { name })} .checked=${live(selected)}></div><div role="gridcell" data-col="1" tabindex=${this.#tabindex(i, 1)}><bdi part="name">${row.name}</bdi>${
      row.name !== row.id ? html`<span part="id">${row.id}</span>` : nothing
    }</div><div role="gridcell" data-col="2" tabindex=${this.#tabindex(i, 2)}>${
      unsure
        ? html`<span part="unconfirmed">${unconfirmedLabel(s, t)}</span>`
        : failed
          ? html`<span part="error">${format(t.blockedListFailed, { error: s.error!.error.message })}</span>`
          : html`<span part="details">${rowDetails(row, s, t)}</span>`
    }</div><div role="gridcell" data-col="3" tabindex=${waiting ? this.#tabindex(i, 3) : nothing}>${action}</div></div>`;
  }

  #progress(t: ChatStrings): string {
    const bulk = this.#bulk;
    if (!bulk) return '';
    const { done, failed, unsure } = this.#tally(bulk.ids);
    const values = { done: String(done), total: String(bulk.ids.length), failed: String(failed) };
    const progress = format(failed ? t.blockedListProgressFailed : t.blockedListProgress, values);
    return unsure ? `${progress} · ${format(t.blockedListProgressUnconfirmed, { count: String(unsure) })}` : progress;
  }

  #tabindex(row: number, col: number): string {
    return row === this.#activeRow && col === this.#activeCol ? '0' : '-1';
  }

  #computeWindow(): [number, number] {
    return visibleWindow({
      count: this.#shown.length,
      rowHeight: this.#rowHeight,
      offset: this.#scrollTop - this.#headerHeight,
      viewport: this.#viewport || 10 * this.#rowHeight,
      overscan: OVERSCAN,
    });
  }

  updated(): void {
    const grid = this.#grid;
    // From the first render with a grid, and again after a reconnect.
    if (!this.#resize && grid && this.#host.isConnected && typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(() => this.#measure());
      this.#resize.observe(grid);
    }
    // After this update, not inside it: what they change asks for another render.
    queueMicrotask(() => {
      this.#measure();
      // The rows shown come near the end of what a server's pages hold: read the next.
      if (this.#paged && this.#window[1] >= this.#shown.length - OVERSCAN) this.#pages.more(this.#host.store);
      // The focused row left (unblocked, filtered out) or its button went away (a request
      // started): focus the active cell instead of letting it fall to <body>.
      if (this.#hadFocus && !this.#focusInGrid()) this.#focusActive();
      this.#hadFocus = false;
    });
  }

  /** Reads the row and header heights and the viewport; re-renders if the window moved. */
  #measure(): void {
    const grid = this.#grid;
    if (!grid) return;
    const row = grid.querySelector<HTMLElement>('[part~="row"]');
    const header = grid.querySelector<HTMLElement>('[part~="header-row"]');
    let changed = false;
    if (row && row.offsetHeight > 0 && row.offsetHeight !== this.#rowHeight) {
      this.#rowHeight = row.offsetHeight;
      changed = true;
    }
    if (header && header.offsetHeight > 0 && header.offsetHeight !== this.#headerHeight) {
      this.#headerHeight = header.offsetHeight;
      changed = true;
    }
    if (grid.clientHeight > 0 && grid.clientHeight !== this.#viewport) {
      this.#viewport = grid.clientHeight;
      changed = true;
    }
    if (changed && this.#windowMoved()) this.#host.requestUpdate();
  }

  #windowMoved(): boolean {
    const [start, end] = this.#computeWindow();
    return start !== this.#window[0] || end !== this.#window[1];
  }

  get #grid(): HTMLElement | null {
    return this.#host.renderRoot?.querySelector<HTMLElement>('[part~="grid"]') ?? null;
  }

  #focusInGrid(): boolean {
    const active = this.#host.shadowRoot?.activeElement;
    return !!active && !!this.#grid?.contains(active);
  }

  /** The element that takes focus for a cell: its checkbox or button, else the cell itself. */
  #target(row: number, col: number): HTMLElement | null {
    const cell = this.#grid?.querySelector<HTMLElement>(`[data-row="${row}"] > [data-col="${col}"]`);
    return cell?.querySelector<HTMLElement>('input, button') ?? cell ?? null;
  }

  #focusActive(): void {
    if (this.#shown.length === 0) {
      this.#host.renderRoot.querySelector<HTMLElement>('[part~="search"]')?.focus();
      return;
    }
    this.#target(this.#activeRow, this.#activeCol)?.focus();
  }

  /** Moves the active cell (clamped) and focuses it, rendering its row first if it is outside the window. */
  async #moveTo(row: number, col: number): Promise<void> {
    const last = this.#shown.length - 1;
    this.#activeRow = Math.max(HEADER, Math.min(row, last));
    this.#activeCol = Math.max(0, Math.min(col, COLUMNS - 1));
    this.#activeId = this.#activeRow === HEADER ? null : this.#shown[this.#activeRow].id;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const target = this.#target(this.#activeRow, this.#activeCol);
    if (!target) return;
    this.#scrollIntoView(this.#activeRow);
    target.focus({ preventScroll: true });
  }

  /** Scrolls just enough for the row to show below the sticky header. */
  #scrollIntoView(row: number): void {
    const grid = this.#grid;
    if (!grid || row === HEADER) return;
    const top = this.#headerHeight + row * this.#rowHeight;
    const viewTop = grid.scrollTop + this.#headerHeight;
    const viewBottom = grid.scrollTop + grid.clientHeight;
    if (top < viewTop) grid.scrollTop = row * this.#rowHeight;
    else if (top + this.#rowHeight > viewBottom) grid.scrollTop = top + this.#rowHeight - grid.clientHeight;
    this.#onScroll();
  }

  /** Where an event happened in the grid: its row and column, or null outside cells. */
  #cellOf(event: Event): { row: number; col: number } | null {
    const el = event.target as HTMLElement;
    const cell = el.closest?.<HTMLElement>('[data-col]');
    const rowEl = cell?.closest<HTMLElement>('[data-row]');
    if (!cell || !rowEl) return null;
    return { row: Number(rowEl.dataset.row), col: Number(cell.dataset.col) };
  }

  #onFocusin = (event: FocusEvent): void => {
    const at = this.#cellOf(event);
    if (!at || (at.row === this.#activeRow && at.col === this.#activeCol)) return;
    this.#activeRow = at.row;
    this.#activeCol = at.col;
    this.#activeId = at.row === HEADER ? null : (this.#shown[at.row]?.id ?? null);
    this.#host.requestUpdate();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const at = this.#cellOf(event);
    if (!at || event.altKey) return;
    const { row, col } = at;
    const target = event.target as HTMLElement;
    const onWidget = target.localName === 'input' || target.localName === 'button';
    const mod = event.ctrlKey || event.metaKey;
    const rtl = getComputedStyle(this.#host).direction === 'rtl';
    const page = Math.max(1, Math.floor((this.#viewport - this.#headerHeight) / this.#rowHeight) - 1);
    const last = this.#shown.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        void this.#moveTo(row + 1, col);
        break;
      case 'ArrowUp':
        void this.#moveTo(row - 1, col);
        break;
      case 'ArrowRight':
        void this.#moveTo(row, col + (rtl ? -1 : 1));
        break;
      case 'ArrowLeft':
        void this.#moveTo(row, col + (rtl ? 1 : -1));
        break;
      case 'Home':
        void (mod ? this.#moveTo(last >= 0 ? 0 : HEADER, col) : this.#moveTo(row, 0));
        break;
      case 'End':
        void (mod ? this.#moveTo(last, col) : this.#moveTo(row, COLUMNS - 1));
        break;
      case 'PageDown':
        void this.#moveTo(Math.min(row + page, last), col);
        break;
      case 'PageUp':
        void this.#moveTo(Math.max(row - page, 0), col);
        break;
      case ' ':
        // A checkbox toggles itself and a button clicks itself; a text cell toggles its row.
        if (onWidget) return;
        if (row === HEADER) this.#toggleAllShown();
        else this.#toggle(row);
        break;
      case 'a':
      case 'A':
        if (!mod) return;
        this.#selectAllShown(true);
        break;
      case 'Delete':
      case 'Backspace':
        if (row === HEADER) return;
        void this.#unblockRow(row);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  #onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.type !== 'checkbox') return;
    const at = this.#cellOf(event);
    if (!at) return;
    if (at.row === HEADER) this.#selectAllShown(input.checked);
    else {
      const row = this.#shown[at.row];
      if (!row) return;
      if (input.checked) this.#selected.add(row.id);
      else this.#selected.delete(row.id);
      this.#host.requestUpdate();
    }
  };

  #onClick = (event: MouseEvent): void => {
    const button = (event.target as HTMLElement).closest?.<HTMLButtonElement>('button[data-action]');
    const at = this.#cellOf(event);
    if (!button || !at || at.row === HEADER) return;
    if (button.dataset.action === 'retry') this.#retry(at.row);
    else if (button.dataset.action === 'resolve') this.#resolve(at.row);
    else void this.#unblockRow(at.row);
  };

  #onScroll = (): void => {
    const grid = this.#grid;
    if (!grid) return;
    this.#scrollTop = grid.scrollTop;
    if (this.#windowMoved()) this.#host.requestUpdate();
  };

  #onSearch = (event: Event): void => {
    this.#host.query = (event.target as HTMLInputElement).value;
    // A new result starts at its top.
    const grid = this.#grid;
    if (grid) grid.scrollTop = 0;
    this.#scrollTop = 0;
  };

  #onRetryPage = (): void => {
    this.#pages.retry(this.#host.store);
  };

  #onUnblockSelected = (): void => {
    void this.#host.unblockSelected();
  };

  #toggle(index: number): void {
    const row = this.#shown[index];
    if (!row) return;
    if (this.#selected.has(row.id)) this.#selected.delete(row.id);
    else this.#selected.add(row.id);
    this.#host.requestUpdate();
  }

  #toggleAllShown(): void {
    this.#selectAllShown(!this.#shown.every((row) => this.#selected.has(row.id)));
  }

  #selectAllShown(select: boolean): void {
    for (const row of this.#shown) {
      if (select) this.#selected.add(row.id);
      else this.#selected.delete(row.id);
    }
    this.#host.requestUpdate();
  }

  #customer(row: Row): CustomerRef {
    return { id: row.id, name: row.name };
  }

  /** A row's Unblock (button or Delete): asks (unless `confirm-unblock="false"`), then one request. */
  async #unblockRow(index: number): Promise<void> {
    const row = this.#shown[index];
    if (!row) return;
    const host = this.#host;
    const s = host.store.get(row.id);
    if (s.pending || (this.#running && this.#bulk?.queued.has(row.id))) return;
    if (s.unconfirmed) return this.#resolve(index);
    if (s.error?.action === 'unblock') return this.#retry(index);
    const dialog = host.confirmUnblock ? await this.#dialog() : null;
    await runBlockFlow({ target: host, store: host.store, customer: this.#customer(row), action: 'unblock', text: this.#text(), dialog });
    await host.updateComplete;
    this.#refocus();
  }

  /** A failed row's Retry: the agent already confirmed, so the request goes again at once. */
  #retry(index: number): void {
    const row = this.#shown[index];
    const host = this.#host;
    if (!row || host.store.get(row.id).pending) return;
    // The outcome lands in the store (the row) and in a chat-block-change or chat-block-error event.
    requestBlockChange(host, host.store, this.#customer(row), 'unblock').catch(() => {});
  }

  /** An unconfirmed row's Check or Retry (same request, same key): no dialog, the agent confirmed it already. */
  #resolve(index: number): void {
    const row = this.#shown[index];
    const host = this.#host;
    if (row) void resolveUnconfirmed(host, host.store, host.store.get(row.id));
  }

  /** After a dialog closed on a row that left: focus the active cell rather than <body>. */
  #refocus(): void {
    const active = deepActiveElement();
    // Nowhere, or still on a button of the dialog that just closed (no opener left to return to).
    const lost = !active || active === document.body || !active.isConnected || active.getClientRects().length === 0;
    if (lost) this.#focusActive();
  }

  /** The page's own `<chat-confirm-dialog>` if it has one, else ours, rendered on first use. */
  async #dialog(): Promise<ChatConfirmDialog> {
    const host = this.#host;
    const shared = pageDialog(host);
    if (shared) return shared;
    if (!this.#dialogRendered) {
      this.#dialogRendered = true;
      host.requestUpdate();
      await host.updateComplete;
    }
    const dialog = host.renderRoot.querySelector('chat-confirm-dialog')!;
    await dialog.updateComplete;
    return dialog;
  }
}

// The own dialog this module may render next: have its view here by then.
preloadDialogView();
