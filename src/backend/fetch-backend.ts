import type { CustomerRef } from '../events.js';
import type { Backend } from './connect-backend.js';
import { ChatBackendError } from './errors.js';

export interface FetchBackendOptions {
  /**
   * Your own server's URL that forwards to the chat API. Keep the API key on that
   * server: never put it in the page.
   */
  baseUrl: string;
  blockPath?: string;
  unblockPath?: string;
  /** Extra headers, e.g. a CSRF token for your proxy. */
  headers?: HeadersInit;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** E.164 as the reference API takes it: "+", then 9–14 digits (10–15 characters in all). */
const E164 = /^\+[1-9]\d{8,13}$/;

/**
 * A backend for `connectBackend()` that speaks the reference REST API:
 * `POST {baseUrl}/customer/block|unblock` with `{"phone": customer.id}`,
 * `201` on success. Failures become `ChatBackendError`s with readable messages.
 */
export function fetchBackend(options: FetchBackendOptions): Backend {
  const { baseUrl, blockPath = '/customer/block', unblockPath = '/customer/unblock', headers } = options ?? {};
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new TypeError('fetchBackend: baseUrl is required (the URL of your own server that forwards to the chat API).');
  }
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = baseUrl.replace(/\/+$/, '');
  const post = (path: string) => (customer: CustomerRef, signal: AbortSignal) =>
    send(doFetch, base + path, customer, headers, signal);
  return { block: post(blockPath), unblock: post(unblockPath) };
}

async function send(
  doFetch: typeof fetch,
  url: string,
  customer: CustomerRef,
  headers: HeadersInit | undefined,
  signal: AbortSignal,
): Promise<void> {
  const phone = customer.id;
  if (!E164.test(phone)) {
    throw new ChatBackendError(
      'invalid-phone',
      `"${phone}" is not a phone number in international format (like +919999999999).`,
    );
  }
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...toObject(headers) },
      body: JSON.stringify({ phone }),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ChatBackendError('network', "Couldn't reach the server. Check the connection and try again.", {
      cause: error,
    });
  }
  if (response.ok) return;
  throw errorFor(response.status, await readMessage(response));
}

function errorFor(status: number, serverMessage: string): ChatBackendError {
  const detail = serverMessage ? ` (${serverMessage})` : '';
  switch (status) {
    case 400:
      return new ChatBackendError('invalid-phone', `The server rejected the phone number${detail}.`, { status });
    case 401:
    case 403:
      return new ChatBackendError('unauthorized', `Not authorized: the server refused the API key${detail}.`, { status });
    case 404:
      return new ChatBackendError('invalid-customer', `The server does not know this customer${detail}.`, { status });
    default:
      return new ChatBackendError('server', `The server answered ${status}${detail}. Try again.`, { status });
  }
}

/** The reference API answers `{"message": string | string[]}`; anything else is ignored. */
async function readMessage(response: Response): Promise<string> {
  try {
    const body = await response.json();
    const message = body?.message;
    return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : '';
  } catch {
    return '';
  }
}

function toObject(headers: HeadersInit | undefined): Record<string, string> {
  return headers ? Object.fromEntries(new Headers(headers)) : {};
}
