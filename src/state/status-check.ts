import type { CustomerRef } from '../events.js';
import { readOnce, type StatusReader, type StatusRetry } from './status-read.js';
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
 * read worked, or when `stop` aborts. `first`: the first read, when the caller started it
 * already (the store does, before this module has loaded).
 */
export async function readUntilSettled(
  read: StatusReader,
  customer: CustomerRef,
  retry: StatusRetry,
  onFact: (fact: ServerFact) => void,
  stop: AbortSignal,
  first?: Promise<unknown>,
): Promise<ServerFact> {
  let lastError: unknown = new Error('No read was made.');
  let lastFact: ServerFact | null = null;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) await wait(backoffMs(attempt - 1, retry), stop);
    stop.throwIfAborted();
    try {
      const answer = attempt === 1 && first ? first : readOnce(read, customer, retry.timeoutMs, stop);
      const fact = readServerState(await answer, customer.id, customer.name);
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
