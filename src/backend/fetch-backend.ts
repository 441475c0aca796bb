import type { Backend, BackendCall } from './connect-backend.js';
import { lazyModule } from '../internal/lazy.js';
import { unreachable } from './errors.js';

// The request itself (phone check, headers, status codes, what counts as the API's answer) is
// loaded on the first block or unblock: a page that only shows pills and menus never needs it.
const request = lazyModule(() => import('./fetch-request.js'));

export interface FetchBackendOptions {
  /**
   * Your own server's URL that forwards to the chat API (or a chat-block-relay's). Keep the
   * API key on that server: never put it in the page.
   */
  baseUrl: string;
  blockPath?: string;
  unblockPath?: string;
  /**
   * A GET path that answers one customer's state (`?phone=+91…` → `{ blocked, reason, until,
   * by, at, revision }`): gives the backend a `status()`, which the store uses to read the
   * truth back after an unconfirmed outcome. Off by default (the reference API has none).
   */
  statusPath?: string;
  /** A GET path of Server-Sent Events of every change: sets `eventsUrl`, for `blockStore.follow()`. */
  eventsPath?: string;
  /** A GET path that pages through the blocked customers (`?q=&cursor=&limit=`): gives the backend a `list()`. */
  listPath?: string;
  /** Extra headers, e.g. a CSRF token for your proxy. They replace the defaults of the same name, whatever the case. */
  headers?: HeadersInit;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
  /**
   * Also send a block's `reason` and `until`, and the customer's `name`, in the body, for a
   * backend that stores them (the reference API has no such fields; off by default, so it gets exactly `{phone}`).
   */
  sendMetadata?: boolean;
}

/** A blocked customer as a server's list answers it. */
export interface BlockedPageItem {
  id: string;
  name: string | null;
  reason: string | null;
  until: string | null;
  by: string | null;
  at: string | null;
  revision: number | null;
}

/** One page of the server's blocked customers; `next` is the cursor of the page after it (null at the end). */
export interface BlockedPage {
  items: BlockedPageItem[];
  next: string | null;
}

/** What to ask a server's list for. */
export interface BlockedPageQuery {
  /** Matches names (case and accents ignored) and phone digits. */
  query?: string;
  /** The `next` of the page before; none for the first page. */
  cursor?: string | null;
  limit?: number;
  signal?: AbortSignal;
}

/** The backend `fetchBackend()` makes: `block`, `unblock`, and with their paths `status`, `list` and `eventsUrl`. */
export interface FetchBackend extends Backend {
  /** The change stream's URL (absolute), for `blockStore.follow()`; with `eventsPath` only. */
  readonly eventsUrl?: string;
  list?(query?: BlockedPageQuery): Promise<BlockedPage>;
}

/**
 * A backend for `connectBackend()` that speaks the reference REST API:
 * `POST {baseUrl}/customer/block|unblock` with `{"phone": customer.id}` (normalised
 * to E.164), `201` with a JSON body on success. Every POST carries an `Idempotency-Key`
 * (a Retry of an unconfirmed request sends the same one) and `X-Requested-With:
 * chat-block-elements`. Redirects are not followed: a proxy that sends the request to a
 * login page fails as `unexpected-response`, never as success. Failures become
 * `ChatBackendError`s with readable messages; a lost connection or a `202` is
 * `unconfirmed`, not a refusal.
 */
export function fetchBackend(options: FetchBackendOptions): FetchBackend {
  const { baseUrl, blockPath = '/customer/block', unblockPath = '/customer/unblock', headers } = options ?? {};
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new TypeError('fetchBackend: baseUrl is required (the URL of your own server that forwards to the chat API).');
  }
  for (const name of ['statusPath', 'eventsPath', 'listPath'] as const) {
    const path = options[name];
    if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) {
      throw new TypeError(`fetchBackend: ${name} must be a path starting with "/" (got ${JSON.stringify(path)}).`);
    }
  }
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = baseUrl.replace(/\/+$/, '');
  const loaded = () =>
    request.load().catch((cause) => {
      throw unreachable(cause);
    });
  const post = (path: string): BackendCall => (customer, signal, sent) =>
    loaded().then(({ send }) => send(doFetch, base + path, customer, headers, signal, sent, !!options.sendMetadata));
  const backend: FetchBackend = { block: post(blockPath), unblock: post(unblockPath) };
  if (options.statusPath) {
    const url = base + options.statusPath;
    backend.status = (customer, signal) => loaded().then(({ readStatus }) => readStatus(doFetch, url, customer, headers, signal));
  }
  if (options.listPath) {
    const url = base + options.listPath;
    backend.list = (query = {}) =>
      loaded().then(({ readList }) => readList(doFetch, url, query, headers, query.signal) as Promise<BlockedPage>);
  }
  if (options.eventsPath) {
    Object.defineProperty(backend, 'eventsUrl', { value: String(new URL(base + options.eventsPath, globalThis.location?.href)), enumerable: true });
  }
  return backend;
}

/**
 * `fetchBackend()` for a chat-block-relay mounted at `baseUrl`: the reference API's POSTs
 * plus the relay's status (`/customer/status`), list (`/customers/blocked`) and change
 * stream (`/events`), with reasons, ends and names sent along.
 */
export function relayBackend(options: Omit<FetchBackendOptions, 'sendMetadata'>): FetchBackend & Required<Pick<FetchBackend, 'status' | 'list' | 'eventsUrl'>> {
  return fetchBackend({
    statusPath: '/customer/status',
    listPath: '/customers/blocked',
    eventsPath: '/events',
    ...options,
    sendMetadata: true,
  }) as FetchBackend & Required<Pick<FetchBackend, 'status' | 'list' | 'eventsUrl'>>;
}
