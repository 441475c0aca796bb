// Baseline: two trivial Lit elements a row, a pill and a menu button, with
// shared static styles. The least a Lit-based row can cost.
import { LitElement, css, html, nothing } from 'lit';
import { customerId, customerName, install, isBlocked } from './harness.js';

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
  row(i) {
    const row = document.createElement('div');
    row.className = 'row';
    const pill = document.createElement('trivial-pill');
    const menu = document.createElement('trivial-menu');
    for (const node of [pill, menu]) {
      node.setAttribute('customer', customerId(i));
      if (isBlocked(i)) node.setAttribute('blocked', '');
    }
    menu.setAttribute('customer-name', customerName(i));
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = customerName(i);
    row.append(pill, name, menu);
    return row;
  },
});
