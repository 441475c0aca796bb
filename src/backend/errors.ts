/** Why a request failed, for hosts that want to react per cause. */
export type BackendErrorCode =
  | 'invalid-customer'
  | 'invalid-phone'
  | 'unauthorized'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'server'
  | 'unexpected-response'
  | 'listener'
  | 'unknown';

/** An error from a backend helper or the request lifecycle, with a message an agent can read. */
export class ChatBackendError extends Error {
  override name = 'ChatBackendError';
  readonly code: BackendErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;

  constructor(code: BackendErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status;
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

/** The server could not be reached (the request, or the code that sends it, never got there). */
export function unreachable(cause: unknown): ChatBackendError {
  return new ChatBackendError('network', "Couldn't reach the server. Check the connection and try again.", { cause });
}
