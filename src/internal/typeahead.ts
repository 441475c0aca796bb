/**
 * Type-ahead for menus: collects printable keys typed within `resetMs` and finds
 * the next item whose label starts with them, starting after the focused one.
 */
export class Typeahead {
  #buffer = '';
  #last = 0;

  constructor(private readonly resetMs = 500) {}

  /** The index to focus, or -1 when nothing matches. */
  match(key: string, labels: readonly string[], current: number, now = performance.now()): number {
    if (now - this.#last > this.resetMs) this.#buffer = '';
    this.#last = now;
    this.#buffer += key.toLowerCase();
    // Repeating one letter cycles through the items that start with it.
    const query = /^(.)\1+$/.test(this.#buffer) ? this.#buffer[0] : this.#buffer;
    const start = query.length === 1 ? current + 1 : current;
    for (let i = 0; i < labels.length; i++) {
      const index = (start + i + labels.length) % labels.length;
      if (labels[index].trim().toLowerCase().startsWith(query)) return index;
    }
    return -1;
  }
}
