// Percentiles of real samples, and a clock that means the same in every process.

/** The `p`-th percentile (0–100) by nearest rank: always one of the samples, never interpolated. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `{ n, p50, p99 }` of a list of times. */
export const summary = (values) => ({ n: values.length, p50: percentile(values, 50), p99: percentile(values, 99) });

/**
 * Milliseconds since the epoch with sub-millisecond precision, from the system clock every
 * process on the machine shares: the fan-out compares a send in the bench with arrivals in
 * the SSE readers' processes.
 */
export const wallNow = () => performance.timeOrigin + performance.now();

/** Times `run()` (a promise) in milliseconds; resolves with `[ms, its value]`. */
export async function timed(run) {
  const start = performance.now();
  const value = await run();
  return [performance.now() - start, value];
}
