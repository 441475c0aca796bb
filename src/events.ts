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

export interface BlockRequestDetail {
  customer: CustomerRef;
  action: BlockAction;
  /** Aborted when the agent cancels or the request times out: pass it to `fetch`. */
  signal: AbortSignal;
  /**
   * Keeps the request pending until `promise` settles: fulfilled → the change is
   * applied; rejected → it is rolled back and `chat-block-error` fires.
   * Call it synchronously inside the listener.
   */
  waitUntil(promise: Promise<unknown>): void;
}

/** An event with a typed `detail`, bubbling and composed like every event of the library. */
class ChatEvent<T> extends Event {
  readonly detail: T;
  constructor(type: string, detail: T, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}

/**
 * `chat-block-request` / `chat-unblock-request`: the agent confirmed. Works like a
 * default action: `preventDefault()` cancels it, `detail.waitUntil(p)` defers it.
 */
export class ChatBlockRequestEvent extends ChatEvent<BlockRequestDetail> {
  /** @internal the promises handed to `waitUntil` while the event was dispatched. */
  readonly pending: Promise<unknown>[];

  constructor(customer: CustomerRef, action: BlockAction, signal: AbortSignal) {
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
    super(action === 'block' ? 'chat-block-request' : 'chat-unblock-request', { customer, action, signal, waitUntil }, true);
    event = this;
    this.pending = pending;
  }
}

export interface BlockChangeDetail {
  customer: CustomerRef;
  blocked: boolean;
}

/** `chat-block-change`: the backend accepted and the customer's state changed. */
export class ChatBlockChangeEvent extends ChatEvent<BlockChangeDetail> {
  constructor(detail: BlockChangeDetail) {
    super('chat-block-change', detail);
  }
}

export interface BlockErrorDetail {
  customer: CustomerRef;
  action: BlockAction;
  error: Error;
}

/** `chat-block-error`: the backend refused or timed out; the state was rolled back. */
export class ChatBlockErrorEvent extends ChatEvent<BlockErrorDetail> {
  constructor(detail: BlockErrorDetail) {
    super('chat-block-error', detail);
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
