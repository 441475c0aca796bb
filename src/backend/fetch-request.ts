import type { CustomerRef } from '../events.js';
import type { BackendRequest } from './connect-backend.js';
import { ChatBackendError, unreachable } from './errors.js';
import { normalizePhone } from './phone.js';

/** One POST to the host's server for fetchBackend(), and what its answer means. */
export async function send(
  doFetch: typeof fetch,
  url: string,
  customer: CustomerRef,
  headers: HeadersInit | undefined,
  signal: AbortSignal,
  metadata: BackendRequest | undefined,
): Promise<void> {
  const checked = normalizePhone(customer.id);
  if (checked.problem !== undefined) throw new ChatBackendError('invalid-phone', checked.problem);
  const sent = new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' });
  // Host headers replace the defaults (Headers names are case-insensitive), never append to them.
  new Headers(headers).forEach((value, name) => sent.set(name, value));
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: sent,
      body: JSON.stringify({ phone: checked.phone, ...withoutNulls(metadata) }),
      signal,
      redirect: 'manual',
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw unreachable(error);
  }
  if (response.type === 'opaqueredirect' || response.redirected || (response.status >= 300 && response.status < 400)) {
    throw unexpected(response, 'it redirected the request (an expired sign-in?)');
  }
  if (!response.ok) throw errorFor(response.status, await readMessage(response));
  // A 2xx that is not JSON is some other page (a login form, a captive portal), not the API.
  const body = await response.text().catch(() => '');
  if (body.trim() !== '' && !isJson(body)) throw unexpected(response, `it answered ${response.headers.get('Content-Type') || 'something'} instead of JSON`);
}

/** The metadata fields that have a value (an absent field, not `null`, for "none"). */
function withoutNulls(metadata: BackendRequest | undefined): Partial<BackendRequest> {
  if (!metadata) return {};
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== null));
}

function unexpected(response: Response, why: string): ChatBackendError {
  return new ChatBackendError(
    'unexpected-response',
    `The server's answer was not the chat API's (${why}), so the change is not confirmed. Sign in again or reload the page, then retry.`,
    { status: response.status || undefined },
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
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
