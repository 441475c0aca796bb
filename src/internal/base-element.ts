import { LitElement, type PropertyDeclarations } from 'lit';
import { defineElement, type DefinableElement } from './define.js';
import { resolveStrings } from '../strings/registry.js';
import { trackStrings, untrackStrings } from '../strings/lang-observer.js';
import type { ChatStrings } from '../strings/en.js';

/** What every element of the library shares: a guarded `define()` and its strings. */
export class ChatElement extends LitElement {
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

  /** Overrides for this element's words; see `ChatStrings`. */
  declare strings: Partial<ChatStrings> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-render when the governing `lang`, setStrings() or registerLocale() changes: one
    // shared MutationObserver for the page, one Set entry per element.
    trackStrings(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    untrackStrings(this);
  }

  /** The strings to show now: own overrides, global ones, the `lang` locale (across shadow roots), English. */
  protected get text(): ChatStrings {
    return resolveStrings(this, this.strings);
  }
}
