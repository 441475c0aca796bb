// The first open from the keyboard, with the popup module not loaded yet (a page of its
// own): ArrowUp on the trigger opens on the last item, as it does once loaded; keys pressed
// in the popup while its module loads are handled in order once it is here.
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { focused, part, press, until } from './helpers.js';
import { closedMenuFixture, fetched } from './lazy-helpers.js';

describe('lazy loading: the first open from the keyboard', () => {
  it('ArrowUp on a trigger whose popup is not loaded opens on the last item (Block)', async () => {
    const { wrapper, menu } = await closedMenuFixture();

    // Focus lands on the trigger by Tab, as an agent would get there.
    wrapper.querySelector<HTMLElement>('#before')!.focus();
    await press('Tab');
    expect(focused()).to.equal(part(menu, 'trigger'));
    await press('ArrowUp');
    await until(() => focused() === menu.shadowRoot!.querySelector('[part~="block-item"]'), 4000, 'the last item (Block) focused');
    expect(menu.open).to.equal(true);
    // Escape closes and gives focus back to the trigger; ArrowDown then opens on the first item.
    await press('Escape');
    await until(() => !menu.open && focused() === part(menu, 'trigger'), 4000, 'closed, focus on the trigger');
    expect(fetched('/chat-header-menu/menu-popup')).to.equal(true);
    await press('ArrowDown');
    await until(() => focused() === menu.querySelector('chat-menu-item'), 2000, 'the first item focused');
  });
});
