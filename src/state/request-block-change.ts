import {
  ChatBlockChangeEvent,
  ChatBlockErrorEvent,
  ChatBlockRequestEvent,
  PENDING,
  type BlockAction,
  type BlockMetadata,
  type CustomerRef,
} from '../events.js';
import { ChatBackendError, toError } from '../backend/errors.js';
import { LIFECYCLE, toIsoTime, type BlockStore } from './block-store.js';
import { displayName, requireCustomerId } from './customer-id.js';

/** How a request ended when it did not throw. */
export type RequestOutcome = 'applied' | 'cancelled' | 'busy';

/** What a request may carry besides the customer and the action. */
export interface RequestOptions {
  /** The agent's Cancel: aborts the signal handed to the host. */
  signal?: AbortSignal;
  /** Why (blocks only): travels in `detail.reason` and lands in the store. */
  reason?: string | null;
  /** When a timed block ends (blocks only; a Date or ISO 8601, in the future). */
  until?: string | Date | null;
}

let hinted = false;

/**
 * The request lifecycle, shared by every element: fire the request event from
 * `target`, decide once its dispatch has completed, then apply or roll back in
 * the store and fire `chat-block-change` or `chat-block-error`.
 *
 * The request is the store's, not the element's: it finishes whatever happens to
 * `target`. Outcome events fire on `target` while it is in the document, else on
 * the document it was in when the request started.
 *
 * Resolves `'busy'` when a request for this customer already runs,
 * `'cancelled'` when a listener called `preventDefault()` (nothing is sent:
 * `detail.signal` aborts before any deferred work starts), `'applied'` when the
 * backend accepted. Rejects with a readable `Error` after rolling back when the
 * backend refused, timed out, or a listener threw. `options.signal` (the dialog's
 * Cancel; an `AbortSignal` may be passed directly) aborts the signal handed to the
 * host; a request that then rejects is rolled back quietly: no error state, no
 * `chat-block-error`. A block may carry `reason` and `until`.
 */
export async function requestBlockChange(
  target: EventTarget,
  store: BlockStore,
  customer: CustomerRef,
  action: BlockAction,
  options: AbortSignal | RequestOptions = {},
): Promise<RequestOutcome> {
  const id = requireCustomerId(customer?.id, 'requestBlockChange()');
  const ref: CustomerRef = Object.freeze({ id, name: displayName(customer.name, id) });
  const { signal, reason, until } = readOptions(options, action);
  // Cancelled before it started (e.g. the agent already pressed Cancel): nothing to do.
  if (signal?.aborted) return 'cancelled';
  const lifecycle = store[LIFECYCLE];
  if (!lifecycle.begin(id, action)) return 'busy';
  const controller = new AbortController();
  const agentCancel = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', agentCancel, { once: true });
  const home = homeOf(target);
  const fire = (event: Event) => void ((target as Node).isConnected === false && home ? home : target).dispatchEvent(event);
  try {
    const event = new ChatBlockRequestEvent(ref, action, controller.signal, { reason, until });
    const thrown = dispatchCatching(target, event);
    // Decided now that every listener has run: a later preventDefault() wins over an earlier waitUntil().
    if (event.defaultPrevented || thrown !== NOTHING) {
      // Work already handed to waitUntil() sees the abort; nobody waits for it any more.
      for (const promise of event[PENDING]) promise.catch(() => {});
    }
    if (event.defaultPrevented) {
      controller.abort(new DOMException(`A ${event.type} listener cancelled the request.`, 'AbortError'));
      lifecycle.abandon(id);
      return 'cancelled';
    }
    if (thrown !== NOTHING) throw listenerError(thrown);
    const pending = event[PENDING];
    if (pending.length === 0) hintLocalOnly(action);
    const answers = await Promise.all(pending);
    const meta = { reason, until, ...whoAndWhen(answers) };
    lifecycle.settle(id, action, meta);
    fire(new ChatBlockChangeEvent({ customer: ref, blocked: action === 'block', ...meta }));
    return 'applied';
  } catch (thrown) {
    const error = toError(thrown);
    // Whatever else still runs for this request (another waitUntil, a timer) stops here.
    if (!controller.signal.aborted) controller.abort(error);
    if (signal?.aborted) {
      // The agent cancelled: not a backend failure, so no error state and no error event.
      lifecycle.abandon(id);
    } else {
      lifecycle.fail(ref, action, error, { reason, until });
      fire(new ChatBlockErrorEvent({ customer: ref, action, error }));
    }
    throw error;
  } finally {
    signal?.removeEventListener('abort', agentCancel);
  }
}

function readOptions(options: AbortSignal | RequestOptions, action: BlockAction) {
  if (typeof AbortSignal !== 'undefined' && options instanceof AbortSignal) return { signal: options, reason: null, until: null };
  const { signal, reason, until } = (options ?? {}) as RequestOptions;
  if (reason !== undefined && reason !== null && typeof reason !== 'string') {
    throw new TypeError(`requestBlockChange(): reason must be a string (got ${typeof reason}).`);
  }
  const end = toIsoTime(until, 'requestBlockChange(): until');
  if (end !== null && action === 'block' && Date.parse(end) <= Date.now()) {
    throw new TypeError(`requestBlockChange(): until must be in the future (got ${end}).`);
  }
  // An unblock ends a block: it carries no reason or end of its own.
  return action === 'block'
    ? { signal, reason: reason?.trim() || null, until: end }
    : { signal, reason: null, until: null };
}

/** Who and when, from what the host's promises fulfilled with (`{ by, at }`), else now and nobody. */
function whoAndWhen(answers: unknown[]): Pick<BlockMetadata, 'by' | 'at'> {
  let by: string | null = null;
  let at: string | null = null;
  for (const answer of answers) {
    const a = answer as { by?: unknown; at?: unknown } | null;
    if (typeof a?.by === 'string' && a.by) by = a.by;
    if (typeof a?.at === 'string' && !Number.isNaN(Date.parse(a.at))) at = new Date(a.at).toISOString();
  }
  return { by, at: at ?? new Date().toISOString() };
}

/** The document `target` is in now, where outcome events go if it leaves. */
function homeOf(target: EventTarget): Document | null {
  const root = (target as Node).getRootNode?.({ composed: true });
  return root && 'defaultView' in root ? (root as Document) : null;
}

const NOTHING = Symbol('nothing thrown');

/**
 * Dispatches `event` and returns what the first throwing listener threw. Listener
 * exceptions never reach the dispatcher: the browser reports them on the window,
 * synchronously, where this catches (and still lets them be reported).
 */
function dispatchCatching(target: EventTarget, event: Event): unknown {
  let thrown: unknown = NOTHING;
  const onError = (e: ErrorEvent) => {
    if (thrown === NOTHING) thrown = e.error ?? e.message;
  };
  const global = typeof window === 'undefined' ? null : window;
  global?.addEventListener('error', onError);
  try {
    target.dispatchEvent(event);
  } finally {
    global?.removeEventListener('error', onError);
  }
  return thrown;
}

function listenerError(thrown: unknown): ChatBackendError {
  const why = toError(thrown).message;
  return new ChatBackendError('listener', `Something on this page failed before the request was sent (${why}). Nothing was changed.`, {
    cause: thrown,
  });
}

function hintLocalOnly(action: BlockAction): void {
  if (hinted) return;
  hinted = true;
  console.info(
    `chat-block-elements: no backend answered the ${action} request, so it was applied locally only. ` +
      'Call event.detail.waitUntil(promise) in a chat-block-request listener, or use connectBackend().',
  );
}
