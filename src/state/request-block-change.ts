import {
  ChatBlockChangeEvent,
  ChatBlockErrorEvent,
  ChatBlockRequestEvent,
  type BlockAction,
  type CustomerRef,
} from '../events.js';
import type { BlockStore } from './block-store.js';

/** How a request ended when it did not throw. */
export type RequestOutcome = 'applied' | 'cancelled' | 'busy';

let hinted = false;

/**
 * The request lifecycle, shared by every element: fire the request event from
 * `target`, let the host cancel or defer it, then apply or roll back in the
 * store and fire `chat-block-change` or `chat-block-error`.
 *
 * Resolves `'busy'` when a request for this customer already runs,
 * `'cancelled'` when a listener called `preventDefault()`, `'applied'` when the
 * backend accepted. Rejects with the backend's error after rolling back.
 * `signal` (e.g. the dialog's Cancel) aborts the signal handed to the host; a
 * request that then rejects is rolled back quietly: no error state, no `chat-block-error`.
 */
export async function requestBlockChange(
  target: EventTarget,
  store: BlockStore,
  customer: CustomerRef,
  action: BlockAction,
  signal?: AbortSignal,
): Promise<RequestOutcome> {
  // Cancelled before it started (e.g. the agent already pressed Cancel): nothing to do.
  if (signal?.aborted) return 'cancelled';
  if (!store.begin(customer.id, action)) return 'busy';
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  const blocked = action === 'block';
  try {
    const event = new ChatBlockRequestEvent(customer, action, controller.signal);
    target.dispatchEvent(event);
    if (event.defaultPrevented) {
      store.abandon(customer.id);
      return 'cancelled';
    }
    if (event.pending.length === 0) {
      hintLocalOnly(action);
    } else {
      await Promise.all(event.pending);
    }
    store.settle(customer.id, blocked);
    target.dispatchEvent(new ChatBlockChangeEvent({ customer, blocked }));
    return 'applied';
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    if (signal?.aborted) {
      // The agent cancelled: not a backend failure, so no error state and no error event.
      store.abandon(customer.id);
    } else {
      store.fail(customer.id, customer, action, error);
      target.dispatchEvent(new ChatBlockErrorEvent({ customer, action, error }));
    }
    throw error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

function hintLocalOnly(action: BlockAction): void {
  if (hinted) return;
  hinted = true;
  console.info(
    `chat-block-elements: no backend answered the ${action} request, so it was applied locally only. ` +
      'Call event.detail.waitUntil(promise) in a chat-block-request listener, or use connectBackend().',
  );
}
