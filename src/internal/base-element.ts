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

  /**
   * Lit's own accessor, reading from a prototype slot that holds the `initial` value until an
   * instance sets its own. Not a get/set pair of ours for Lit to wrap: Lit counts a wrapped
   * property as changed (and reflects it) in every element's first update, which a list of a
   * thousand rows pays for in time (bench/README.md).
   */
  static override getPropertyDescriptor(name: PropertyKey, key: string | symbol, options: ChatPropertyDeclaration) {
    if ('initial' in options) Object.defineProperty(this.prototype, key, { value: options.initial, writable: true });
    return super.getPropertyDescriptor(name, key, options);
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
