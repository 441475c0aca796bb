// A page of pills and closed menus does not pay for the blocked list: importing the library
// registers <chat-blocked-list> without fetching its view (rows, grid and keyboard, virtual
// window, bulk unblock, styles). The first list connected fetches it; what was set before
// applies, a call made meanwhile waits for it, and updateComplete includes the rows.
// (wtr runs each test file in a page of its own: nothing here has loaded the view before.)
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, type BlockedListItem, type ChatBlockedList } from '../src/index.js';
import { focused, part, press, until, visible } from './helpers.js';
import { fetched } from './lazy-helpers.js';

const ITEMS: BlockedListItem[] = [
  { id: '+919800000001', name: 'Priya Sharma' },
  { id: '+34600000002', name: 'José Álvarez' },
  { id: '+5511900000003', name: 'Joana Souza' },
];
const VIEW = '/chat-blocked-list/blocked-list-view';

const rows = (list: ChatBlockedList) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"][part~="row"]')];
const nameCell = (list: ChatBlockedList, i: number) => rows(list)[i].querySelector<HTMLElement>('[data-col="1"]')!;

describe('lazy loading: the blocked list', () => {
  it('fetches its view on the first connect; what was set before applies, a call made meanwhile waits for it, rows render styled and take keys', async () => {
    expect(customElements.get('chat-blocked-list'), 'defined by define.js').to.not.equal(undefined);
    const store = new BlockStore();
    const list = document.createElement('chat-blocked-list');
    list.store = store;
    list.items = ITEMS;
    list.selected = [ITEMS[1].id];
    // Not connected: nothing fetched; the public API answers from what it was given.
    expect(fetched('/chat-blocked-list/chat-blocked-list'), 'the element itself').to.equal(true);
    expect(fetched(VIEW), 'the view before any list is connected').to.equal(false);
    expect(list.selected).to.deep.equal([ITEMS[1].id]);
    expect(list.busy).to.equal(false);
    expect(list.rowCount).to.deep.equal({ total: 0, shown: 0 });

    const wrapper = await fixture<HTMLElement>(html`<div style="--chat-blocked-list-height: 18rem"></div>`);
    wrapper.append(list);
    // Connected, the view still on its way: the host's box is styled already.
    expect(list.rowCount, 'no view yet').to.deep.equal({ total: 0, shown: 0 });
    expect(getComputedStyle(list).display).to.equal('block');
    const asked = list.unblockSelected();

    await list.updateComplete;
    expect(fetched(VIEW)).to.equal(true);
    expect(rows(list).map((r) => visible(r.querySelector('[part~="name"]')!.textContent))).to.deep.equal(ITEMS.map((i) => i.name));
    expect(list.rowCount).to.deep.equal({ total: 3, shown: 3 });
    expect(store.get(ITEMS[0].id).blocked, 'items seeded as blocked').to.equal(true);
    // The selection set before the view came is the view's.
    expect(rows(list)[1].getAttribute('aria-selected')).to.equal('true');
    expect(part(list, 'unblock-selected').textContent).to.equal('Unblock selected (1)');
    // The view's sheet came with it: the grid scrolls, rows are absolutely placed.
    expect(getComputedStyle(part(list, 'grid')).overflowY).to.equal('auto');
    expect(getComputedStyle(rows(list)[0]).position).to.equal('absolute');

    // unblockSelected(), called before the view was there, asks once it is.
    await until(() => list.shadowRoot!.querySelector('chat-confirm-dialog')?.open === true, 4000, 'the dialog');
    const dialog = list.shadowRoot!.querySelector('chat-confirm-dialog')!;
    // The dialog's own view may still be on its way: its updateComplete includes it.
    await dialog.updateComplete;
    expect(visible(part(dialog, 'heading').textContent)).to.equal('Unblock José Álvarez?');
    part(dialog, 'cancel').click();
    expect(await asked).to.equal(null);
    await until(() => !dialog.open, 2000, 'the dialog to close');

    // The grid's keyboard: arrows move between cells, Space toggles the row.
    nameCell(list, 0).focus();
    await press('ArrowDown');
    expect(focused() === nameCell(list, 1), 'second row, same column').to.equal(true);
    await press('Space');
    await list.updateComplete;
    expect(list.selected).to.deep.equal([]);
    await press('Space');
    await list.updateComplete;
    expect(list.selected).to.deep.equal([ITEMS[1].id]);
    await press('Control+End');
    expect(focused() === nameCell(list, 2), 'last row').to.equal(true);
  });
});
