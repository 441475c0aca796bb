import { isServer, LitElement, type PropertyDeclaration, type PropertyDeclarations, type PropertyValues } from 'lit';
import { defineElement, type DefinableElement } from './define.js';
import { resolveStrings } from '../strings/registry.js';
import { langOf, serverLangOf, STRINGS_CONSUMER, trackStrings } from '../strings/lang-observer.js';
import type { ChatStrings } from '../strings/en.js';

// Elements created with a server-rendered (declarative) shadow root, which Lit's hydrate
// support adopts. Only those elements get an entry.
const serverRendered = new WeakSet<Element>();

/**
 * A reactive property that may name its `initial` value: it is kept on the prototype, so an
 * element that never sets the property carries no copy of it (and no update for it), which
 * counts in lists of thousands. The manifest reads it as the property's default.
 */
export type ChatPropertyDeclaration = PropertyDeclaration & { initial?: unknown };

/**
 * An accessor for `name` that reads `initial` from the prototype until an instance sets its own
 * value, and tells Lit of each change as Lit's own accessor does.
 */
function keepOnPrototype(proto: object, name: string, initial: unknown): void {
  const key = Symbol(name);
  Object.defineProperty(proto, key, { value: initial, writable: true });
  Object.defineProperty(proto, name, {
    get(this: Record<symbol, unknown>) {
      return this[key];
    },
    set(this: LitElement & Record<symbol, unknown>, value: unknown) {
      const old = this[key];
      this[key] = value;
      this.requestUpdate(name, old);
    },
    configurable: true,
    enumerable: true,
  });
}

/** What every element of the library shares: a guarded `define()` and its strings. */
export class ChatElement extends LitElement {
  static {
    // Found by a change of `lang` or of the strings (see lang-observer.ts).
    Object.defineProperty(this.prototype, STRINGS_CONSUMER, { value: true });
  }

  /** The tag `define()` registers by default. */
  static readonly tagName: string;

  /**
   * Registers the element (and the elements it renders) unless the tag is
   * taken. Pass a `registry` for scoped custom-element registries.
   */
  static define(tag?: string, registry?: CustomElementRegistry): void {
    defineElement(this as unknown as DefinableElement, tag, registry);
  }

  static override properties: PropertyDeclarations = { strings: { attribute: false } };

  protected static override finalize(): void {
    if (this.hasOwnProperty('finalized') || !this.hasOwnProperty('properties')) return super.finalize();
    const declared = this.properties as Record<string, ChatPropertyDeclaration>;
    const kept = Object.entries(declared).filter(([, options]) => 'initial' in options);
    // Lit makes no accessor for these (`noAccessor`). Ours come after Lit's finalize(): a get/set
    // pair Lit finds on the prototype, it wraps, and a wrapped property counts as changed (and
    // is reflected) in every element's first update, which a list of a thousand rows pays for
    // in time (bench/README.md).
    this.properties = { ...declared, ...Object.fromEntries(kept.map(([name, options]) => [name, { ...options, noAccessor: true }])) };
    super.finalize();
    for (const [name, options] of kept) keepOnPrototype(this.prototype, name, options.initial);
  }

  /** Overrides for this element's words; see `ChatStrings`. */
  declare strings: Partial<ChatStrings> | undefined;

  constructor() {
    super();
    if (!isServer && this.shadowRoot) serverRendered.add(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-render when the governing `lang`, setStrings() or registerLocale() changes: one
    // shared MutationObserver for the page, nothing per element.
    trackStrings(this);
  }

  /** Whether the element was created over server-rendered HTML (a declarative shadow root) and hydrated it. */
  protected get fromServerHtml(): boolean {
    return serverRendered.has(this);
  }

  /** The strings to show now: own overrides, global ones, the `lang` locale (across shadow roots), English. */
  protected get text(): ChatStrings {
    // Hydrating server HTML: the words the server wrote, from the element's own `lang` (a
    // server has no tree to walk). Hydration adopts the server's DOM without writing it, so
    // other words here would never reach the page; the next update (see update()) writes them.
    const lang = !this.hasUpdated && this.fromServerHtml ? serverLangOf(this) : langOf(this);
    return resolveStrings(lang, this.strings);
  }

  protected override update(changed: PropertyValues): void {
    const first = !this.hasUpdated;
    super.update(changed);
    // Server HTML adopted in the server's language: render again in the page's.
    if (first && this.fromServerHtml && langOf(this) !== serverLangOf(this)) this.requestUpdate();
  }
}
