/** Median of a list of numbers (the mean of the middle two for even lengths). */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The list rotated by `run`, so each variant takes each position in turn across
 * runs: whatever drifts over a run (thermal, GC, caches) spreads over all of them.
 */
export function rotate(list, run) {
  const k = run % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/** Collects samples under string keys and answers medians. */
export class Samples {
  #map = new Map();
  add(key, value) {
    if (!this.#map.has(key)) this.#map.set(key, []);
    this.#map.get(key).push(value);
  }
  median(key) {
    return median(this.#map.get(key) ?? []);
  }
  max(key) {
    return Math.max(...(this.#map.get(key) ?? [NaN]));
  }
  /**
   * The median of a/b over runs, sample i of `a` with sample i of `b` (taken in the same round of
   * the same run, close together, order rotating): what drifts between runs (another process on
   * the cores) then moves both and cancels, where a ratio of two medians takes each from its own runs.
   */
  pairedRatio(a, b) {
    const x = this.#map.get(a) ?? [];
    const y = this.#map.get(b) ?? [];
    if (x.length !== y.length) throw new Error(`pairedRatio: ${a} has ${x.length} samples, ${b} ${y.length}`);
    return median(x.map((value, i) => value / y[i]));
  }
  count(key) {
    return this.#map.get(key)?.length ?? 0;
  }
}
