import {
  ChatBlockChangeEvent,
  ChatBlockErrorEvent,
  ChatBlockRequestEvent,
  newIdempotencyKey,
  PENDING,
  type BlockAction,
  type BlockMetadata,
  type CustomerRef,
} from '../events.js';
import { ChatBackendError, mayHaveLanded, toError } from '../backend/errors.js';
import { LIFECYCLE, toIsoTime, type BlockStore } from './block-store.js';
import { displayName, requireCustomerId } from './customer-id.js';
import { readServerState, type ServerFact } from './server-state.js';

/**
 * How a request ended when it did not throw: `unconfirmed` when it may have reached the
 * server but no answer said what it did (the store marks it and reads the truth back).
 */
export type RequestOutcome = 'applied' | 'cancelled' | 'busy' | 'unconfirmed';

/** What a request may carry besides the customer and the action. */
export interface RequestOptions {
  /** The agent's Cancel: aborts the signal handed to the host. */
  signal?: AbortSignal;
  /** Why (blocks only): travels in `detail.reason` and lands in the store. */
  reason?: string | null;
  /** When a timed block ends (blocks only; a Date or ISO 8601, in the future). */
  until?: string | Date | null;
  /**
   * The `Idempotency-Key` to send. By default a new one, except that a request repeating
   * the customer's unconfirmed one (same action, reason and end) reuses that one's key.
   */
  idempotencyKey?: string;
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
 * backend accepted, `'unconfirmed'` when it may have reached the server but no answer
 * said what it did (a timeout, a lost connection, Cancel once under way): the store marks
 * it, `chat-block-error` fires with `outcome: 'unconfirmed'`, and a connected `status()`
 * reads the truth back. Rejects with a readable `Error` after rolling back when the
 * backend refused or a listener threw. `options.signal` (the dialog's Cancel; an
 * `AbortSignal` may be passed directly) aborts the signal handed to the host; a request
 * cancelled before anything was under way ends quietly: no error state, no
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
  const { signal, reason, until, idempotencyKey } = readOptions(options, action);
  // Cancelled before it started (e.g. the agent already pressed Cancel): nothing to do.
  if (signal?.aborted) return 'cancelled';
  const lifecycle = store[LIFECYCLE];
  const key = idempotencyKey ?? retriedKey(store, id, action, reason, until) ?? newIdempotencyKey();
  if (!lifecycle.begin(id, action)) return 'busy';
  const controller = new AbortController();
  const agentCancel = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', agentCancel, { once: true });
  const home = homeOf(target);
  const fire = (event: Event) => void ((target as Node).isConnected === false && home ? home : target).dispatchEvent(event);
  // Whether the request was handed to a backend: from then on, a lost answer is not a refusal.
  let underWay = false;
  try {
    const event = new ChatBlockRequestEvent(ref, action, controller.signal, { reason, until, idempotencyKey: key });
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
    underWay = pending.length > 0;
    const answers = await Promise.all(pending);
    const fact = serverFact(answers, ref);
    const meta = fact ? fact.meta : { reason, until, ...whoAndWhen(answers) };
    lifecycle.settle(id, action, meta, fact);
    const blocked = fact ? fact.blocked : action === 'block';
    fire(new ChatBlockChangeEvent({ customer: ref, blocked, ...meta, revision: fact?.revision ?? null }));
    return 'applied';
  } catch (thrown) {
    const error = toError(thrown);
    // Whatever else still runs for this request (another waitUntil, a timer) stops here.
    if (!controller.signal.aborted) controller.abort(error);
    if (underWay && mayHaveLanded(thrown, underWay) && typeof lifecycle.unconfirm === 'function') {
      // It may have been applied: not a refusal, and not a quiet cancel either.
      lifecycle.unconfirm({
        action,
        since: Date.now(),
        error: unconfirmedError(error, action, !!signal?.aborted),
        customer: ref,
        reason,
        until,
        idempotencyKey: key,
        by: null,
      });
      fire(new ChatBlockErrorEvent({ customer: ref, action, error, outcome: 'unconfirmed' }));
      return 'unconfirmed';
    }
    if (signal?.aborted) {
      // The agent cancelled before anything was under way: no error state and no error event.
      lifecycle.abandon(id);
    } else {
      lifecycle.fail(ref, action, error, { reason, until });
      fire(new ChatBlockErrorEvent({ customer: ref, action, error, outcome: 'refused' }));
    }
    throw error;
  } finally {
    signal?.removeEventListener('abort', agentCancel);
  }
}

function readOptions(options: AbortSignal | RequestOptions, action: BlockAction) {
  if (typeof AbortSignal !== 'undefined' && options instanceof AbortSignal) {
    return { signal: options, reason: null, until: null, idempotencyKey: undefined };
  }
  const { signal, reason, until, idempotencyKey } = (options ?? {}) as RequestOptions;
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey))) {
    throw new TypeError(`requestBlockChange(): idempotencyKey must be 1 to 255 visible ASCII characters (got ${JSON.stringify(idempotencyKey)}).`);
  }
  if (reason !== undefined && reason !== null && typeof reason !== 'string') {
    throw new TypeError(`requestBlockChange(): reason must be a string (got ${typeof reason}).`);
  }
  const end = toIsoTime(until, 'requestBlockChange(): until');
  if (end !== null && action === 'block' && Date.parse(end) <= Date.now()) {
    throw new TypeError(`requestBlockChange(): until must be in the future (got ${end}).`);
  }
  // An unblock ends a block: it carries no reason or end of its own.
  return action === 'block'
    ? { signal, reason: reason?.trim() || null, until: end, idempotencyKey }
    : { signal, reason: null, until: null, idempotencyKey };
}

/** The key of the customer's unconfirmed request when this one repeats it (same action, reason and end). */
function retriedKey(store: BlockStore, id: string, action: BlockAction, reason: string | null, until: string | null): string | null {
  const last = store.get(id).unconfirmed;
  return last && last.action === action && last.reason === reason && last.until === until ? last.idempotencyKey : null;
}

/** The server's own statement of the state after the change, when an answer carried one (`{ blocked, …, revision }`). */
function serverFact(answers: unknown[], customer: CustomerRef): ServerFact | null {
  for (const answer of answers) {
    const a = answer as { blocked?: unknown; revision?: unknown } | null;
    if (typeof a?.blocked !== 'boolean' || typeof a.revision !== 'number') continue;
    try {
      return readServerState(a, customer.id, customer.name);
    } catch {
      // Not a state after all: the answer still counts, as any other fulfilled promise.
    }
  }
  return null;
}

/** What an unconfirmed outcome says: the backend's message, or why Cancel leaves it open. */
function unconfirmedError(error: Error, action: BlockAction, cancelled: boolean): Error {
  if (!cancelled || (error as { code?: unknown }).code === 'unconfirmed') return error;
  const what = action === 'block' ? 'block' : 'unblock';
  return new ChatBackendError('aborted', `Cancelled after the ${what} was sent, so it may have been made.`, {
    cause: error,
    unconfirmed: true,
  });
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
