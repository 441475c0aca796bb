// The first paint of a popup whose module has not loaded yet is placed at once, where
// floating-ui then keeps it: no jump under the pointer when the module arrives (a click
// aimed at an item would otherwise miss it). Left-to-right and right-to-left.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, type ChatHeaderMenu } from '../src/index.js';
import { frame, part, until } from './helpers.js';
import { expectPopupNotLoaded } from './lazy-helpers.js';

async function placedAtOnceThenByFloatingUi(dir: 'ltr' | 'rtl', style: string) {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} style=${style}></div>`);
  wrapper.innerHTML = '<chat-header-menu customer="+919999999999" customer-name="Priya Sharma"></chat-header-menu>';
  const menu = wrapper.querySelector<ChatHeaderMenu>('chat-header-menu')!;
  menu.store = new BlockStore();
  await menu.updateComplete;
  menu.show();
  await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'), 2000, 'the popup shown');
  // Its style, not its rect: the opening animation scales the rect for 0.1 s.
  const at = () => ({ left: parseFloat(part(menu, 'menu').style.left), top: parseFloat(part(menu, 'menu').style.top) });
  const first = at();
  await menu.updateComplete; // the module, then floating-ui's own placement
  await frame();
  await frame();
  const settled = at();
  expect(Math.abs(first.left - settled.left), `${dir}: left moved`).to.be.below(1.5);
  expect(Math.abs(first.top - settled.top), `${dir}: top moved`).to.be.below(1.5);
  menu.hide();
  await menu.updateComplete;
}

describe('lazy loading: the popup is placed at once where floating-ui keeps it', () => {
  it('left-to-right, room below (the first open, module not loaded)', async () => {
    expectPopupNotLoaded();
    await placedAtOnceThenByFloatingUi('ltr', 'padding: 40px 40px 300px 300px');
  });
  it('right-to-left, bottom-end mirrored', async () => {
    await placedAtOnceThenByFloatingUi('rtl', 'padding: 40px 300px 300px 40px');
  });
  it('at the bottom edge: flipped above', async () => {
    await placedAtOnceThenByFloatingUi('ltr', 'position: fixed; right: 0; bottom: 0; width: 60px; height: 48px');
  });
});
