// Baseline: the same row in plain DOM, one shared popover menu and a text swap.
import { customerName, deferred, install, isBlocked } from './harness.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

const popup = el('div', 'plain-menu');
popup.popover = 'auto';
popup.setAttribute('role', 'menu');
popup.append(el('button', 'plain-item', 'Block'));
popup.firstChild.setAttribute('role', 'menuitem');
document.body.append(popup);
let anchoredTo = null;

// One delegated listener, as a plain-DOM page would do it.
document.getElementById('rows').addEventListener('click', (event) => {
  const trigger = event.target.closest('.trigger');
  if (!trigger) return;
  anchoredTo = trigger.parentElement;
  popup.showPopover();
  const t = trigger.getBoundingClientRect();
  popup.style.top = `${t.bottom + 4}px`;
  popup.style.left = `${t.right - popup.offsetWidth}px`;
  popup.firstChild.focus();
});

let pending = null;

install({
  row(i) {
    const row = el('div', 'row');
    const pill = el('span', 'pill');
    if (isBlocked(i)) pill.textContent = 'Blocked';
    else pill.hidden = true;
    const trigger = el('button', 'trigger', '⋮');
    trigger.setAttribute('aria-label', 'More options');
    trigger.setAttribute('aria-haspopup', 'menu');
    row.append(pill, el('span', 'name', customerName(i)), trigger);
    return row;
  },
  trigger: (row) => row.querySelector('.trigger'),
  popup: (row) => (anchoredTo === row ? popup : null),
  pillText: (row) => row.querySelector('.pill').textContent,
  async startBlock(row) {
    pending = deferred();
    pending.promise.then(() => {
      const pill = row.querySelector('.pill');
      pill.textContent = 'Blocked';
      pill.hidden = false;
    });
  },
  answerBackend: () => pending.resolve(),
});
