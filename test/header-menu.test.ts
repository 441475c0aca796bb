import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  ChatConfirmDialog,
  type ChatBlockRequestEvent,
  type ChatHeaderMenu,
  type ChatStatusPill,
} from '../src/index.js';
import ar from '../src/strings/locales/ar.js';
import { registerLocale } from '../src/index.js';
import { LIFECYCLE } from '../src/state/block-store.js';
import { accessible, animationsDone, deferred, dialogOf, expectSame, focused, frame, part, press, until, visible } from './helpers.js';
import { clickOn, clickAt, resetMouse } from './mouse.js';

const PHONE = '+919999999999';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function menuFixture(store: BlockStore, attrs = '') {
  const wrapper = await fixture<HTMLElement>(html`<div style="padding: 40px 40px 300px 300px">
    <button id="before">before</button>
    <div id="slot"></div>
    <button id="after">after</button>
  </div>`);
  // Attributes as a host would write them in HTML.
  wrapper.querySelector('#slot')!.outerHTML = `<chat-header-menu customer="${PHONE}" customer-name="Priya Sharma" ${attrs}>
      <chat-menu-item value="mark-read">Mark read</chat-menu-item>
      <chat-menu-item value="assign">Assign to…</chat-menu-item>
    </chat-header-menu>`;
  const menu = wrapper.querySelector<ChatHeaderMenu>('chat-header-menu')!;
  menu.store = store;
  await menu.updateComplete;
  return menu;
}

/** axe on what the user sees once the opening animations have finished (mid-fade text fails contrast). */

/** Asserts who has focus; failures name the nodes instead of serializing them. */
const expectFocus = (el: Element, message = 'focus') => expectSame(focused(), el, message);

const menuItems = (menu: ChatHeaderMenu) => [
  ...menu.querySelectorAll('chat-menu-item'),
  part(menu, 'block-item'),
];
const isShown = (menu: ChatHeaderMenu) => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open');
const openDialog = (menu: ChatHeaderMenu) => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true;

async function openWithKey(menu: ChatHeaderMenu, key = 'Enter') {
  part(menu, 'trigger').focus();
  await press(key);
  await until(() => isShown(menu), 2000, 'menu to open');
  await menu.updateComplete;
  await frame();
}

/** Keyboard only: open on the last item (Block / Unblock), choose it, wait for the dialog. */
async function openDialogWithKeys(menu: ChatHeaderMenu) {
  await openWithKey(menu, 'ArrowUp');
  await press('Enter');
  await until(() => openDialog(menu), 2000, 'dialog open');
}

/** Answers every block/unblock request with a promise the test settles. */
function backendUnderTest(root: EventTarget) {
  const calls: { event: ChatBlockRequestEvent; settle: ReturnType<typeof deferred> }[] = [];
  const listener = (e: Event) => {
    const settle = deferred();
    (e as ChatBlockRequestEvent).detail.waitUntil(settle.promise);
    calls.push({ event: e as ChatBlockRequestEvent, settle });
  };
  root.addEventListener('chat-block-request', listener);
  root.addEventListener('chat-unblock-request', listener);
  return {
    calls,
    stop() {
      root.removeEventListener('chat-block-request', listener);
      root.removeEventListener('chat-unblock-request', listener);
    },
  };
}

describe('<chat-header-menu>', () => {
  let store: BlockStore;
  beforeEach(() => {
    store = new BlockStore();
  });
  afterEach(() => resetMouse());

  it('renders only the trigger until first opened', async () => {
    const menu = await menuFixture(store);
    expect(menu.shadowRoot!.querySelector('[part~="menu"]')).to.equal(null);
    expect(menu.shadowRoot!.querySelector('chat-confirm-dialog')).to.equal(null);
    const trigger = part(menu, 'trigger');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    // Named for its customer, so 50 rows are not 50 identical "More options" buttons.
    expect(visible(trigger.getAttribute('aria-label'))).to.equal('More actions for Priya Sharma');
    await accessible(menu);
  });

  it('opens on a real click, in the top layer, with the first item focused', async () => {
    const menu = await menuFixture(store);
    await clickOn(part(menu, 'trigger'));
    await until(() => isShown(menu));
    await until(() => focused() === menu.querySelector('chat-menu-item'), 2000, 'first item focused');
    expect(menu.open).to.equal(true);
    expect(menu.hasAttribute('open')).to.equal(true);
    expect(part(menu, 'trigger').getAttribute('aria-expanded')).to.equal('true');
    expect(part(menu, 'menu').getAttribute('role')).to.equal('menu');
    expect(menuItems(menu).map((i) => i.textContent!.trim())).to.deep.equal(['Mark read', 'Assign to…', 'Block']);
    await accessible(menu);
  });

  it('is not clipped by an overflow: hidden chat pane and stays in the viewport', async () => {
    const pane = await fixture<HTMLElement>(html`<div
      style="position: fixed; right: 0; bottom: 0; width: 60px; height: 48px; overflow: hidden"
    >
      <chat-header-menu customer=${PHONE} .store=${store}></chat-header-menu>
    </div>`);
    const menu = pane.querySelector('chat-header-menu')!;
    await menu.updateComplete;
    await clickOn(part(menu, 'trigger'));
    await until(() => isShown(menu));
    const popup = part(menu, 'menu');
    await until(() => popup.style.top !== '', 2000, 'positioned');
    await frame();
    const r = popup.getBoundingClientRect();
    expect(r.width).to.be.greaterThan(100);
    expect(r.left).to.be.at.least(0);
    expect(r.top).to.be.at.least(0);
    expect(r.right).to.be.at.most(innerWidth);
    expect(r.bottom).to.be.at.most(innerHeight);
    // Flipped above the trigger: no room below at the bottom edge.
    expect(r.bottom).to.be.at.most(part(menu, 'trigger').getBoundingClientRect().top);
    // What is painted at the popup's center is the popup, not the pane's clipping.
    const hit = menu.shadowRoot!.elementFromPoint(r.left + r.width / 2, r.bottom - 12);
    expect(popup.contains(hit) || hit === popup).to.equal(true);
  });

  it('keyboard: Enter, Space and ArrowDown open on the first item, ArrowUp on the last', async () => {
    const menu = await menuFixture(store);
    for (const [key, index] of [
      ['Enter', 0],
      [' ', 0],
      ['ArrowDown', 0],
      ['ArrowUp', 2],
    ] as const) {
      await openWithKey(menu, key === ' ' ? 'Space' : key);
      await until(() => focused() === menuItems(menu)[index], 2000, `${key} focuses item ${index}`);
      await press('Escape');
      await until(() => !isShown(menu));
      expectFocus(part(menu, 'trigger'));
    }
  });

  it('keyboard: arrows wrap, Home/End, type-ahead by first letters', async () => {
    const menu = await menuFixture(store);
    await openWithKey(menu);
    const items = menuItems(menu);
    await until(() => focused() === items[0]);
    await press('ArrowDown');
    expectFocus(items[1]);
    await press('ArrowDown');
    expectFocus(items[2]);
    await press('ArrowDown');
    expectFocus(items[0], 'wraps to the first');
    await press('ArrowUp');
    expectFocus(items[2], 'wraps to the last');
    await press('Home');
    expectFocus(items[0]);
    await press('End');
    expectFocus(items[2]);
    await press('a');
    expectFocus(items[1], '"a" → Assign to…');
    await pause(600); // past the type-ahead buffer's reset
    await press('m');
    expectFocus(items[0], '"m" → Mark read');
    await pause(600);
    await press('b');
    expectFocus(items[2], '"b" → Block');
  });

  it('Tab closes the menu and moves on', async () => {
    const menu = await menuFixture(store);
    await openWithKey(menu);
    await press('Tab');
    await until(() => !isShown(menu));
    expect(menu.open).to.equal(false);
    expect(focused()?.id).to.equal('after');
  });

  it('an outside click closes it', async () => {
    const menu = await menuFixture(store);
    await clickOn(part(menu, 'trigger'));
    await until(() => isShown(menu));
    await clickAt(5, 5);
    await until(() => !isShown(menu));
    expect(part(menu, 'trigger').getAttribute('aria-expanded')).to.equal('false');
  });

  it("choosing a host item fires chat-menu-select with its value", async () => {
    const menu = await menuFixture(store);
    const seen: string[] = [];
    menu.addEventListener('chat-menu-select', (e) => seen.push(e.detail.value));
    await clickOn(part(menu, 'trigger'));
    await until(() => isShown(menu));
    await clickOn(menu.querySelectorAll('chat-menu-item')[1]);
    expect(seen).to.deep.equal(['assign']);
    await until(() => !isShown(menu));
    await openWithKey(menu);
    await press('Enter');
    expect(seen).to.deep.equal(['assign', 'mark-read']);
    expectFocus(part(menu, 'trigger'));
  });

  it('blocks with the mouse: menu → dialog → request → every view updates', async () => {
    const menu = await menuFixture(store);
    const pill = document.createElement('chat-status-pill') as ChatStatusPill;
    pill.customer = PHONE;
    pill.store = store;
    menu.parentElement!.append(pill);
    const backend = backendUnderTest(document);
    const changes: boolean[] = [];
    document.addEventListener('chat-block-change', (e) => changes.push(e.detail.blocked), { once: true });
    try {
      await clickOn(part(menu, 'trigger'));
      await until(() => isShown(menu));
      await clickOn(part(menu, 'block-item'));
      await until(() => openDialog(menu), 2000, 'dialog open');
      const dialog = dialogOf(menu);
      await dialog.updateComplete;
      expect(visible(part(dialog, 'heading').textContent)).to.equal('Block Priya Sharma?');
      expectFocus(part(dialog, 'cancel'), 'focus starts on Cancel');
      await accessible(dialog);
      await clickOn(part(dialog, 'confirm'));
      await until(() => backend.calls.length === 1);
      const { event, settle } = backend.calls[0];
      expect(event.type).to.equal('chat-block-request');
      expect(event.detail.customer).to.deep.equal({ id: PHONE, name: 'Priya Sharma' });
      await pill.updateComplete;
      expect(pill.shadowRoot!.textContent).to.contain('Blocking…');
      expect(part(dialog, 'confirm').getAttribute('aria-disabled')).to.equal('true');
      settle.resolve(undefined);
      await until(() => !openDialog(menu), 2000, 'dialog closed');
      await pill.updateComplete;
      expect(pill.shadowRoot!.textContent).to.contain('Blocked');
      expect(store.get(PHONE).blocked).to.equal(true);
      expect(changes).to.deep.equal([true]);
      expectFocus(part(menu, 'trigger'), 'focus back on the trigger');
      // The item now offers Unblock.
      await clickOn(part(menu, 'trigger'));
      await until(() => isShown(menu));
      expect(part(menu, 'block-item').textContent!.trim()).to.equal('Unblock');
    } finally {
      backend.stop();
    }
  });

  it('unblocks with the keyboard alone', async () => {
    store.set(PHONE, true);
    const menu = await menuFixture(store);
    const backend = backendUnderTest(document);
    try {
      await openWithKey(menu, 'ArrowUp');
      expectFocus(part(menu, 'block-item'));
      expect(part(menu, 'block-item').textContent!.trim()).to.equal('Unblock');
      await press('Enter');
      await until(() => openDialog(menu));
      const dialog = dialogOf(menu);
      await dialog.updateComplete;
      expect(visible(part(dialog, 'heading').textContent)).to.equal('Unblock Priya Sharma?');
      expect(part(dialog, 'confirm').textContent!.trim()).to.equal('Unblock');
      await until(() => focused() === part(dialog, 'cancel'));
      await press('Tab');
      expectFocus(part(dialog, 'confirm'));
      await press('Enter');
      await until(() => backend.calls.length === 1);
      expect(backend.calls[0].event.type).to.equal('chat-unblock-request');
      backend.calls[0].settle.resolve(undefined);
      await until(() => !store.get(PHONE).blocked && !openDialog(menu));
      expectFocus(part(menu, 'trigger'));
    } finally {
      backend.stop();
    }
  });

  it('Cancel in the dialog changes nothing and sends nothing', async () => {
    const menu = await menuFixture(store);
    const backend = backendUnderTest(document);
    try {
      await openDialogWithKeys(menu);
      await until(() => focused() === part(dialogOf(menu), 'cancel'));
      await press('Enter');
      await until(() => !openDialog(menu));
      expect(backend.calls).to.have.length(0);
      expect(store.get(PHONE)).to.include({ blocked: false, pending: null });
      expectFocus(part(menu, 'trigger'));
      // Escape cancels too.
      await openDialogWithKeys(menu);
      await press('Escape');
      await until(() => !openDialog(menu));
      expect(backend.calls).to.have.length(0);
    } finally {
      backend.stop();
    }
  });

  it('a rejected request shows the error in the dialog, rolls back, and can be retried', async () => {
    const menu = await menuFixture(store);
    const backend = backendUnderTest(document);
    const errors: string[] = [];
    const onError = (e: GlobalEventHandlersEventMap['chat-block-error']) => errors.push(e.detail.error.message);
    document.addEventListener('chat-block-error', onError);
    try {
      await openDialogWithKeys(menu);
      const dialog = dialogOf(menu);
      await clickOn(part(dialog, 'confirm'));
      await until(() => backend.calls.length === 1);
      backend.calls[0].settle.reject(new Error('The server does not know this customer (Invalid Customer).'));
      await until(() => !!dialog.shadowRoot!.querySelector('[role="alert"]'), 2000, 'error shown');
      expect(dialog.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Invalid Customer');
      expect(store.get(PHONE).blocked).to.equal(false);
      expect(errors).to.have.length(1);
      await accessible(dialog);
      await clickOn(part(dialog, 'confirm'));
      await until(() => backend.calls.length === 2);
      backend.calls[1].settle.resolve(undefined);
      await until(() => !openDialog(menu));
      expect(store.get(PHONE)).to.include({ blocked: true, error: null });
    } finally {
      backend.stop();
      document.removeEventListener('chat-block-error', onError);
    }
  });

  it('one request per customer: the item is disabled while one runs', async () => {
    const menu = await menuFixture(store);
    const backend = backendUnderTest(document);
    try {
      await openDialogWithKeys(menu);
      await clickOn(part(dialogOf(menu), 'confirm'));
      await until(() => backend.calls.length === 1);
      await clickOn(part(dialogOf(menu), 'cancel'));
      // The agent walked away; the request still runs.
      await openWithKey(menu, 'ArrowUp');
      const item = part(menu, 'block-item');
      // Cancel aborted the host's signal; a backend that honours it rolls back.
      expect(backend.calls[0].event.detail.signal.aborted).to.equal(true);
      backend.calls[0].settle.reject(backend.calls[0].event.detail.signal.reason);
      await until(() => store.get(PHONE).pending === null);
      await menu.updateComplete;
      expect(item.getAttribute('aria-disabled')).to.equal('false');
      expect(store.get(PHONE)).to.include({ blocked: false, error: null });
    } finally {
      backend.stop();
    }
  });

  it('shows Block disabled with the reason while a request runs or when not allowed', async () => {
    const menu = await menuFixture(store, 'can-block="false"');
    const backend = backendUnderTest(document);
    try {
      await openWithKey(menu, 'ArrowUp');
      const item = part(menu, 'block-item');
      expect(item.getAttribute('aria-disabled')).to.equal('true');
      expect(item.textContent).to.contain('You are not allowed to block customers');
      await press('Enter');
      await frame();
      expect(openDialog(menu)).to.equal(false);
      expect(isShown(menu)).to.equal(true, 'a disabled item does not close the menu');
      await accessible(menu);
      await press('Escape');
      menu.canBlock = true;
      store[LIFECYCLE].begin(PHONE, 'block'); // a request runs (started elsewhere)
      await openWithKey(menu, 'ArrowUp');
      expect(item.getAttribute('aria-disabled')).to.equal('true');
      expect(item.textContent).to.contain('Blocking…');
    } finally {
      backend.stop();
    }
  });

  it('confirm-unblock="false" unblocks without asking', async () => {
    store.set(PHONE, true);
    const menu = await menuFixture(store, 'confirm-unblock="false"');
    const backend = backendUnderTest(document);
    try {
      await openWithKey(menu, 'ArrowUp');
      await press('Enter');
      await until(() => backend.calls.length === 1);
      expect(openDialog(menu)).to.equal(false);
      backend.calls[0].settle.resolve(undefined);
      await until(() => !store.get(PHONE).blocked);
    } finally {
      backend.stop();
    }
  });

  it('renders a customer name with HTML as text', async () => {
    const menu = await fixture<ChatHeaderMenu>(html`<chat-header-menu
      customer=${PHONE}
      customer-name='<img src=x onerror="window.__pwned=1"> Mallory'
      .store=${store}
    ></chat-header-menu>`);
    await openDialogWithKeys(menu);
    const dialog = dialogOf(menu);
    await dialog.updateComplete;
    expect(visible(part(dialog, 'heading').textContent)).to.equal('Block <img src=x onerror="window.__pwned=1"> Mallory?');
    expect(dialog.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await press('Escape');
  });

  it('uses the page\'s own <chat-confirm-dialog> when there is one', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <chat-confirm-dialog></chat-confirm-dialog>
      <chat-header-menu customer=${PHONE} .store=${store}></chat-header-menu>
    </div>`);
    const menu = wrapper.querySelector('chat-header-menu')!;
    const shared = wrapper.querySelector('chat-confirm-dialog')!;
    expect(shared).to.be.instanceOf(ChatConfirmDialog);
    await openWithKey(menu, 'ArrowUp');
    await press('Enter');
    await until(() => shared.open);
    expect(menu.shadowRoot!.querySelector('chat-confirm-dialog')).to.equal(null);
    await press('Escape');
    await until(() => !shared.open);
  });

  it('menus and pills of one customer stay in sync; others are untouched', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <chat-status-pill customer=${PHONE} .store=${store}></chat-status-pill>
      <chat-status-pill customer="+14155550100" .store=${store}></chat-status-pill>
      <chat-header-menu customer=${PHONE} .store=${store}></chat-header-menu>
      <chat-header-menu customer=${PHONE} blocked .store=${store}></chat-header-menu>
    </div>`);
    const [pill, otherPill] = wrapper.querySelectorAll('chat-status-pill');
    const [menuA, menuB] = wrapper.querySelectorAll('chat-header-menu');
    // No attribute is no claim: the one element that says "blocked" seeds the store.
    expect(store.get(PHONE).blocked).to.equal(true);
    store.set(PHONE, false);
    await Promise.all([pill.updateComplete, menuA.updateComplete, menuB.updateComplete]);
    expect(pill.currentStatus).to.equal('active');
    store.set(PHONE, true);
    await Promise.all([pill.updateComplete, menuA.updateComplete, menuB.updateComplete]);
    expect(pill.currentStatus).to.equal('blocked');
    expect(otherPill.currentStatus).to.equal('active');
    await openWithKey(menuA, 'ArrowUp');
    expect(part(menuA, 'block-item').textContent!.trim()).to.equal('Unblock');
    await press('Escape');
    await openWithKey(menuB, 'ArrowUp');
    expect(part(menuB, 'block-item').textContent!.trim()).to.equal('Unblock');
    await press('Escape');
  });

  it('takes a new known state from the host for the same customer', async () => {
    const menu = await fixture<ChatHeaderMenu>(html`<chat-header-menu customer=${PHONE} .store=${store}></chat-header-menu>`);
    menu.blocked = true;
    await menu.updateComplete;
    expect(store.get(PHONE).blocked).to.equal(true);
  });

  it('right-to-left: bottom-end opens toward the start (left), in the locale\'s words', async () => {
    registerLocale(ar);
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl" lang="ar" style="padding: 20px 200px">
      <chat-header-menu customer=${PHONE} .store=${store}></chat-header-menu>
    </div>`);
    const menu = wrapper.querySelector('chat-header-menu')!;
    await menu.updateComplete;
    expect(visible(part(menu, 'trigger').getAttribute('aria-label'))).to.equal('إجراءات أخرى لـ +919999999999', 'no name: the id');
    await openWithKey(menu);
    const popup = part(menu, 'menu');
    await until(() => popup.style.left !== '', 2000, 'positioned');
    await animationsDone(document); // the opening scale
    const t = part(menu, 'trigger').getBoundingClientRect();
    const r = popup.getBoundingClientRect();
    // "end" in RTL is the left edge: the popup's left edge meets the trigger's.
    expect(Math.abs(r.left - t.left)).to.be.below(1);
    expect(r.right).to.be.above(t.right);
    expect(part(menu, 'block-item').textContent!.trim()).to.equal('حظر');
  });

  it('disabled: the trigger cannot be used, and disabling an open menu closes it', async () => {
    const menu = await menuFixture(store);
    await openWithKey(menu);
    menu.disabled = true;
    await until(() => !isShown(menu), 2000, 'menu closed');
    const trigger = part<HTMLButtonElement>(menu, 'trigger');
    expect(trigger.disabled).to.equal(true);
    await clickOn(trigger);
    await frame();
    expect(isShown(menu)).to.equal(false);
  });

  it('a closed menu holds no store listener and needs none; from its first open it follows the customer', async () => {
    const menu = await menuFixture(store);
    expect(store.listenerCount, 'a closed menu in a long list costs the store nothing').to.equal(0);
    // Blocked elsewhere while closed: the first open still offers Unblock.
    store.set(PHONE, true);
    await openWithKey(menu);
    expect(store.listenerCount).to.equal(1);
    expect(visible(part(menu, 'block-item').textContent)).to.equal('Unblock');
    await press('Escape');
    await until(() => !isShown(menu));
    // Closed again but opened before: it keeps following (its popup shows the state).
    store.set(PHONE, false);
    await menu.updateComplete;
    expect(visible(part(menu, 'block-item').textContent)).to.equal('Block');
  });

  it('cleans up: no store listeners and no popup after removal', async () => {
    const menu = await menuFixture(store);
    await openWithKey(menu);
    expect(store.listenerCount).to.equal(1);
    menu.remove();
    expect(store.listenerCount).to.equal(0);
    await frame();
    expect(isShown(menu)).to.equal(false);
    expect(menu.open).to.equal(false);
  });

  it('a missing customer disables Block with a reason and logs a clear error', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      const menu = await fixture<ChatHeaderMenu>(html`<chat-header-menu .store=${store}></chat-header-menu>`);
      await openWithKey(menu, 'ArrowUp');
      expect(part(menu, 'block-item').getAttribute('aria-disabled')).to.equal('true');
      expect(part(menu, 'block-item').textContent).to.contain('No customer selected');
      expect(String(errors[0])).to.contain('"customer" attribute');
    } finally {
      console.error = original;
    }
  });
});
