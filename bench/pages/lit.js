// Baseline: two trivial Lit elements a row, a pill and a menu button, with
// shared static styles. The least a Lit-based row can cost.
import { LitElement, css, html, nothing } from 'lit';
import { conversationRow, install } from './harness.js';

class TrivialPill extends LitElement {
  static properties = { customer: {}, blocked: { type: Boolean } };
  static styles = css`
    :host { display: inline-block; }
    span { padding: 0 8px; border-radius: 999px; background: #fde2e2; color: #8a1c1c; }
  `;
  render() {
    return this.blocked ? html`<span part="pill">Blocked</span>` : nothing;
  }
}

class TrivialMenu extends LitElement {
  static properties = { customer: {}, customerName: { attribute: 'customer-name' }, blocked: { type: Boolean } };
  static styles = css`
    :host { display: inline-block; }
    button { border: 0; background: none; width: 32px; height: 32px; border-radius: 50%; }
  `;
  render() {
    return html`<button part="trigger" aria-label="More options" aria-haspopup="menu">⋮</button>`;
  }
}

customElements.define('trivial-pill', TrivialPill);
customElements.define('trivial-menu', TrivialMenu);

install({
  row: (i) => conversationRow(i, 'trivial-pill', 'trivial-menu'),
});
