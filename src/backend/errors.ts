/** Why a backend call failed, for hosts that want to react per cause. */
export type BackendErrorCode =
  | 'invalid-customer'
  | 'invalid-phone'
  | 'unauthorized'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'server';

/** An error from a backend helper, with a message an agent can read. */
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
