import { isServer } from 'lit';

/** What the observer needs of an element: a way to ask it to render again. */
export interface StringsConsumer extends Element {
  requestUpdate(): void;
}

// Every connected element of the library, in one module-level Set: a list of 5,000 rows
// costs 5,000 Set entries, and no observer, closure or object per element.
const connected = new Set<StringsConsumer>();
// Shadow roots (of host pages' components) that hold library elements and are observed too:
// a MutationObserver on the document does not see inside shadow roots.
const observedRoots = new WeakSet<Node>();
const OPTIONS: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };
let observer: MutationObserver | null = null;

/**
 * Starts following the `lang` that governs `el` (and the global strings). Called from
 * `connectedCallback`; cheap: one Set entry, and one `getRootNode()` when `el` is in the document.
 */
export function trackStrings(el: StringsConsumer): void {
  if (isServer) return;
  connected.add(el);
  // Back in the page after a move: the governing lang, or the strings, may have changed
  // meanwhile. (Before the first render an update is pending already: a no-op.)
  el.requestUpdate();
  if (!observer) {
    observer = new MutationObserver(refreshStrings);
    observer.observe(document, OPTIONS);
  }
  // A host's shadow root (and the ones around it) can change `lang` too; ours never do.
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    if (connected.has(root.host as StringsConsumer) || observedRoots.has(root)) continue;
    observedRoots.add(root);
    observer.observe(root, OPTIONS);
  }
}

/** Stops following; called from `disconnectedCallback`. */
export function untrackStrings(el: StringsConsumer): void {
  connected.delete(el);
}

/** Asks every connected element to render its words again (a `lang`, locale or global string changed). */
export function refreshStrings(): void {
  for (const el of connected) el.requestUpdate();
}

/**
 * The language that governs `el`: the nearest `lang` attribute on it or an ancestor,
 * crossing shadow roots to their hosts (where `closest()` stops), else the document's.
 * On the server (Lit SSR) there is no tree to walk: the element's own `lang` counts.
 */
export function langOf(el: Element): string {
  if (isServer) return serverLangOf(el);
  for (let node: Element = el; ; ) {
    const found = node.closest('[lang]');
    if (found) return found.getAttribute('lang') || 'en';
    const root = node.getRootNode();
    if (!(root instanceof ShadowRoot)) break;
    node = root.host;
  }
  return document.documentElement?.lang || 'en';
}

/** The language a server renders `el` in (Lit SSR has no ancestors): its own `lang`, else English. */
export function serverLangOf(el: Element): string {
  return el.getAttribute?.('lang') || 'en';
}
