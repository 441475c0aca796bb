// chat-block-elements itself, as a list page would use it: the pill's and the menu's own
// entries (each registers its tag; the menu's dialog comes with its popup), and
// connectBackend answering every request.
import { LitElement } from 'lit';
import { blockStore, connectBackend, requestBlockChange } from '../../src/index.ts';
import '../../src/elements/chat-status-pill.ts';
import '../../src/elements/chat-header-menu.ts';
import { afterNextFrame, atPhase, conversationRow, customerId, customerName, deferred, install, paintedWhen } from './harness.js';

// The backend: 'manual' leaves each call pending until the bench answers it
// (to time answer → pill painted); 'auto' answers at once (leak cycles).
let backendMode = 'manual';
let pending = null;
let called = deferred();
const call = () => {
  called.resolve();
  if (backendMode === 'auto') return Promise.resolve();
  pending = deferred();
  return pending.promise;
};
connectBackend(document, { block: call, unblock: call }, { timeoutMs: 0 });

const pillOf = (row) => row.querySelector('chat-status-pill');
const menuOf = (row) => row.querySelector('chat-header-menu');
const part = (host, name) => host?.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;

/** Polls `predicate` once a task until it holds (state that settles over a few microtasks and tasks). */
async function until(predicate, what, timeoutMs = 5000) {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Menu → Block/Unblock item → confirm in the dialog; resolves once the backend has been called. */
async function startChange(row) {
  const menu = menuOf(row);
  called = deferred();
  menu.show();
  await menu.updateComplete;
  const item = part(menu, 'block-item');
  const seen = `${item.textContent.trim()} item, disabled=${item.disabled}, menu open=${menu.open}`;
  item.click();
  let dialog = null;
  await until(() => (dialog = menu.shadowRoot.querySelector('chat-confirm-dialog'))?.open && part(dialog, 'confirm'), `the dialog (${seen}; after the click: menu open=${menu.open}, pill ${pillOf(row).currentStatus})`);
  await dialog.updateComplete;
  part(dialog, 'confirm').click();
  await called.promise;
  return dialog;
}

/** Runs one whole block or unblock with the backend answering at once; resolves when it is applied and the dialog closed. */
async function change(row, blocked) {
  const dialog = await startChange(row);
  const id = menuOf(row).customer;
  await until(() => blockStore.get(id).blocked === blocked && !blockStore.get(id).pending && !dialog.open, 'the change');
}

/** Records which Lit elements render while `fn` runs (to see whom a store change woke). */
function watchUpdates() {
  const original = LitElement.prototype.update;
  const updated = new Set();
  LitElement.prototype.update = function (changed) {
    updated.add(this);
    return original.call(this, changed);
  };
  return (id) => {
    LitElement.prototype.update = original;
    const others = [...updated].filter((el) => el.customer && el.customer !== id);
    return { views: updated.size, others: others.length };
  };
}

install({
  row: (i) => conversationRow(i, 'chat-status-pill', 'chat-header-menu'),
  trigger: (row) => part(menuOf(row), 'trigger'),
  popup: (row) => part(menuOf(row), 'menu'),
  pillText: (row) => part(pillOf(row), 'pill')?.textContent.trim() ?? '',
  startBlock: async (row) => void (await startChange(row)),
  answerBackend: () => pending.resolve(),
  extra: {
    /** Like `finishBlock`, and also counts the views that rendered: the store must wake only this customer's. */
    async finishBlockCounted(i, phase) {
      const stop = watchUpdates();
      const ms = await window.bench.finishBlock(i, phase);
      return { ms, ...stop(customerId(i)) };
    },

    /** Opens and closes row i's menu n times, closing by Escape and by outside press in turn. */
    async cycleOpenClose(i, n) {
      const menu = menuOf(document.getElementById('rows').children[i]);
      for (let k = 0; k < n; k++) {
        part(menu, 'trigger').click();
        await menu.updateComplete;
        if (!menu.open) throw new Error('the menu did not open');
        if (k % 2) {
          document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
          // The menu decides on an outside press in a task after the dispatch.
          await new Promise((r) => setTimeout(r, 0));
        } else part(menu, 'menu').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        await menu.updateComplete;
        if (menu.open) throw new Error('the menu did not close');
        // Let observers and autoUpdate's frame callbacks run now and then, as they would between clicks.
        if (k % 25 === 0) await afterNextFrame();
      }
    },

    /** Blocks and unblocks row i's customer n times through the menu and the dialog. */
    async cycleBlock(i, n) {
      const row = document.getElementById('rows').children[i];
      backendMode = 'auto';
      try {
        for (let k = 0; k < n; k++) {
          await change(row, true);
          await change(row, false);
          if (k % 25 === 0) await afterNextFrame();
        }
      } finally {
        backendMode = 'manual';
      }
    },

    storeListeners: () => blockStore.listenerCount,

    /** Starts blocking row i's customer from code (no menu, no dialog); resolves once the backend has been called. */
    async startBlockDirect(i) {
      const row = document.getElementById('rows').children[i];
      called = deferred();
      requestBlockChange(pillOf(row), blockStore, { id: customerId(i), name: customerName(i) }, 'block').catch(() => {});
      await called.promise;
    },

    /**
     * Closing a modal <chat-confirm-dialog> alone, at `phase` ms into a frame: resolves the
     * time from cancel() to the first frame painted without it. The dialog sits in a shadow
     * root of its own, so the menus never take it for the page's dialog.
     */
    async dialogClose(phase) {
      let dialog = document.getElementById('bench-dialog-host')?.shadowRoot.querySelector('chat-confirm-dialog');
      if (!dialog) {
        const host = Object.assign(document.createElement('div'), { id: 'bench-dialog-host' });
        document.body.append(host);
        dialog = document.createElement('chat-confirm-dialog');
        host.attachShadow({ mode: 'open' }).append(dialog);
      }
      void dialog.confirm({ heading: 'Block Customer?', message: 'They will not be able to message you.' });
      await dialog.updateComplete;
      await until(() => dialog.shadowRoot.querySelector('dialog')?.open, 'the dialog to open');
      await atPhase(phase);
      const t0 = performance.now();
      dialog.cancel();
      const t1 = await paintedWhen(() => !dialog.shadowRoot.querySelector('dialog').open);
      return t1 - t0;
    },
  },
});
