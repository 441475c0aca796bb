/**
 * The events the elements fire. All bubble and are composed, so a listener on
 * `document` (or any ancestor, across shadow roots) hears them.
 */

export type BlockAction = 'block' | 'unblock';

/** Who is being blocked: `id` is what the backend knows (for the reference API, the phone number). */
export interface CustomerRef {
  id: string;
  name: string;
}

/**
 * Optional facts about a block. They travel in events and live in the store; the host
 * persists them where it wants (the reference API has no place for them).
 */
export interface BlockMetadata {
  /** Why: a reason's value, or the agent's own words. */
  readonly reason: string | null;
  /** When a timed block ends (ISO 8601). */
  readonly until: string | null;
  /** Who made the change, as the host names its agents. */
  readonly by: string | null;
  /** When the change was made (ISO 8601). */
  readonly at: string | null;
}

/** The request's detail; frozen, so a listener cannot retarget it to another customer. */
export interface BlockRequestDetail {
  readonly customer: Readonly<CustomerRef>;
  readonly action: BlockAction;
  /** The reason the agent chose in the dialog, if the host asked for one; null otherwise. */
  readonly reason: string | null;
  /** For a timed block: when it ends (ISO 8601); null for "until unblocked" and for unblocks. */
  readonly until: string | null;
  /**
   * Aborted when the request will not go ahead: a listener called `preventDefault()`
   * or threw, the agent pressed Cancel, it timed out, or another `waitUntil` promise
   * rejected. Pass it to `fetch`.
   */
  readonly signal: AbortSignal;
  /**
   * A key unique to this change (a UUID). A Retry of a request whose outcome was not
   * confirmed reuses it, so a server that saw the first attempt can answer its result
   * instead of acting twice: send it as the `Idempotency-Key` header (`fetchBackend` does).
   */
  readonly idempotencyKey: string;
  /**
   * Keeps the request pending until `promise` settles: fulfilled → the change is
   * applied; rejected → it is rolled back and `chat-block-error` fires.
   * Call it synchronously inside the listener. `preventDefault()` wins over it.
   * A promise may fulfil with `{ by, at }` to record who made the change and when.
   */
  readonly waitUntil: (promise: Promise<unknown>) => void;
}

/** An event with a typed, frozen `detail`, bubbling and composed like every event of the library. */
class ChatEvent<T> extends Event {
  readonly detail: T;
  constructor(type: string, detail: T, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = Object.freeze(detail);
  }
}

/** A fresh `Idempotency-Key` value; a UUID where the page has `crypto.randomUUID` (secure contexts). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** @internal Where a request event keeps the promises handed to `waitUntil`. */
export const PENDING = Symbol('pending');

/**
 * `chat-block-request` / `chat-unblock-request`: the agent confirmed. Works like a
 * default action: `preventDefault()` cancels it, `detail.waitUntil(p)` defers it.
 */
export class ChatBlockRequestEvent extends ChatEvent<BlockRequestDetail> {
  /** @internal the promises handed to `waitUntil` while the event was dispatched. */
  readonly [PENDING]: Promise<unknown>[];

  constructor(
    customer: CustomerRef,
    action: BlockAction,
    signal: AbortSignal,
    {
      reason = null,
      until = null,
      idempotencyKey = newIdempotencyKey(),
    }: { reason?: string | null; until?: string | null; idempotencyKey?: string } = {},
  ) {
    const pending: Promise<unknown>[] = [];
    let event: Event | undefined;
    const waitUntil = (promise: Promise<unknown>) => {
      if (!event?.eventPhase) {
        throw new DOMException(
          'waitUntil() must be called synchronously while the request event is being dispatched.',
          'InvalidStateError',
        );
      }
      pending.push(Promise.resolve(promise));
    };
    const detail = { customer: Object.freeze({ ...customer }), action, reason, until, signal, idempotencyKey, waitUntil };
    super(action === 'block' ? 'chat-block-request' : 'chat-unblock-request', detail, true);
    event = this;
    this[PENDING] = pending;
  }
}

export interface BlockChangeDetail extends BlockMetadata {
  readonly customer: Readonly<CustomerRef>;
  readonly blocked: boolean;
  /** The server's revision of this change, when its answer carried one (a relay's does); else null. */
  readonly revision: number | null;
}

/** `chat-block-change`: the backend accepted and the customer's state changed. */
export class ChatBlockChangeEvent extends ChatEvent<BlockChangeDetail> {
  constructor(detail: BlockChangeDetail) {
    super('chat-block-change', detail);
  }
}

/**
 * How a request that did not succeed ended: `refused` (the backend said no, or a listener
 * threw: the old state stands) or `unconfirmed` (it may have reached the server but no answer
 * said what happened: a timeout, a lost connection, Cancel while it was under way).
 */
export type BlockFailure = 'refused' | 'unconfirmed';

export interface BlockErrorDetail {
  readonly customer: Readonly<CustomerRef>;
  readonly action: BlockAction;
  /** Always an `Error` with a message an agent can read (a `ChatBackendError` from the helpers). */
  readonly error: Error;
  /**
   * `refused`: rolled back, the old state stands. `unconfirmed`: the change may have been
   * made; the store marks it (`state.unconfirmed`) and reads the truth back if it can.
   */
  readonly outcome: BlockFailure;
}

/**
 * `chat-block-error`: the request did not succeed. `detail.outcome` says whether it was
 * refused (rolled back) or is unconfirmed (it may have been applied).
 */
export class ChatBlockErrorEvent extends ChatEvent<BlockErrorDetail> {
  constructor(detail: BlockErrorDetail) {
    super('chat-block-error', detail);
  }
}

export interface BlockExpiredDetail {
  readonly customer: { readonly id: string };
  /** The end of the timed block that has passed (ISO 8601). */
  readonly until: string;
}

/**
 * `chat-block-expired`, fired by the store (`blockStore.addEventListener(...)`) when a
 * timed block's `until` passes while the page is open. The library sends nothing by
 * itself: the host decides whether to unblock.
 */
export class ChatBlockExpiredEvent extends ChatEvent<BlockExpiredDetail> {
  constructor(detail: BlockExpiredDetail) {
    super('chat-block-expired', detail);
  }
}

/** `chat-menu-select`: the agent chose one of the host's own `<chat-menu-item>`s. */
export class ChatMenuSelectEvent extends ChatEvent<{ value: string; item: Element }> {
  constructor(value: string, item: Element) {
    super('chat-menu-select', { value, item });
  }
}

/** `chat-confirm` / `chat-cancel`: a declarative `<chat-confirm-dialog>` was answered. */
export class ChatDialogEvent extends Event {
  constructor(type: 'chat-confirm' | 'chat-cancel') {
    super(type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-block-request': ChatBlockRequestEvent;
    'chat-unblock-request': ChatBlockRequestEvent;
    'chat-block-change': ChatBlockChangeEvent;
    'chat-block-error': ChatBlockErrorEvent;
    'chat-menu-select': ChatMenuSelectEvent;
    'chat-confirm': ChatDialogEvent;
    'chat-cancel': ChatDialogEvent;
  }
}
