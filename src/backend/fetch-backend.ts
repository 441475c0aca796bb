import type { Backend, BackendCall } from './connect-backend.js';
import { lazyModule } from '../internal/lazy.js';
import { unreachable } from './errors.js';

// The request itself (phone check, headers, status codes, what counts as the API's answer) is
// loaded on the first block or unblock: a page that only shows pills and menus never needs it.
const request = lazyModule(() => import('./fetch-request.js'));

export interface FetchBackendOptions {
  /**
   * Your own server's URL that forwards to the chat API. Keep the API key on that
   * server: never put it in the page.
   */
  baseUrl: string;
  blockPath?: string;
  unblockPath?: string;
  /** Extra headers, e.g. a CSRF token for your proxy. They replace the defaults of the same name, whatever the case. */
  headers?: HeadersInit;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
  /**
   * Also send a block's `reason` and `until` in the body, for a backend that stores
   * them (the reference API has no such fields; off by default, so it gets exactly `{phone}`).
   */
  sendMetadata?: boolean;
}

/**
 * A backend for `connectBackend()` that speaks the reference REST API:
 * `POST {baseUrl}/customer/block|unblock` with `{"phone": customer.id}` (normalised
 * to E.164), `201` with a JSON body on success. Redirects are not followed: a proxy
 * that sends the request to a login page fails as `unexpected-response`, never as
 * success. Failures become `ChatBackendError`s with readable messages.
 */
export function fetchBackend(options: FetchBackendOptions): Backend {
  const { baseUrl, blockPath = '/customer/block', unblockPath = '/customer/unblock', headers } = options ?? {};
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new TypeError('fetchBackend: baseUrl is required (the URL of your own server that forwards to the chat API).');
  }
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = baseUrl.replace(/\/+$/, '');
  const post = (path: string): BackendCall => (customer, signal, metadata) =>
    request.load().then(
      ({ send }) => send(doFetch, base + path, customer, headers, signal, options.sendMetadata ? metadata : undefined),
      (cause) => {
        throw unreachable(cause);
      },
    );
  return { block: post(blockPath), unblock: post(unblockPath) };
}

