// Elements that already explained a misuse, so a re-rendering list does not flood the console.
const warned = new WeakSet<Element>();

/** Logs `message` the first time `el` calls it; later calls are silent. */
export function warnOnce(el: Element, level: 'warn' | 'error', message: string): void {
  if (warned.has(el)) return;
  warned.add(el);
  console[level](message);
}
