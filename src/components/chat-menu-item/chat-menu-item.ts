import { html, type PropertyValues } from 'lit';
import { ChatElement } from '../../internal/base-element.js';
import { styles } from './chat-menu-item.styles.js';

/**
 * @tag chat-menu-item
 * @summary One entry of `<chat-header-menu>`: the host's own actions ("Mark read", "Assign to…").
 *
 * Choosing it fires `chat-menu-select` on the menu with `detail.value`.
 * It is a `role="menuitem"`; the menu moves focus between items.
 *
 * @slot - The item's label.
 * @slot description - A second, smaller line (e.g. why the item is disabled).
 *
 * @csspart label - The label line.
 * @csspart description - The second line.
 *
 * @cssprop --chat-hover - Background under the pointer and focus.
 * @cssprop --chat-radius - Corner radius of the popup and the dialog (items and buttons follow it).
 * @cssprop --chat-focus-ring - Focus outline color.
 * @cssprop --chat-danger - Color of destructive text (Block item, dialog error).
 * @cssprop --chat-surface - The popup's background; the item's default danger color and focus ring are derived from it.
 * @cssprop --chat-color-scheme - Unset by default: the page's own `color-scheme` (inherited).
 */
export class ChatMenuItem extends ChatElement {
  static override readonly tagName = 'chat-menu-item';
  static override styles = styles;
  static override properties = {
    value: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    tone: { reflect: true },
  };

  /** What `chat-menu-select` reports in `detail.value`; defaults to the text. */
  declare value: string;
  /** Shown but not choosable (it stays focusable, as menus expect). */
  declare disabled: boolean;
  /** `danger` colors the item as destructive. */
  declare tone: 'neutral' | 'danger';

  constructor() {
    super();
    this.value = '';
    this.disabled = false;
    this.tone = 'neutral';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'menuitem');
    if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
  }

  /** The label without the description, for type-ahead and `value` fallback. */
  get label(): string {
    let text = '';
    for (const node of this.childNodes) {
      if (node instanceof Text) text += node.data;
      else if (node instanceof Element && !node.slot) text += node.textContent;
    }
    return text.trim();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('disabled')) this.setAttribute('aria-disabled', String(this.disabled));
  }

  protected override render() {
    return html`<span part="label"><slot></slot></span><span part="description"><slot name="description"></slot></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-menu-item': ChatMenuItem;
  }
}
