import type { BlockStore } from '../../state/block-store.js';
import { toCustomerId } from '../../state/customer-id.js';
import type { BlockedListItem, BlockedListSource } from './chat-blocked-list.js';

/** How many customers one page asks for. */
export const PAGE_SIZE = 50;
// A search waits for the typing to pause before it asks the server.
const SEARCH_DEBOUNCE_MS = 250;
// Changes pushed in a burst (a bulk block elsewhere) re-read the first page once.
const HEAD_DEBOUNCE_MS = 300;

/**
 * @internal The pages of a server's blocked customers that `<chat-blocked-list source>` has
 * read: the first when the source or the search changes, the next when the rows shown come
 * near the end of what is here, and the first again when a customer becomes blocked
 * elsewhere (newest first: they belong on it). Every item seeds the store unless it knows
 * newer (a revision), so pills and menus agree with the list.
 */
export class ServerPages {
  items: BlockedListItem[] = [];
  /** The cursor of the next page; null once the last page is here. */
  next: string | null = null;
  loading = false;
  /** Why the last page could not be read; cleared by the next read. */
  error: Error | null = null;
  /** A first page has arrived for the current source and search. */
  loaded = false;

  readonly #changed: () => void;
  #source: BlockedListSource | null = null;
  #query = '';
  #ids = new Set<string>();
  #abort: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #headTimer: ReturnType<typeof setTimeout> | undefined;

  /** `changed` asks the list to render again. */
  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /**
   * Follows the list's `source` and search: a new source reads its first page at once, a new
   * search after a pause; the same ones read the first page again only if it never came
   * (the list was disconnected while reading it).
   */
  sync(source: BlockedListSource | null, query: string, store: BlockStore): void {
    const trimmed = query.trim();
    if (source === this.#source && trimmed === this.#query) {
      if (source && !this.loaded && !this.loading && !this.error) void this.#read(null, store);
      return;
    }
    this.#reset(source, trimmed, store);
  }

  #reset(source: BlockedListSource | null, query: string, store: BlockStore): void {
    const sameSource = source === this.#source;
    this.#source = source;
    this.#query = query;
    this.stop();
    this.items = [];
    this.#ids.clear();
    this.next = null;
    this.error = null;
    this.loaded = false;
    if (!source) return;
    this.loading = true;
    if (sameSource) this.#timer = setTimeout(() => void this.#read(null, store), SEARCH_DEBOUNCE_MS);
    else void this.#read(null, store);
  }

  /** Reads the next page, unless one is being read or there is none. */
  more(store: BlockStore): void {
    if (!this.#source || this.loading || this.error || !this.next) return;
    void this.#read(this.next, store);
  }

  /** Reads again what failed (the page's Retry). */
  retry(store: BlockStore): void {
    if (!this.#source || this.loading) return;
    this.error = null;
    void this.#read(this.loaded ? this.next : null, store);
  }

  /** A customer became blocked somewhere: if the list does not have them, read the first page again. */
  blockedElsewhere(id: string, store: BlockStore): void {
    if (!this.#source || !this.loaded || this.#ids.has(id)) return;
    clearTimeout(this.#headTimer);
    this.#headTimer = setTimeout(() => void this.#readHead(store), HEAD_DEBOUNCE_MS);
  }

  stop(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#headTimer);
    this.#abort?.abort();
    this.#abort = null;
    this.loading = false;
  }

  async #read(cursor: string | null, store: BlockStore): Promise<void> {
    const source = this.#source!;
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.#changed();
    try {
      const page = await source.list({ query: this.#query || undefined, cursor, limit: PAGE_SIZE, signal: abort.signal });
      if (abort.signal.aborted) return;
      const items = readPage(page);
      this.#add(items, 'end', store);
      this.next = typeof page.next === 'string' && page.next ? page.next : null;
      this.loaded = true;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error instanceof Error ? error : new Error(String(error));
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.loading = false;
        this.#changed();
      }
    }
  }

  /** The first page again, for customers blocked since: new ones go on top, in the server's order. */
  async #readHead(store: BlockStore): Promise<void> {
    const source = this.#source;
    if (!source || this.loading) return;
    try {
      const page = await source.list({ query: this.#query || undefined, limit: PAGE_SIZE });
      if (source !== this.#source) return;
      this.#add(readPage(page), 'start', store);
      this.#changed();
    } catch {
      // The rows already shown stay; the next change or scroll tries again.
    }
  }

  #add(items: BlockedListItem[], where: 'start' | 'end', store: BlockStore): void {
    const fresh: BlockedListItem[] = [];
    for (const item of items) {
      const id = toCustomerId(item.id);
      if (id === null || this.#ids.has(id)) continue;
      this.#ids.add(id);
      fresh.push(item);
      seedFrom(store, id, item);
    }
    this.items = where === 'start' ? [...fresh, ...this.items] : [...this.items, ...fresh];
  }
}

function readPage(page: unknown): BlockedListItem[] {
  const items = (page as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new TypeError('chat-blocked-list: source.list() must fulfil { items: [...], next }.');
  return items.filter((item): item is BlockedListItem => !!item && typeof item === 'object');
}

/** What a list item says of its customer, unless the store knows as much or newer already. */
function seedFrom(store: BlockStore, id: string, item: BlockedListItem & { revision?: number | null }): void {
  const known = store.get(id);
  const revision = typeof item.revision === 'number' ? item.revision : null;
  const newer = revision !== null && (known.revision === null || revision > known.revision);
  if (known.known && !newer) return;
  store.set(id, { blocked: true, reason: item.reason ?? null, until: item.until ?? null, by: item.by ?? null, at: item.at ?? null, revision });
}
