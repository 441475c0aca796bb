import { isServer } from 'lit';
import { onStringsChange } from './registry.js';

/** What the observer needs of an element: a way to ask it to render again. */
export interface StringsConsumer extends Element {
  requestUpdate(): void;
}

/** Marks the library's elements (on their prototype; shared by every copy of the library on the page). */
export const STRINGS_CONSUMER = Symbol.for('chat-block-elements.strings-consumer');

// Nothing is kept per element: a change (rare) walks the trees that can hold the library's
// elements and asks each to render again, so a list of 5,000 rows costs no entry per row.
// The trees: the document, and the host pages' shadow roots that held a library element
// (a MutationObserver on the document does not see inside shadow roots), held weakly.
const observedRoots = new WeakSet<Node>();
const hostRoots = new Set<WeakRef<ShadowRoot>>();
const OPTIONS: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };
let observer: MutationObserver | null = null;

const isConsumer = (node: Node | null): node is StringsConsumer => !!node && STRINGS_CONSUMER in node;

/**
 * Starts following the `lang` that governs `el` (and the global strings). Called from
 * `connectedCallback`; cheap: one `getRootNode()` when `el` is in the document.
 */
export function trackStrings(el: StringsConsumer): void {
  if (isServer) return;
  // Back in the page after a move: the governing lang, or the strings, may have changed
  // meanwhile. (Before the first render an update is pending already: a no-op.)
  el.requestUpdate();
  if (!observer) {
    observer = new MutationObserver(refreshStrings);
    observer.observe(document, OPTIONS);
    // From now on there is something on screen to re-render when the strings change.
    onStringsChange(refreshStrings);
  }
  // A host's shadow root (and the ones around it) can change `lang` too; ours never do.
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    if (isConsumer(root.host) || observedRoots.has(root)) continue;
    observedRoots.add(root);
    hostRoots.add(new WeakRef(root));
    observer.observe(root, OPTIONS);
  }
}

/** Asks every connected element to render its words again (a `lang`, locale or global string changed). */
function refreshStrings(): void {
  refreshIn(document);
  for (const ref of hostRoots) {
    const root = ref.deref();
    if (root) refreshIn(root);
    else hostRoots.delete(ref);
  }
}

/** Every library element in `root`, and in the shadow roots of the library's elements there. */
function refreshIn(root: Document | ShadowRoot): void {
  for (const el of root.querySelectorAll('*')) {
    if (!isConsumer(el)) continue;
    el.requestUpdate();
    if (el.shadowRoot) refreshIn(el.shadowRoot);
  }
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
