// Issue 8's reproductions, as a keyboard or screen-reader user meets them, in every engine.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  BlockStore,
  requestBlockChange,
  type ChatBlockRequestEvent,
  type ChatHeaderMenu,
  type ChatMenuSelectEvent,
  type ChatStatusPill,
} from '../src/index.js';
import { deferred, dialogOf, focused, part, press, until, visible } from './helpers.js';
import { clickAt, clickOn, resetMouse } from './mouse.js';

const PHONE = '+919876543210';
const isShown = (menu: ChatHeaderMenu) => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open');
const dialogOpen = (menu: ChatHeaderMenu) => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true;
const label = (el: Element | null) => visible(el?.getAttribute('aria-label') ?? el?.textContent).trim();

describe('accessibility problems of issue 8', () => {
  let store: BlockStore;
  let realInfo: typeof console.info;
  beforeEach(() => {
    store = new BlockStore();
    realInfo = console.info;
    console.info = () => {};
  });
  afterEach(async () => {
    console.info = realInfo;
    await resetMouse();
  });

  it('1. Retry keeps focus: Enter on Retry leaves focus on the pill through "Blocking…" and the result', async () => {
    const backend = deferred();
    let answer: Promise<unknown> = Promise.reject(new Error('The server answered 500. Try again.'));
    answer.catch(() => {});
    const onRequest = (e: ChatBlockRequestEvent) => e.detail.waitUntil(answer);
    document.addEventListener('chat-block-request', onRequest);
    try {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <button id="before">before</button>
        <chat-status-pill customer=${PHONE} .store=${store}></chat-status-pill>
      </div>`);
      const pill = wrapper.querySelector<ChatStatusPill>('chat-status-pill')!;
      await requestBlockChange(document.body, store, { id: PHONE, name: 'Priya' }, 'block').catch(() => {});
      await pill.updateComplete;
      // Keyboard only: Tab from the button before it reaches Retry.
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await press('Tab');
      expect(label(focused())).to.equal('Retry');
      answer = backend.promise;
      await press('Enter');
      await until(() => store.get(PHONE).pending === 'block', 2000, 'the retry to run');
      await pill.updateComplete;
      const status = part(pill, 'pill');
      expect(focused(), 'focus is on the pill, not <body>').to.equal(status);
      expect(visible(status.textContent)).to.contain('Blocking…');
      backend.resolve(undefined);
      await until(() => store.get(PHONE).blocked, 2000, 'blocked');
      await pill.updateComplete;
      expect(focused()).to.equal(part(pill, 'pill'));
      expect(visible(part(pill, 'pill').textContent)).to.equal('Blocked');
      // The next Tab goes on from the pill, not from the top of the page.
      await press('Shift+Tab');
      expect(focused()?.id).to.equal('before');
    } finally {
      document.removeEventListener('chat-block-request', onRequest);
    }
  });

  it('2. every trigger is named for its customer: a list of rows has no two identical buttons', async () => {
    const list = await fixture<HTMLElement>(html`<ul>
      <li><chat-header-menu customer="+919800000001" customer-name="Priya Sharma" .store=${store}></chat-header-menu></li>
      <li><chat-header-menu customer="+919800000002" customer-name="Rahul Verma" .store=${store}></chat-header-menu></li>
      <li><chat-header-menu customer="+919800000003" .store=${store}></chat-header-menu></li>
      <li><chat-header-menu customer="+919800000004" label="Actions" .store=${store}></chat-header-menu></li>
    </ul>`);
    const menus = [...list.querySelectorAll<ChatHeaderMenu>('chat-header-menu')];
    await Promise.all(menus.map((m) => m.updateComplete));
    expect(menus.map((m) => label(part(m, 'trigger')))).to.deep.equal([
      'More actions for Priya Sharma',
      'More actions for Rahul Verma',
      'More actions for +919800000003',
      'Actions',
    ]);
    // The popup carries the same name.
    part(menus[1], 'trigger').focus();
    await press('Enter');
    await until(() => isShown(menus[1]));
    expect(label(part(menus[1], 'menu'))).to.equal('More actions for Rahul Verma');
    await press('Escape');
  });

  it('4. inside a closed shadow root: clicking an item chooses it; clicking outside closes', async () => {
    const host = await fixture<HTMLElement>(html`<div style="padding: 20px 20px 200px 200px"></div>`);
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = `<section><chat-header-menu customer="${PHONE}" customer-name="Priya Sharma">
      <chat-menu-item value="mark-read">Mark read</chat-menu-item></chat-header-menu></section>`;
    const menu = root.querySelector<ChatHeaderMenu>('chat-header-menu')!;
    menu.store = store;
    await menu.updateComplete;
    const chosen: string[] = [];
    menu.addEventListener('chat-menu-select', (e) => chosen.push((e as ChatMenuSelectEvent).detail.value));
    await clickOn(part(menu, 'trigger'));
    await until(() => isShown(menu), 2000, 'menu open');
    await clickOn(root.querySelector('chat-menu-item')!);
    await until(() => !isShown(menu), 2000, 'menu closed');
    expect(chosen).to.deep.equal(['mark-read']);
    // Block, with the mouse, from inside the closed root.
    await clickOn(part(menu, 'trigger'));
    await until(() => isShown(menu));
    await clickOn(part(menu, 'block-item'));
    await until(() => dialogOpen(menu), 2000, 'dialog open');
    await clickOn(part(dialogOf(menu), 'cancel'));
    await until(() => !dialogOpen(menu));
    // And a click outside still closes it.
    await clickOn(part(menu, 'trigger'));
    await until(() => isShown(menu));
    await clickAt(5, 5);
    await until(() => !isShown(menu), 2000, 'closed by an outside click');
  });

  it('6. Tab and Shift+Tab cycle inside the confirmation dialog, both ways', async () => {
    const menu = await fixture<ChatHeaderMenu>(
      html`<chat-header-menu customer=${PHONE} customer-name="Priya Sharma" .store=${store}></chat-header-menu>`,
    );
    part(menu, 'trigger').focus();
    await press('ArrowUp');
    await until(() => isShown(menu));
    await press('Enter');
    await until(() => dialogOpen(menu), 2000, 'dialog open');
    const dialog = dialogOf(menu);
    await dialog.updateComplete;
    const cancel = part(dialog, 'cancel');
    const confirm = part(dialog, 'confirm');
    const seen: (Element | null)[] = [focused()];
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await press(key);
      seen.push(focused());
    }
    expect(seen.map((el) => (el === cancel ? 'Cancel' : el === confirm ? 'Block' : label(el) || String(el)))).to.deep.equal([
      'Cancel',
      'Block',
      'Cancel',
      'Block',
      'Cancel',
      'Block',
    ]);
    await press('Escape');
    await until(() => !dialogOpen(menu));
    expect(focused()).to.equal(part(menu, 'trigger'));
  });
});
