import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, type ChatHeaderMenu } from '../src/index.js';
import { part, dialogOf, until } from './helpers.js';

describe('smoke', () => {
  it('blocks through menu and dialog', async () => {
    const store = new BlockStore();
    const el = await fixture<ChatHeaderMenu>(html`<chat-header-menu customer="+919999999999" customer-name="Priya" .store=${store}></chat-header-menu>`);
    part(el, 'trigger').click();
    await el.updateComplete;
    await until(() => part(el, 'menu').matches(':popover-open'));
    part(el, 'block-item').click();
    await until(() => !!el.shadowRoot!.querySelector('chat-confirm-dialog')?.open);
    const dialog = dialogOf(el);
    await dialog.updateComplete;
    part(dialog, 'confirm').click();
    await until(() => store.get('+919999999999').blocked);
    expect(store.get('+919999999999').blocked).to.equal(true);
  });
});
