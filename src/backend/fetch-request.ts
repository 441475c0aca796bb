import type { CustomerRef } from '../events.js';
import type { BackendRequest } from './connect-backend.js';
import { ChatBackendError, connectionLost } from './errors.js';
import { normalizePhone } from './phone.js';

/** What every request of fetchBackend() sends: JSON both ways, and the header a relay checks against cross-site requests. */
function headersFor(extra: HeadersInit | undefined, json: boolean): Headers {
  const sent = new Headers({ Accept: 'application/json', 'X-Requested-With': 'chat-block-elements' });
  if (json) sent.set('Content-Type', 'application/json');
  // Host headers replace the defaults (Headers names are case-insensitive), never append to them.
  new Headers(extra).forEach((value, name) => sent.set(name, value));
  return sent;
}

/** The customer's phone as the API takes it, or a refusal before anything is sent. */
function phoneOf(customer: CustomerRef): string {
  const checked = normalizePhone(customer.id);
  if (checked.problem !== undefined) throw new ChatBackendError('invalid-phone', checked.problem);
  return checked.phone;
}

/**
 * One POST to the host's server for fetchBackend(), and what its answer means. Fulfils the
 * answer's JSON body (a relay's carries the customer's state with its revision), or null.
 */
export async function send(
  doFetch: typeof fetch,
  url: string,
  customer: CustomerRef,
  headers: HeadersInit | undefined,
  signal: AbortSignal,
  request: BackendRequest | undefined,
  metadata: boolean,
): Promise<unknown> {
  const phone = phoneOf(customer);
  const sent = headersFor(headers, true);
  // An sf-string, as the IETF draft has it; a Retry of an unconfirmed request sends the same one.
  if (request?.idempotencyKey && !sent.has('Idempotency-Key')) sent.set('Idempotency-Key', `"${request.idempotencyKey}"`);
  const extra = metadata ? withoutNulls({ name: customer.name === customer.id ? null : customer.name, reason: request?.reason ?? null, until: request?.until ?? null }) : {};
  const response = await fetchOrLost(doFetch, url, { method: 'POST', headers: sent, body: JSON.stringify({ phone, ...extra }), signal });
  if (response.status === 202) {
    await response.body?.cancel().catch(() => {});
    throw new ChatBackendError('unconfirmed', 'The server has not confirmed this yet; it keeps trying.', { status: 202, unconfirmed: true });
  }
  return readAnswer(response);
}

/** One GET of a customer's state for fetchBackend()'s `status()`. */
export async function readStatus(
  doFetch: typeof fetch,
  url: string,
  customer: CustomerRef,
  headers: HeadersInit | undefined,
  signal: AbortSignal,
): Promise<unknown> {
  const target = new URL(url, globalThis.location?.href);
  target.searchParams.set('phone', phoneOf(customer));
  const response = await fetchOrLost(doFetch, String(target), { method: 'GET', headers: headersFor(headers, false), signal });
  const body = await readAnswer(response);
  if (body === null) throw unexpected(response, 'it answered nothing');
  return body;
}

/** One page of the blocked customers for fetchBackend()'s `list()`. */
export async function readList(
  doFetch: typeof fetch,
  url: string,
  query: { query?: string; cursor?: string | null; limit?: number },
  headers: HeadersInit | undefined,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const target = new URL(url, globalThis.location?.href);
  if (query.query) target.searchParams.set('q', query.query);
  if (query.cursor) target.searchParams.set('cursor', query.cursor);
  if (query.limit) target.searchParams.set('limit', String(query.limit));
  const response = await fetchOrLost(doFetch, String(target), { method: 'GET', headers: headersFor(headers, false), signal });
  const body = (await readAnswer(response)) as { items?: unknown; next?: unknown } | null;
  if (!Array.isArray(body?.items)) throw unexpected(response, 'its answer had no "items" list');
  return { items: body.items.map(listItem), next: typeof body.next === 'string' && body.next ? body.next : null };
}

/** A list entry as the blocked list takes it: the relay's `phone` is the customer's id. */
function listItem(raw: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    id: String(raw.id ?? raw.phone),
    name: text(raw.name),
    reason: text(raw.reason),
    until: text(raw.until),
    by: text(raw.by),
    at: text(raw.at),
    revision: typeof raw.revision === 'number' ? raw.revision : null,
  };
}

/** `fetch`, with a failed connection told apart from the agent's or the timeout's abort. */
async function fetchOrLost(doFetch: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await doFetch(url, { ...init, redirect: 'manual' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    // Refused, reset or dropped: a POST may have reached the server before the connection failed.
    throw connectionLost(error);
  }
}

/**
 * What a 2xx means: it is the API's answer when its type is JSON (whatever the body; a 201
 * whose body does not parse still accepted the change) or when it is empty or parses as
 * JSON. Anything else, an HTML page above all (a login form, a captive portal), is some
 * other server's. Fulfils the parsed body, or null.
 */
async function readAnswer(response: Response): Promise<unknown> {
  if (response.type === 'opaqueredirect' || response.redirected || (response.status >= 300 && response.status < 400)) {
    throw unexpected(response, 'it redirected the request (an expired sign-in?)');
  }
  if (!response.ok) throw errorFor(response.status, await readMessage(response));
  const type = response.headers.get('Content-Type') ?? '';
  const body = await response.text().catch(() => '');
  const parsed = parseJson(body);
  if (isJsonType(type)) return parsed === undefined ? null : parsed;
  if (body.trim() === '') return null;
  if (parsed !== undefined && !/^text\/html\b/i.test(type)) return parsed;
  throw unexpected(response, /^text\/html\b/i.test(type) ? 'it answered a web page' : `it answered ${type || 'something'} that is not JSON`);
}

/** `application/json`, `application/problem+json` and friends, with any parameters. */
function isJsonType(type: string): boolean {
  return /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type.trim());
}

/** The metadata fields that have a value (an absent field, not `null`, for "none"). */
function withoutNulls(metadata: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== null)) as Record<string, string>;
}

function unexpected(response: Response, why: string): ChatBackendError {
  return new ChatBackendError(
    'unexpected-response',
    `The server's answer was not the chat API's (${why}), so the change is not confirmed. Sign in again or reload the page, then retry.`,
    { status: response.status || undefined },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFor(status: number, serverMessage: string): ChatBackendError {
  const detail = serverMessage ? ` (${serverMessage})` : '';
  switch (status) {
    case 400:
      // The reference API's 400 is about the phone; a relay's may be about another field.
      return /phone/i.test(serverMessage) || !serverMessage
        ? new ChatBackendError('invalid-phone', `The server rejected the phone number${detail}.`, { status })
        : new ChatBackendError('invalid-request', `The server rejected the request${detail}.`, { status });
    case 401:
    case 403:
      return new ChatBackendError('unauthorized', `Not authorized: the server refused the request${detail}.`, { status });
    case 404:
      return new ChatBackendError('invalid-customer', `The server does not know this customer${detail}.`, { status });
    case 409:
      return new ChatBackendError('server', `The server is still working on this change${detail}. Try again in a moment.`, { status, unconfirmed: true });
    case 429:
      return new ChatBackendError('server', `Too many requests${detail}. Wait a moment, then try again.`, { status });
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
