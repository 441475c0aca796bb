export interface RetryOptions {
  /** The first background retry after a lost answer (ms). Default 1000. */
  baseMs?: number;
  /** The longest wait between retries (ms): they go on at this pace until the chat API answers. Default 60000. */
  maxMs?: number;
}

/** Exponential backoff with full jitter, capped: attempt 1 waits about `baseMs`, then double, up to `maxMs`. */
export function retryDelay(attempt: number, { baseMs = 1000, maxMs = 60_000 }: RetryOptions = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 20));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
