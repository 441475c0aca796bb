/** Why a request failed, for hosts that want to react per cause. */
export type BackendErrorCode =
  | 'invalid-customer'
  | 'invalid-phone'
  | 'invalid-request'
  | 'unauthorized'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'server'
  | 'unexpected-response'
  | 'unconfirmed'
  | 'listener'
  | 'unknown';

/** What a `ChatBackendError` may say besides its code and message. */
export interface ChatBackendErrorOptions {
  status?: number;
  cause?: unknown;
  /**
   * True when the request may have reached the server but no answer said what it did (a
   * timeout, a connection lost after sending, a `202` from a relay still trying): the change
   * is not confirmed, and the store reads the truth back. False (the default): a definite refusal.
   */
  unconfirmed?: boolean;
}

/** An error from a backend helper or the request lifecycle, with a message an agent can read. */
export class ChatBackendError extends Error {
  override name = 'ChatBackendError';
  readonly code: BackendErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** The request may have been applied: nobody knows yet (see `ChatBackendErrorOptions.unconfirmed`). */
  readonly unconfirmed: boolean;

  constructor(code: BackendErrorCode, message: string, options: ChatBackendErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.unconfirmed = options.unconfirmed === true;
  }
}

const GENERIC = "The change couldn't be made. Try again.";

/**
 * Whatever a host's promise rejected with, as an `Error` an agent can read:
 * an `Error` with a message stays as it is; a `{message}` object or a string
 * becomes its text; `undefined`, `null` or an empty message get a generic text.
 */
export function toError(value: unknown): Error {
  if (value instanceof Error && value.message.trim() !== '') return value;
  const message =
    typeof value === 'string'
      ? value
      : typeof (value as { message?: unknown } | null)?.message === 'string'
        ? (value as { message: string }).message
        : '';
  return new ChatBackendError('unknown', message.trim() || GENERIC, { cause: value });
}

/** The code that sends the request could not be loaded: nothing was sent. */
export function unreachable(cause: unknown): ChatBackendError {
  return new ChatBackendError('network', "Couldn't reach the server. Check the connection and try again.", { cause });
}

/**
 * The connection failed once the request had left (refused, reset, dropped): the server may
 * have made the change, so it is not a refusal.
 */
export function connectionLost(cause: unknown): ChatBackendError {
  return new ChatBackendError('network', "The connection failed before the server answered, so the change is not confirmed.", {
    cause,
    unconfirmed: true,
  });
}

/**
 * Whether a request that failed with `error` may still have been applied. A `ChatBackendError`
 * (of any copy of the library) says so itself; another error counts as unconfirmed only when
 * the request was under way and the error is an abort or a timeout (a host's own `fetch`
 * cancelled mid-flight).
 */
export function mayHaveLanded(error: unknown, underWay: boolean): boolean {
  const said = (error as { unconfirmed?: unknown } | null)?.unconfirmed;
  if (typeof said === 'boolean' && (error as Error).name === 'ChatBackendError') return said;
  const name = (error as { name?: unknown } | null)?.name;
  return underWay && (name === 'AbortError' || name === 'TimeoutError');
}
