// The same row from Shoelace: sl-badge for the pill, sl-dropdown + sl-icon-button
// + sl-menu + sl-menu-item for the header menu.
import { SHOELACE_TAGS } from '../size/shoelace.js';
import { customerName, install, isBlocked } from './harness.js';

// An inline icon, so sl-icon needs no network and no base path.
const DOTS =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="currentColor"><circle cx="8" cy="3" r="1.5"/><circle cx="8" cy="8" r="1.5"/><circle cx="8" cy="13" r="1.5"/></svg>',
  );

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

await Promise.all(SHOELACE_TAGS.map((tag) => customElements.whenDefined(tag)));

install({
  row(i) {
    const blocked = isBlocked(i);
    const row = el('div', { class: 'row' });
    const badge = el('sl-badge', { variant: 'danger', pill: '' }, 'Blocked');
    if (!blocked) badge.style.display = 'none'; // sl-badge's :host display beats [hidden]
    const menu = el('sl-menu');
    menu.append(el('sl-menu-item', { value: 'block' }, blocked ? 'Unblock' : 'Block'));
    const dropdown = el('sl-dropdown', { placement: 'bottom-end' });
    dropdown.append(el('sl-icon-button', { slot: 'trigger', src: DOTS, label: 'More options' }), menu);
    row.append(badge, el('span', { class: 'name' }, customerName(i)), dropdown);
    return row;
  },
  // An icon counts as rendered once its SVG has loaded.
  whenReady(el) {
    if (el.localName !== 'sl-icon' || el.svg) return null;
    return new Promise((resolve) => {
      el.addEventListener('sl-load', resolve, { once: true });
      el.addEventListener('sl-error', resolve, { once: true });
    });
  },
});
