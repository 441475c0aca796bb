// show() before the popup module has loaded (a page of its own): updateComplete includes
// the load, so code that awaits it finds the popup rendered, as before lazy loading.
// Also: hovering a trigger prefetches the module before any click.
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { focused, until } from './helpers.js';
import { closedMenuFixture, fetched } from './lazy-helpers.js';

describe('lazy loading: show() and the prefetch', () => {
  it('show(); await updateComplete finds the popup rendered and open on first use', async () => {
    const { menu } = await closedMenuFixture();
    menu.show();
    await menu.updateComplete;
    expect(menu.shadowRoot!.querySelector('[part~="menu"]:popover-open')).to.not.equal(null);
    // updateComplete waited for the popup's module too, as code written before lazy loading expects.
    expect(fetched('/chat-header-menu/menu-popup')).to.equal(true);
    await until(() => focused() === menu.querySelector('chat-menu-item'), 2000, 'first item focused');
    menu.hide();
    await menu.updateComplete;
    expect(menu.shadowRoot!.querySelector('[part~="menu"]:popover-open')).to.equal(null);
  });
});
