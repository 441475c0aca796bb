// Issue 9, items 1–3 in the menu: a reason, a duration, and Undo, with real keys and clicks.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, type ChatBlockRequestEvent, type ChatHeaderMenu, type ChatStatusPill } from '../src/index.js';
import { animationsDone, deferred, dialogOf, focused, part, press, until, visible } from './helpers.js';
import { clickOn } from './mouse.js';

const PHONE = '+919876543210';
const isShown = (menu: ChatHeaderMenu) => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open');
const dialogOpen = (menu: ChatHeaderMenu) => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true;
const toast = (menu: ChatHeaderMenu) => menu.shadowRoot!.querySelector<HTMLElement>('[part~="undo"]');
const toastShown = (menu: ChatHeaderMenu) => !!toast(menu)?.matches(':popover-open') && !!toast(menu)?.textContent;

describe('moderation: reason, duration, undo', () => {
  let store: BlockStore;
  let requests: ChatBlockRequestEvent[];
  let answer: () => Promise<unknown>;
  const onRequest = (e: Event) => {
    requests.push(e as ChatBlockRequestEvent);
    (e as ChatBlockRequestEvent).detail.waitUntil(answer());
  };
  beforeEach(() => {
    store = new BlockStore();
    requests = [];
    answer = () => Promise.resolve();
    document.addEventListener('chat-block-request', onRequest);
    document.addEventListener('chat-unblock-request', onRequest);
  });
  afterEach(() => {
    document.removeEventListener('chat-block-request', onRequest);
    document.removeEventListener('chat-unblock-request', onRequest);
  });

  async function menuWith(attrs: string) {
    const wrapper = await fixture<HTMLElement>(html`<div><div id="slot"></div><chat-status-pill customer=${PHONE}></chat-status-pill></div>`);
    wrapper.querySelector('#slot')!.outerHTML = `<chat-header-menu customer="${PHONE}" customer-name="Priya Sharma" ${attrs}></chat-header-menu>`;
    const menu = wrapper.querySelector<ChatHeaderMenu>('chat-header-menu')!;
    const pill = wrapper.querySelector<ChatStatusPill>('chat-status-pill')!;
    menu.store = store;
    pill.store = store;
    await menu.updateComplete;
    return { menu, pill };
  }

  /** Keyboard only: the menu on its last item (Block / Unblock), Enter, the dialog. */
  async function askWithKeys(menu: ChatHeaderMenu) {
    part(menu, 'trigger').focus();
    await press('ArrowUp');
    await until(() => isShown(menu));
    await press('Enter');
    await until(() => dialogOpen(menu), 2000, 'dialog open');
    const dialog = dialogOf(menu);
    await dialog.updateComplete;
    return dialog;
  }

  it('reasons: a radio group in the dialog, chosen with the keyboard, sent in detail.reason', async () => {
    const { menu } = await menuWith('reasons="spam abusive other"');
    const dialog = await askWithKeys(menu);
    const group = part(dialog, 'reasons');
    expect(visible(group.querySelector('legend')!.textContent)).to.equal('Reason (optional)');
    const labels = [...group.querySelectorAll('[part~="reason"]')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Spam', 'Abusive', 'Other']);
    await animationsDone(document);
    await expect(dialog).to.be.accessible();
    expect(focused()).to.equal(part(dialog, 'cancel'), 'focus still starts on Cancel');
    // Shift+Tab from Cancel wraps to the last control; Tab from Block reaches the radios.
    await press('Tab'); // Block
    await press('Tab'); // wraps to the first control: the radio group
    expect((focused() as HTMLInputElement).type).to.equal('radio');
    await press('ArrowDown'); // radios select as they move: Abusive
    await press('Tab'); // Cancel
    await press('Tab'); // Block
    await press('Enter');
    await until(() => store.get(PHONE).blocked, 2000, 'blocked');
    expect(requests[0].detail.reason).to.equal('abusive');
    expect(store.get(PHONE).reason).to.equal('abusive');
  });

  it('reason-required: Block without a reason says so, focuses the question, and sends nothing', async () => {
    const { menu } = await menuWith('reasons="spam other" reason-required');
    const dialog = await askWithKeys(menu);
    await clickOn(part(dialog, 'confirm'));
    await dialog.updateComplete;
    expect(visible(part(dialog, 'reason-missing').textContent)).to.equal('Choose a reason to block.');
    expect(part(dialog, 'reason-missing').getAttribute('role')).to.equal('alert');
    expect((focused() as HTMLInputElement).type).to.equal('radio');
    expect(requests).to.have.length(0);
    await animationsDone(document);
    await expect(dialog).to.be.accessible();
    // "Other" asks for the agent's words; they travel as the reason.
    await clickOn([...dialog.shadowRoot!.querySelectorAll<HTMLElement>('[part~="reason"]')][1]);
    await dialog.updateComplete;
    part<HTMLInputElement>(dialog, 'reason-text').focus();
    await press('S');
    await press('c');
    await press('a');
    await press('m');
    await clickOn(part(dialog, 'confirm'));
    await until(() => store.get(PHONE).blocked, 2000, 'blocked');
    expect(requests[0].detail.reason).to.equal('Scam');
  });

  it('durations: "24h" sends detail.until a day from now, and the pill counts down', async () => {
    const { menu, pill } = await menuWith('durations="24h 7d"');
    const dialog = await askWithKeys(menu);
    const select = part<HTMLSelectElement>(dialog, 'duration');
    expect([...select.options].map((o) => o.text)).to.deep.equal(['Until unblocked', '24 hours', '7 days']);
    select.focus();
    await press('ArrowDown'); // 24 hours
    await until(() => select.selectedIndex === 1, 1000, 'the select to move');
    select.dispatchEvent(new Event('change')); // WebKit fires change on blur only
    await clickOn(part(dialog, 'confirm'));
    await until(() => store.get(PHONE).blocked, 2000, 'blocked');
    const until24 = Date.parse(requests[0].detail.until!);
    expect(until24 - Date.now()).to.be.within(23.9 * 3600_000, 24 * 3600_000);
    await pill.updateComplete;
    expect(visible(part(pill, 'pill').textContent)).to.equal('Blocked · ends in 24 hours');
  });

  it('undo: after an accepted block, "Priya Sharma blocked · Undo"; Tab reaches it and Enter unblocks', async () => {
    const { menu, pill } = await menuWith('undo-ms');
    const dialog = await askWithKeys(menu);
    await press('Tab');
    await press('Enter'); // Block
    await until(() => store.get(PHONE).blocked, 2000, 'blocked');
    await until(() => toastShown(menu), 2000, 'the undo toast');
    expect(toast(menu)!.getAttribute('role')).to.equal('status');
    expect(visible(part(menu, 'undo-text').textContent)).to.equal('Priya Sharma blocked');
    expect(focused(), 'the toast does not steal focus').to.equal(part(menu, 'trigger'));
    await animationsDone(document);
    await expect(menu).to.be.accessible();
    await press('Tab');
    expect(focused()).to.equal(part(menu, 'undo-button'));
    await press('Enter');
    await until(() => !store.get(PHONE).blocked && !store.get(PHONE).pending, 2000, 'unblocked by undo');
    expect(requests.map((r) => r.type)).to.deep.equal(['chat-block-request', 'chat-unblock-request']);
    expect(focused(), 'focus back on the trigger').to.equal(part(menu, 'trigger'));
    await until(() => !toastShown(menu));
    await pill.updateComplete;
    expect(visible(part(pill, 'pill').textContent)).to.equal('Unblocked');
    expect(dialog.open).to.equal(false);
  });

  it('undo: Escape dismisses the toast; without undo-ms there is none', async () => {
    const { menu } = await menuWith('undo-ms="10000"');
    await askWithKeys(menu);
    await press('Tab');
    await press('Enter');
    await until(() => toastShown(menu), 2000, 'the undo toast');
    await press('Tab');
    await press('Escape');
    await until(() => !toastShown(menu), 1000, 'dismissed');
    expect(store.get(PHONE).blocked).to.equal(true);
    expect(requests).to.have.length(1);

    const plain = await menuWith('');
    await askWithKeys(plain.menu);
    store.set(PHONE, false);
  });

  it('undo racing a slow first request: Undo shows only once the block is accepted, then runs through the lifecycle', async () => {
    const first = deferred();
    const second = deferred();
    const answers = [first, second];
    answer = () => answers.shift()!.promise;
    const { menu } = await menuWith('undo-ms="10000"');
    const dialog = await askWithKeys(menu);
    await press('Tab');
    await press('Enter');
    await until(() => store.get(PHONE).pending === 'block');
    await new Promise((r) => setTimeout(r, 100));
    expect(toastShown(menu), 'no undo before the backend answers').to.equal(false);
    first.resolve(undefined);
    await until(() => toastShown(menu), 2000, 'the undo toast');
    expect(dialog.open).to.equal(false);
    await clickOn(part(menu, 'undo-button'));
    await until(() => store.get(PHONE).pending === 'unblock');
    second.reject(new Error('The server answered 500. Try again.'));
    await until(() => store.get(PHONE).pending === null);
    // The undo failed: the customer stays blocked, and says why.
    expect(store.get(PHONE).blocked).to.equal(true);
    expect(store.get(PHONE).error?.action).to.equal('unblock');
  });

  it('a typo in reasons or durations is a clear error when the dialog opens, not a silent wrong dialog', async () => {
    const { menu } = await menuWith('durations="tomorrow"');
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args[0]);
    try {
      part(menu, 'trigger').focus();
      await press('ArrowUp');
      await until(() => isShown(menu));
      await press('Enter');
      await until(() => errors.length > 0, 2000, 'the error');
      expect(String(errors[0])).to.match(/unknown duration "tomorrow"/);
      expect(dialogOpen(menu), 'no dialog with a wrong question').to.equal(false);
      expect(requests).to.have.length(0);
    } finally {
      console.error = original;
    }
  });
});
