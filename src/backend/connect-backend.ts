import { newIdempotencyKey, type ChatBlockRequestEvent, type CustomerRef } from '../events.js';
import { ChatBackendError } from './errors.js';
import { LIFECYCLE, type BlockStore } from '../state/block-store.js';
import { blockStore } from '../state/page-store.js';
import type { StatusReader } from '../state/status-check.js';

/** What a request asked for besides the customer (`reason` and `until` are null for an unblock). */
export interface BackendRequest {
  reason: string | null;
  until: string | null;
  /**
   * Unique to the change (`connectBackend` always passes it); a Retry of an unconfirmed one
   * sends it again. Send it as the `Idempotency-Key` header.
   */
  idempotencyKey?: string;
}

/**
 * Does the real work for one customer; reject to roll the change back. It may fulfil with
 * `{ by, at }` to record who made the change and when, or with the server's whole state after
 * it (`{ blocked, reason, until, by, at, revision }`). Reject with a `ChatBackendError` whose
 * `unconfirmed` is true when the change may have been made all the same.
 */
export type BackendCall = (customer: CustomerRef, signal: AbortSignal, request?: BackendRequest) => Promise<unknown>;

export interface Backend {
  block: BackendCall;
  unblock: BackendCall;
  /**
   * Optional: reads what the server says of one customer, fulfilling a `ServerBlockState`
   * (`{ blocked, reason, until, by, at, revision }`). With it, the store reads the truth
   * back after an unconfirmed outcome, and `blockStore.refresh(id)` works.
   */
  status?: StatusReader;
}

// Shared by every copy of the library on the page, so nested or duplicate
// connectBackend() calls answer a request once.
const ANSWERED = Symbol.for('chat-block-elements.answered');

export interface ConnectBackendOptions {
  /**
   * After this long the call is aborted (so is `detail.signal`) and the change rolled
   * back. Default 15000; `0` or `Infinity` wait forever.
   */
  timeoutMs?: number;
  /** The store that reads through `backend.status` (default: the page's `blockStore`). */
  store?: BlockStore;
}

/**
 * Answers every `chat-block-request` and `chat-unblock-request` fired under
 * `root` with `backend.block` / `backend.unblock`, through `waitUntil`, with
 * an `AbortSignal` that fires on cancel or after `timeoutMs`. The call starts
 * only once the event's dispatch is over, so a later listener's
 * `preventDefault()` means nothing is sent. Returns `disconnect()`.
 */
export function connectBackend(
  root: EventTarget = document,
  backend: Backend,
  { timeoutMs = 15000, store = blockStore }: ConnectBackendOptions = {},
): () => void {
  if (typeof backend?.block !== 'function' || typeof backend?.unblock !== 'function') {
    throw new TypeError('connectBackend: the backend needs block(customer, signal) and unblock(customer, signal) functions.');
  }
  if (backend.status !== undefined && typeof backend.status !== 'function') {
    throw new TypeError('connectBackend: the backend\'s status must be a function status(customer, signal), or left out.');
  }
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new TypeError(`connectBackend: timeoutMs must be a number of milliseconds ≥ 0, or Infinity (got ${String(timeoutMs)}).`);
  }
  const onRequest = (event: Event) => {
    const marked = event as Event & { [ANSWERED]?: true };
    // A nested connectBackend() closer to the element has answered already: call the backend once.
    if (event.defaultPrevented || marked[ANSWERED]) return;
    Object.defineProperty(marked, ANSWERED, { value: true });
    const { detail } = event as ChatBlockRequestEvent;
    // A microtask later, the request has been decided: if a listener cancelled it, the signal is aborted.
    // An older copy's event has no key: one per request all the same.
    const request = { reason: detail.reason, until: detail.until, idempotencyKey: detail.idempotencyKey ?? newIdempotencyKey() };
    const call = Promise.resolve().then(() => callWithTimeout(backend[detail.action], detail.customer, detail.signal, request, timeoutMs));
    detail.waitUntil(call);
  };
  root.addEventListener('chat-block-request', onRequest);
  root.addEventListener('chat-unblock-request', onRequest);
  const status = backend.status;
  const stopReading = status ? store[LIFECYCLE].addReader?.((customer, signal) => status.call(backend, customer, signal)) : undefined;
  return () => {
    root.removeEventListener('chat-block-request', onRequest);
    root.removeEventListener('chat-unblock-request', onRequest);
    stopReading?.();
  };
}

async function callWithTimeout(
  call: BackendCall,
  customer: CustomerRef,
  cancel: AbortSignal,
  request: BackendRequest,
  timeoutMs: number,
) {
  const signals = [cancel];
  if (timeoutMs > 0 && Number.isFinite(timeoutMs)) signals.push(AbortSignal.timeout(timeoutMs));
  const signal = AbortSignal.any(signals);
  // Once `call` has been made, an abort leaves the outcome unknown: it may have reached the server.
  let called = false;
  // Settles on abort even when `call` ignores its signal, so nothing hangs.
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(abortError(signal.reason, timeoutMs, called));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  if (signal.aborted) return aborted;
  try {
    called = true;
    return await Promise.race([call(customer, signal, request), aborted]);
  } catch (error) {
    // The backend's own verdict wins when it has one (a refusal that came before the abort).
    if (signal.aborted && !(error instanceof ChatBackendError && error.code !== 'aborted')) throw abortError(signal.reason, timeoutMs, called);
    throw error;
  }
}

function abortError(reason: unknown, timeoutMs: number, called: boolean): ChatBackendError {
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new ChatBackendError('timeout', `The server did not answer within ${formatSeconds(timeoutMs)} s, so the change is not confirmed.`, {
      cause: reason,
      unconfirmed: called,
    });
  }
  return new ChatBackendError('aborted', 'The request was cancelled.', { cause: reason, unconfirmed: called });
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
