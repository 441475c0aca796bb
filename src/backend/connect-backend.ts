import type { ChatBlockRequestEvent, CustomerRef } from '../events.js';
import { ChatBackendError } from './errors.js';

/** What a block asked for besides the customer (both null for an unblock). */
export interface BackendRequest {
  reason: string | null;
  until: string | null;
}

/**
 * Does the real work for one customer; reject to roll the change back. It may
 * fulfil with `{ by, at }` to record who made the change and when.
 */
export type BackendCall = (customer: CustomerRef, signal: AbortSignal, request?: BackendRequest) => Promise<unknown>;

export interface Backend {
  block: BackendCall;
  unblock: BackendCall;
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
  { timeoutMs = 15000 }: ConnectBackendOptions = {},
): () => void {
  if (typeof backend?.block !== 'function' || typeof backend?.unblock !== 'function') {
    throw new TypeError('connectBackend: the backend needs block(customer, signal) and unblock(customer, signal) functions.');
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
    const request = { reason: detail.reason, until: detail.until };
    const call = Promise.resolve().then(() => callWithTimeout(backend[detail.action], detail.customer, detail.signal, request, timeoutMs));
    detail.waitUntil(call);
  };
  root.addEventListener('chat-block-request', onRequest);
  root.addEventListener('chat-unblock-request', onRequest);
  return () => {
    root.removeEventListener('chat-block-request', onRequest);
    root.removeEventListener('chat-unblock-request', onRequest);
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
  // Settles on abort even when `call` ignores its signal, so nothing hangs.
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(abortError(signal.reason, timeoutMs));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  if (signal.aborted) return aborted;
  try {
    return await Promise.race([call(customer, signal, request), aborted]);
  } catch (error) {
    throw signal.aborted ? abortError(signal.reason, timeoutMs) : error;
  }
}

function abortError(reason: unknown, timeoutMs: number): ChatBackendError {
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new ChatBackendError('timeout', `The server did not answer within ${formatSeconds(timeoutMs)} s. Try again.`, {
      cause: reason,
    });
  }
  return new ChatBackendError('aborted', 'The request was cancelled.', { cause: reason });
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
