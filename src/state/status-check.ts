import type { CustomerRef } from '../events.js';
import type { StatusReader, StatusRetry } from './status-read.js';
import { readServerState, type ServerFact } from './server-state.js';

export type { StatusReader, StatusRetry } from './status-read.js';

/** The wait before retry `n` (1, 2, …): base·2^(n-1), capped, times a random 0.5–1 so pages don't ask in step. */
export function backoffMs(n: number, retry: StatusRetry): number {
  const ceiling = Math.min(retry.maxMs, retry.baseMs * 2 ** (n - 1));
  return Math.round(ceiling * (0.5 + Math.random() / 2));
}

/**
 * Reads until the server has nothing pending for the customer, at most `retry.attempts`
 * times. Every read that parses is handed to `onFact` at once (the screen follows each), and
 * the last one is resolved even if it is still pending. Rejects with the last error when no
 * read worked, or when `stop` aborts.
 */
export async function readUntilSettled(
  read: StatusReader,
  customer: CustomerRef,
  retry: StatusRetry,
  onFact: (fact: ServerFact) => void,
  stop: AbortSignal,
): Promise<ServerFact> {
  let lastError: unknown = new Error('No read was made.');
  let lastFact: ServerFact | null = null;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) await wait(backoffMs(attempt - 1, retry), stop);
    stop.throwIfAborted();
    try {
      const fact = readServerState(await readOnce(read, customer, retry.timeoutMs, stop), customer.id, customer.name);
      onFact(fact);
      lastFact = fact;
      if (!fact.pending) return fact;
    } catch (error) {
      stop.throwIfAborted();
      lastError = error;
    }
  }
  if (lastFact) return lastFact;
  throw lastError;
}

/** One read, aborted after `timeoutMs` (or by `stop`), settled even when `read` ignores its signal. */
async function readOnce(read: StatusReader, customer: CustomerRef, timeoutMs: number, stop: AbortSignal): Promise<unknown> {
  const signal = AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {});
  return Promise.race([Promise.resolve().then(() => read(customer, signal)), aborted]);
}

function wait(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      if (stop.aborted) reject(stop.reason);
      else resolve();
    }
  });
}
