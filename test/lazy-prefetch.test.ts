// Prefetch (a page of its own): a pointer entering a trigger, or focus landing on it,
// starts loading the popup module before any click, so the first click does not wait.
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { part, until } from './helpers.js';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { closedMenuFixture, fetched } from './lazy-helpers.js';

describe('lazy loading: prefetch on hover', () => {
  after(() => resetMouse());

  it('moving the pointer over a trigger loads the popup module; the menu stays closed', async () => {
    const { menu } = await closedMenuFixture();
    const r = part(menu, 'trigger').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await until(() => fetched('/chat-header-menu/menu-popup') && fetched('@floating-ui'), 4000, 'the popup module to be fetched');
    expect(menu.open).to.equal(false);
    expect(menu.shadowRoot!.querySelector('[part~="menu"]')).to.equal(null);
  });
});
