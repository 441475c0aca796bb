// Issue 8, item 4: axe in every state of the block flow, in light and dark, left-to-right
// and right-to-left, in every engine. The page's color-scheme decides light or dark (the
// elements follow it), so no engine needs media emulation. Also item 3's placement rows:
// the popup lands next to its trigger in an open and a closed shadow root and under an
// `overflow: hidden` + `transform` ancestor.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, registerLocale, requestBlockChange, type ChatBlockRequestEvent, type ChatHeaderMenu } from '../src/index.js';
import ar from '../src/strings/locales/ar.js';
import { animationsDone, deferred, dialogOf, part, press, until } from './helpers.js';
import { clickOn } from './mouse.js';

const PHONE = '+919876543210';
const isShown = (menu: ChatHeaderMenu) => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open');
const dialogOpen = (menu: ChatHeaderMenu) => menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true;

type State = 'closed' | 'open' | 'item disabled' | 'dialog open' | 'pending' | 'error' | 'blocked' | 'unblocked';
const STATES: State[] = ['closed', 'open', 'item disabled', 'dialog open', 'pending', 'error', 'blocked', 'unblocked'];

describe('axe in every state × light/dark × LTR/RTL', () => {
  before(() => registerLocale(ar));
  after(() => (document.documentElement.style.colorScheme = ''));

  for (const scheme of ['light', 'dark'] as const) {
    for (const dir of ['ltr', 'rtl'] as const) {
      it(`${scheme}, ${dir}: ${STATES.join(', ')}`, async () => {
        document.documentElement.style.colorScheme = scheme;
        const store = new BlockStore();
        let answer = deferred();
        const onRequest = (e: Event) => (e as ChatBlockRequestEvent).detail.waitUntil(answer.promise);
        document.addEventListener('chat-block-request', onRequest);
        document.addEventListener('chat-unblock-request', onRequest);
        try {
          const page = await fixture<HTMLElement>(html`<div
            dir=${dir}
            lang=${dir === 'rtl' ? 'ar' : 'en'}
            style="padding: 24px 220px; background: Canvas; color: CanvasText"
          >
            <chat-status-pill customer=${PHONE} transient-ms="0" .store=${store}></chat-status-pill>
            <chat-header-menu customer=${PHONE} customer-name="Priya Sharma" .store=${store}>
              <chat-menu-item value="mark-read">Mark read</chat-menu-item>
              <chat-menu-item value="assign" disabled>Assign to…<span slot="description">Only admins</span></chat-menu-item>
            </chat-header-menu>
          </div>`);
          const menu = page.querySelector<ChatHeaderMenu>('chat-header-menu')!;
          await menu.updateComplete;
          const checked: string[] = [];
          const check = async (state: State) => {
            await animationsDone(document);
            await expect(page, `${state} (${scheme}, ${dir})`).to.be.accessible();
            checked.push(state);
          };
          await check('closed');
          part(menu, 'trigger').focus();
          await press('Enter');
          await until(() => isShown(menu), 2000, 'open');
          await check('open');
          await press('ArrowDown'); // the disabled host item has focus: it is announced, not chosen
          await check('item disabled');
          await press('End');
          await press('Enter');
          await until(() => dialogOpen(menu), 2000, 'dialog');
          await dialogOf(menu).updateComplete;
          await check('dialog open');
          await clickOn(part(dialogOf(menu), 'confirm'));
          await until(() => store.get(PHONE).pending === 'block');
          await dialogOf(menu).updateComplete;
          await check('pending');
          answer.reject(new Error('The server answered 500. Try again.'));
          await until(() => store.get(PHONE).error !== null, 2000, 'error');
          await dialogOf(menu).updateComplete;
          await check('error');
          dialogOf(menu).cancel();
          answer = deferred();
          answer.resolve(undefined);
          await requestBlockChange(document.body, store, { id: PHONE, name: 'Priya Sharma' }, 'block');
          await check('blocked');
          await requestBlockChange(document.body, store, { id: PHONE, name: 'Priya Sharma' }, 'unblock');
          await check('unblocked');
          expect(checked).to.deep.equal(STATES);
        } finally {
          document.removeEventListener('chat-block-request', onRequest);
          document.removeEventListener('chat-unblock-request', onRequest);
        }
      });
    }
  }
});

describe('placement next to the trigger, wherever the menu sits', () => {
  const near = async (menu: ChatHeaderMenu) => {
    await clickOn(part(menu, 'trigger'));
    await until(() => isShown(menu), 2000, 'open');
    const popup = part(menu, 'menu');
    await until(() => popup.style.top !== '', 2000, 'positioned');
    await new Promise((r) => requestAnimationFrame(r));
    const p = popup.getBoundingClientRect();
    const t = part(menu, 'trigger').getBoundingClientRect();
    // bottom-end: below the trigger, right edges aligned (within a few pixels), inside the viewport.
    expect(p.top, 'below the trigger').to.be.closeTo(t.bottom, 12);
    expect(p.right, 'end-aligned with the trigger').to.be.closeTo(t.right, 4);
    expect(p.left).to.be.at.least(0);
    expect(p.bottom).to.be.at.most(innerHeight);
    await press('Escape');
  };

  it('inside an overflow: hidden ancestor with a transform', async () => {
    const host = await fixture<HTMLElement>(html`<div style="padding: 40px 40px 300px 300px">
      <div style="overflow: hidden; transform: translateX(20px) scale(1); width: 80px; height: 48px">
        <chat-header-menu customer=${PHONE} .store=${new BlockStore()}></chat-header-menu>
      </div>
    </div>`);
    const menu = host.querySelector<ChatHeaderMenu>('chat-header-menu')!;
    await menu.updateComplete;
    await near(menu);
  });

  for (const mode of ['open', 'closed'] as const) {
    it(`inside a host's ${mode} shadow root`, async () => {
      const host = await fixture<HTMLElement>(html`<div style="padding: 40px 40px 300px 300px"></div>`);
      const root = host.attachShadow({ mode });
      root.innerHTML = `<div style="overflow: hidden; height: 48px"><chat-header-menu customer="${PHONE}"></chat-header-menu></div>`;
      const menu = root.querySelector<ChatHeaderMenu>('chat-header-menu')!;
      menu.store = new BlockStore();
      await menu.updateComplete;
      await near(menu);
    });
  }
});
