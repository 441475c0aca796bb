// The first open of a menu whose popup module has not been loaded yet (wtr runs each test
// file in a page of its own, so nothing in this file has opened a menu before): a real
// click opens it with the first item focused, exactly as later opens do.
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { focused, part, until } from './helpers.js';
import { clickOn, resetMouse } from './mouse.js';
import { closedMenuFixture, fetched } from './lazy-helpers.js';

describe('lazy loading: the first open by a click', () => {
  after(() => resetMouse());

  it('a closed menu loads only its trigger; the first click loads the popup and opens it with the first item focused', async () => {
    const { menu } = await closedMenuFixture();
    expect(menu.shadowRoot!.querySelector('[part~="menu"]')).to.equal(null);

    await clickOn(part(menu, 'trigger'));
    await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'), 4000, 'the popup to open');
    await until(() => focused() === menu.querySelector('chat-menu-item'), 2000, 'first item focused');
    await menu.updateComplete; // includes the popup's module
    expect(fetched('/chat-header-menu/menu-popup')).to.equal(true);
    expect(menu.open).to.equal(true);
    expect(part(menu, 'trigger').getAttribute('aria-expanded')).to.equal('true');
    // Placed next to its trigger (at once, then kept there by floating-ui), not where the UA puts a popover.
    const popup = part(menu, 'menu').getBoundingClientRect();
    const trigger = part(menu, 'trigger').getBoundingClientRect();
    expect(Math.abs(popup.top - trigger.bottom)).to.be.below(24);
    // The popup's styles came with it: a fixed, bordered surface.
    expect(getComputedStyle(part(menu, 'menu')).position).to.equal('fixed');

    // The second open is the same.
    await clickOn(part(menu, 'trigger'));
    await until(() => !menu.open, 2000, 'the menu to close');
    await clickOn(part(menu, 'trigger'));
    await until(() => focused() === menu.querySelector('chat-menu-item'), 2000, 'first item focused again');
  });
});
