// Prefetch (a page of its own): a pointer entering a trigger, or focus landing on it,
// starts loading the popup module before any click, so the first click does not wait.
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { part, until } from './helpers.js';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { closedMenuFixture, fetched } from './lazy-helpers.js';

describe('lazy loading: prefetch on hover', () => {
  after(() => resetMouse());

  it('a closed menu nobody hovered renders no popup', async () => {
    const { menu } = await closedMenuFixture();
    expect(menu.shadowRoot!.querySelector('[part~="menu"]') === null).to.equal(true);
  });

  it('moving the pointer over a trigger loads the popup module and renders the popup, still closed', async () => {
    const { menu } = await closedMenuFixture();
    const r = part(menu, 'trigger').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await until(() => fetched('/chat-header-menu/menu-popup') && fetched('@floating-ui'), 4000, 'the popup module to be fetched');
    await menu.updateComplete;
    expect(menu.open).to.equal(false);
    expect(part(menu, 'trigger').getAttribute('aria-expanded')).to.equal('false');
    // Rendered ahead, so the first press only shows it; hidden until then (not in the top layer, not visible).
    const popup = part(menu, 'menu');
    expect(popup, 'the popup is rendered on hover').to.not.equal(null);
    expect(popup!.matches(':popover-open'), 'not shown').to.equal(false);
    expect(popup!.checkVisibility(), 'not visible').to.equal(false);
    // The press shows it at once, placed next to the trigger.
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await menu.updateComplete;
    expect(menu.open).to.equal(true);
    expect(popup!.matches(':popover-open')).to.equal(true);
    const p = popup!.getBoundingClientRect();
    expect(Math.max(p.top - r.bottom, r.top - p.bottom, 0), 'next to the trigger').to.be.lessThan(24);
    menu.hide();
    await menu.updateComplete;
  });
});
