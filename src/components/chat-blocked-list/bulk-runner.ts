/**
 * Runs `job` once for each item, at most `limit` at a time, in order of start.
 * A job that rejects does not stop the others (each job reports its own outcome);
 * resolves once every job has settled.
 */
export async function runWithLimit<T>(items: readonly T[], limit: number, job: (item: T) => Promise<unknown>): Promise<void> {
  const width = Math.max(1, Math.min(items.length, Number.isFinite(limit) ? Math.floor(limit) : 1));
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await job(item);
      } catch {
        // The job's own outcome (the store, an error event) says what happened.
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** A concurrency from an attribute or property: a positive integer, else `fallback`. */
export function toConcurrency(value: unknown, fallback = 4): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}
