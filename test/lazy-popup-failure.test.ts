// The popup's module cannot be loaded (the connection dropped, or a deploy replaced the files):
// the test server refuses it (test/fail-lazy-middleware.js). The menu still opens, and Block
// says why it can't be chosen instead of doing nothing. This file's page has never loaded it.
import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { ChatMenuItem } from '../src/index.js';
import { accessible, focused, frame, part, press, until } from './helpers.js';
import { clickOn, resetMouse } from './mouse.js';
import { closedMenuFixture, LOAD_FAILED, PHONE, refetchesFailedImports, refuse, reported, whileRefused } from './lazy-helpers.js';


/**
 * Resolves once `el` has kept its place for four frames: the popup changes width when Block's
 * reason comes or goes, and floating-ui moves it to match a frame later (as it does for any
 * content change of an open popup), so a click aimed before that could land beside it.
 */
async function stillFor(el: Element): Promise<void> {
  let last = '';
  // Four frames, not two: under load WebKit moved it once more after two (a CI run's click landed outside).
  for (let same = 0; same < 4; ) {
    await frame();
    const r = el.getBoundingClientRect();
    const now = `${r.left},${r.top},${r.width},${r.height}`;
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

describe('lazy loading: the popup module fails to load', () => {
  const { errors, requests } = whileRefused('menu-popup');
  after(() => resetMouse());

  it('the menu opens anyway, Block is disabled with the reason, choosing it sends nothing; opening again tries again', async () => {
    const { menu } = await closedMenuFixture();
    await clickOn(part(menu, 'trigger'));
    const item = () => part<ChatMenuItem>(menu, 'block-item');
    await until(() => !!menu.shadowRoot!.querySelector('[part~="menu"]:popover-open'), 4000, 'the popup to open');
    await until(() => item()?.disabled === true, 4000, 'Block to be disabled');
    expect(item().querySelector('[slot="description"]')!.textContent).to.equal(LOAD_FAILED);
    expect(item().getAttribute('aria-disabled')).to.equal('true');
    // Reported when the open's own load fails: when the hover's prefetch failed first (WebKit's
    // pointer actions are slow enough), Block says so while that second load is still on its way.
    await until(() => reported(errors, 'chat-header-menu: the popup could not be loaded.'), 2000, 'the failure reported');
    await accessible(menu);

    // A click and Enter on Block: no request, nothing pending, the menu still open.
    await stillFor(item());
    await clickOn(item());
    item().focus();
    await press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    expect(requests).to.have.length(0);
    expect(menu.store.get(PHONE).pending).to.equal(null);
    expect(menu.open).to.equal(true);

    // Opening again tries again: where the engine fetches again it loads, and the earlier
    // clicks do not run then.
    const refetches = await refetchesFailedImports();
    refuse('');
    await press('Escape');
    await until(() => !menu.open, 2000, 'the menu to close');
    expect(focused()).to.equal(part(menu, 'trigger'));
    await clickOn(part(menu, 'trigger'));
    if (!refetches) {
      // This engine keeps a failed dynamic import failed for the page's life: only a reload helps, as Block says.
      await new Promise((r) => setTimeout(r, 500));
      expect(item().disabled).to.equal(true);
      expect(item().querySelector('[slot="description"]')!.textContent).to.equal(LOAD_FAILED);
      return;
    }
    await until(() => item()?.disabled === false, 4000, 'Block to be enabled');
    expect(item().querySelector('[slot="description"]')).to.equal(null);
    await menu.updateComplete;
    // The clicks made while it could not load were not kept: no dialog opened by itself.
    expect(menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open ?? false).to.equal(false);
    expect(requests).to.have.length(0);
    // And it works now.
    await stillFor(item());
    await clickOn(item());
    await until(() => !!menu.shadowRoot!.querySelector('chat-confirm-dialog')?.open, 4000, 'the dialog to open');
  });
});
