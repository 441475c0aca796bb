import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { BlockStore, registerLocale, type BlockedListItem, type ChatBlockedList, type ChatBlockRequestEvent, type ChatConfirmDialog } from '../src/index.js';
import ar from '../src/strings/locales/ar.js';
import { accessible, accessibleRoleAndName, animationsDone, deferred, expectSame, focused, nodeLabel, press, until, visible } from './helpers.js';
import { clickOn, resetMouse } from './mouse.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ITEMS: BlockedListItem[] = [
  { id: '+919800000001', name: 'Priya Sharma', by: 'Ana', at: '2026-11-20T14:02:00Z', reason: 'Spam' },
  { id: '+34600000002', name: 'José Álvarez', reason: 'Abusive' },
  { id: '+5511900000003', name: 'Joana Souza', until: '2030-01-01T00:00:00Z' },
  { id: '+919800000004', name: 'Ravi Kumar' },
];

function many(n: number, offset = 0): BlockedListItem[] {
  return Array.from({ length: n }, (_, i) => ({ id: `+9199${String(i + offset).padStart(8, '0')}`, name: `Customer ${i + offset}` }));
}

/** The data rows the list has in its DOM now (the virtual window). */
const domRows = (list: ChatBlockedList) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"][part~="row"]')];
const rowOf = (list: ChatBlockedList, id: string) => domRows(list).find((r) => r.textContent!.includes(id)) ?? null;
const namesShown = (list: ChatBlockedList) => domRows(list).map((r) => visible(r.querySelector('[part~="name"]')!.textContent));
const inRow = <T extends HTMLElement = HTMLElement>(row: Element, part: string) => row.querySelector<T>(`[part~="${part}"]`);
const partOf = <T extends HTMLElement = HTMLElement>(list: ChatBlockedList, name: string) =>
  list.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const progress = (list: ChatBlockedList) => partOf(list, 'progress').textContent!.trim();
const ownDialog = (list: ChatBlockedList) => list.shadowRoot!.querySelector<ChatConfirmDialog>('chat-confirm-dialog');
const dialogPart = (dialog: ChatConfirmDialog, name: string) => dialog.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const grid = (list: ChatBlockedList) => partOf(list, 'grid');


const expectFocus = (el: Element | null, message = 'focus') => expectSame(focused(), el, message);

/** Plays the host's backend: every unblock request waits for the test to settle it; counts requests in flight. */
function backend() {
  const calls: { id: string; settle: ReturnType<typeof deferred> }[] = [];
  const state = { inFlight: 0, maxInFlight: 0, calls };
  const listener = (e: Event) => {
    const event = e as ChatBlockRequestEvent;
    const settle = deferred();
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    const done = () => void state.inFlight--;
    settle.promise.then(done, done);
    event.detail.waitUntil(settle.promise);
    calls.push({ id: event.detail.customer.id, settle });
  };
  document.addEventListener('chat-unblock-request', listener);
  return { ...state, state, calls, stop: () => document.removeEventListener('chat-unblock-request', listener) };
}

describe('<chat-blocked-list>', () => {
  let store: BlockStore;
  let stops: (() => void)[];

  beforeEach(() => {
    store = new BlockStore();
    stops = [];
  });
  afterEach(async () => {
    for (const stop of stops) stop();
    await resetMouse();
  });

  async function listOf(items: BlockedListItem[] | undefined, attrs: { concurrency?: number } = {}) {
    const list = await fixture<ChatBlockedList>(
      html`<chat-blocked-list .store=${store} .items=${items} concurrency=${attrs.concurrency ?? 4} style="--chat-blocked-list-height: 18rem"></chat-blocked-list>`,
    );
    await list.updateComplete;
    await pause(0);
    await list.updateComplete;
    return list;
  }

  function answering() {
    const b = backend();
    stops.push(b.stop);
    return b;
  }

  /** Waits for the list's own dialog to be open and its animation done. */
  async function dialogOpen(list: ChatBlockedList) {
    await until(() => ownDialog(list)?.open === true, 2000, 'the dialog');
    const dialog = ownDialog(list)!;
    await dialog.updateComplete;
    await animationsDone(document);
    return dialog;
  }

  describe('what it shows', () => {
    it('shows the host items with name, id and details, seeds them blocked in the store, and is accessible', async () => {
      const list = await listOf(ITEMS);
      expect(namesShown(list)).to.deep.equal(['Priya Sharma', 'José Álvarez', 'Joana Souza', 'Ravi Kumar']);
      const priya = rowOf(list, '+919800000001')!;
      expect(visible(inRow(priya, 'details')!.textContent)).to.contain('by Ana').and.contain('Spam').and.contain('2026');
      expect(visible(inRow(rowOf(list, '+5511900000003')!, 'details')!.textContent)).to.contain('until');
      expect(store.get('+919800000001').blocked).to.equal(true);
      const g = grid(list);
      expect(g.getAttribute('role')).to.equal('grid');
      expect(g.getAttribute('aria-multiselectable')).to.equal('true');
      expect(g.getAttribute('aria-rowcount')).to.equal('5');
      expect(domRows(list).map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4', '5']);
      expect(partOf(list, 'search-label').textContent).to.equal('Search blocked customers');
      expect(partOf<HTMLInputElement>(list, 'search').labels?.[0]?.textContent).to.equal('Search blocked customers');
      // One tab stop in the grid (roving tabindex).
      expect(g.querySelectorAll('[tabindex="0"]').length).to.equal(1);
      await accessible(list);
    });

    it('without items, shows the store’s blocked customers, live', async () => {
      store.set('+911111111111', true);
      store.set('+922222222222', { blocked: true, by: 'Ana', reason: 'Spam' });
      store.set('+933333333333', false);
      const list = await listOf(undefined);
      expect(namesShown(list)).to.deep.equal(['+911111111111', '+922222222222']);
      expect(visible(inRow(rowOf(list, '+922222222222')!, 'details')!.textContent)).to.contain('by Ana').and.contain('Spam');
      store.set('+933333333333', true);
      await list.updateComplete;
      expect(namesShown(list)).to.deep.equal(['+911111111111', '+922222222222', '+933333333333']);
      store.set('+911111111111', false);
      await list.updateComplete;
      expect(namesShown(list)).to.deep.equal(['+922222222222', '+933333333333']);
    });

    it('hides a host item only when the store says unblocked, and shows the empty state', async () => {
      const list = await listOf(ITEMS.slice(0, 1));
      store.set(ITEMS[0].id, false);
      await list.updateComplete;
      expect(domRows(list)).to.have.length(0);
      expect(grid(list).hidden).to.equal(true);
      expect(partOf(list, 'empty').textContent).to.equal('No blocked customers.');
      await accessible(list);
    });
  });

  describe('language and the accessibility tree', () => {
    it('is a grid named "Blocked customers" in the engine’s own accessibility tree', async () => {
      const list = await listOf(ITEMS);
      const node = await accessibleRoleAndName(grid(list), { role: 'grid', name: 'Blocked customers' });
      expect(node.role, `role (${node.via})`).to.equal('grid');
      expect(node.name, `name (${node.via})`).to.equal('Blocked customers');
    });

    it('speaks the page’s language, and the arrows follow right-to-left', async () => {
      registerLocale(ar);
      const wrapper = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl">
        <chat-blocked-list .store=${store} .items=${ITEMS} style="--chat-blocked-list-height: 18rem"></chat-blocked-list>
      </div>`);
      const list = wrapper.querySelector('chat-blocked-list')!;
      await list.updateComplete;
      await pause(0);
      expect(partOf(list, 'search-label').textContent).to.equal('ابحث في العملاء المحظورين');
      expect(grid(list).getAttribute('aria-label')).to.equal('العملاء المحظورون');
      expect(inRow(rowOf(list, ITEMS[0].id)!, 'unblock')!.textContent).to.equal('إلغاء الحظر');
      const nameCell = rowOf(list, ITEMS[0].id)!.querySelector<HTMLElement>('[data-col="1"]')!;
      nameCell.focus();
      await press('ArrowLeft'); // the next column, which is on the left in right-to-left
      expectFocus(rowOf(list, ITEMS[0].id)!.querySelector('[data-col="2"]'), 'details cell');
      await press('ArrowRight');
      await press('ArrowRight');
      expectFocus(inRow(rowOf(list, ITEMS[0].id)!, 'select'), 'checkbox');
      await accessible(list);
    });
  });

  describe('search', () => {
    it('filters by name and id, ignoring case and accents, typed with real keys', async () => {
      const list = await listOf(ITEMS);
      partOf(list, 'search').focus();
      await sendKeys({ type: 'JOSE' });
      await list.updateComplete;
      expect(namesShown(list)).to.deep.equal(['José Álvarez']);
      expect(grid(list).getAttribute('aria-rowcount')).to.equal('2');
      list.query = 'jo';
      await list.updateComplete;
      expect(namesShown(list)).to.deep.equal(['José Álvarez', 'Joana Souza']);
      list.query = '98000 00004';
      await list.updateComplete;
      expect(namesShown(list)).to.deep.equal(['Ravi Kumar']);
      // Letters with no accent to drop are folded as people type them.
      list.items = [...ITEMS, { id: '+48600000005', name: 'Łukasz Østergaard' }];
      list.query = 'lukasz ostergaard';
      await list.updateComplete;
      expect(namesShown(list)).to.deep.equal(['Łukasz Østergaard']);
      list.query = 'nobody';
      await list.updateComplete;
      expect(domRows(list)).to.have.length(0);
      expect(partOf(list, 'empty').textContent).to.equal('No blocked customer matches “nobody”.');
      await accessible(list);
    });
  });

  describe('one row', () => {
    it('unblocks a row with the mouse: confirm, the backend accepts, the row leaves', async () => {
      const b = answering();
      const list = await listOf(ITEMS);
      const changes: string[] = [];
      list.addEventListener('chat-block-change', (e) => changes.push(e.detail.customer.id));
      await clickOn(inRow(rowOf(list, ITEMS[0].id)!, 'unblock')!);
      const dialog = await dialogOpen(list);
      expect(visible(dialogPart(dialog, 'heading').textContent)).to.equal('Unblock Priya Sharma?');
      await accessible(list);
      await clickOn(dialogPart(dialog, 'confirm'));
      await until(() => b.calls.length === 1, 2000, 'the request');
      expect(b.calls[0].id).to.equal(ITEMS[0].id);
      await list.updateComplete;
      expect(inRow(rowOf(list, ITEMS[0].id)!, 'status')!.textContent).to.equal('Unblocking…');
      b.calls[0].settle.resolve(undefined);
      await until(() => !rowOf(list, ITEMS[0].id), 2000, 'the row to leave');
      expect(changes).to.deep.equal([ITEMS[0].id]);
      expect(store.get(ITEMS[0].id).blocked).to.equal(false);
      expect(namesShown(list)).to.deep.equal(['José Álvarez', 'Joana Souza', 'Ravi Kumar']);
    });

    it('unblocks a row with the keyboard alone; focus moves to the next row', async () => {
      const b = answering();
      const before = await fixture(html`<button>before</button>`);
      (before as HTMLElement).focus();
      const list = await listOf(ITEMS);
      list.before(before);
      (before as HTMLElement).focus();
      await press('Tab'); // the search box
      expectFocus(partOf(list, 'search'), 'search');
      await press('Tab'); // Unblock selected (nothing selected: aria-disabled, still focusable)
      expectFocus(partOf(list, 'unblock-selected'), 'unblock selected');
      await press('Tab'); // the grid's one tab stop: "select all" in the header
      expectFocus(partOf(list, 'select-all'), 'select all');
      await press('ArrowDown');
      expectFocus(inRow(rowOf(list, ITEMS[0].id)!, 'select'), 'first row checkbox');
      await press('ArrowDown');
      await press('End');
      const joseButton = inRow(rowOf(list, ITEMS[1].id)!, 'unblock')!;
      expectFocus(joseButton, 'José’s Unblock');
      await press('Enter');
      const dialog = await dialogOpen(list);
      expectFocus(dialogPart(dialog, 'cancel'), 'Cancel first');
      await press('Tab');
      expectFocus(dialogPart(dialog, 'confirm'), 'confirm');
      await press('Enter');
      await until(() => b.calls.length === 1, 2000, 'the request');
      b.calls[0].settle.resolve(undefined);
      await until(() => !rowOf(list, ITEMS[1].id), 2000, 'the row to leave');
      await until(() => !ownDialog(list)!.open, 2000, 'the dialog to close');
      await list.updateComplete;
      await pause(0);
      // The row that took José's place (Joana) has the focus, in the same column.
      expectFocus(inRow(rowOf(list, ITEMS[2].id)!, 'unblock'), 'Joana’s Unblock');
      // Delete on a row unblocks it too.
      await press('Delete');
      const again = await dialogOpen(list);
      expect(visible(dialogPart(again, 'heading').textContent)).to.equal('Unblock Joana Souza?');
      await press('Escape');
      await until(() => !ownDialog(list)!.open, 2000, 'the dialog to close');
      expect(b.calls).to.have.length(1);
      before.remove();
    });

    it('a refused unblock keeps the row, marked failed, and its Retry works from the keyboard (confirm-unblock="false")', async () => {
      const b = answering();
      const list = await listOf(ITEMS);
      list.setAttribute('confirm-unblock', 'false');
      await list.updateComplete;
      const ravi = () => rowOf(list, ITEMS[3].id)!;
      ravi().querySelector<HTMLElement>('[data-col="1"]')!.focus();
      await press('Delete');
      await until(() => b.calls.length === 1, 2000, 'the request, without a dialog');
      expect(ownDialog(list)).to.equal(null);
      b.calls[0].settle.reject(new Error("Couldn't reach the server. Check the connection and try again."));
      await until(() => ravi().getAttribute('part')!.includes('failed'), 2000, 'the row marked failed');
      expect(inRow(ravi(), 'error')!.textContent).to.equal("Couldn't unblock: Couldn't reach the server. Check the connection and try again.");
      expect(store.get(ITEMS[3].id).blocked).to.equal(true);
      await accessible(list);
      await press('End');
      expectFocus(inRow(ravi(), 'retry'), 'Retry');
      await press('Enter');
      await until(() => b.calls.length === 2, 2000, 'the retry');
      await list.updateComplete;
      // The Retry button gave way to "Unblocking…": focus stays on that cell, not <body>.
      await pause(0);
      expectFocus(ravi().querySelector('[data-col="3"]'), 'the action cell while it runs');
      b.calls[1].settle.resolve(undefined);
      await until(() => !rowOf(list, ITEMS[3].id), 2000, 'the row to leave');
      await pause(0);
      // Ravi was the last row: focus goes to the row that is now last, same column.
      expectFocus(inRow(rowOf(list, ITEMS[2].id)!, 'unblock'), 'Joana’s Unblock');
    });

    it('arrows, Home / End, Ctrl+Home / Ctrl+End and Space follow the grid pattern', async () => {
      const list = await listOf(ITEMS);
      const cell = (id: string, col: number) => rowOf(list, id)!.querySelector<HTMLElement>(`[data-col="${col}"]`)!;
      cell(ITEMS[0].id, 1).focus();
      await list.updateComplete;
      expect(cell(ITEMS[0].id, 1).tabIndex).to.equal(0);
      await press('Space');
      await list.updateComplete;
      expect(rowOf(list, ITEMS[0].id)!.getAttribute('aria-selected')).to.equal('true');
      expect(inRow<HTMLInputElement>(rowOf(list, ITEMS[0].id)!, 'select')!.checked).to.equal(true);
      expect(partOf(list, 'unblock-selected').textContent).to.equal('Unblock selected (1)');
      await press('ArrowRight');
      expectFocus(cell(ITEMS[0].id, 2), 'details cell');
      await press('Home');
      expectFocus(inRow(rowOf(list, ITEMS[0].id)!, 'select'), 'checkbox');
      await press('Space'); // the checkbox toggles itself
      await list.updateComplete;
      expect(list.selected).to.deep.equal([]);
      await press('Control+End');
      expectFocus(inRow(rowOf(list, ITEMS[3].id)!, 'select'), 'last row, same column');
      await press('ArrowUp');
      expectFocus(inRow(rowOf(list, ITEMS[2].id)!, 'select'), 'row above');
      await press('Control+Home');
      expectFocus(inRow(rowOf(list, ITEMS[0].id)!, 'select'), 'first row');
      await press('ArrowUp');
      expectFocus(partOf(list, 'select-all'), 'header');
      await press('Space');
      await list.updateComplete;
      expect(list.selected).to.have.length(4);
      expect(grid(list).querySelectorAll('[tabindex="0"]').length).to.equal(1);
      await accessible(list);
    });
  });

  describe('bulk unblock', () => {
    it('asks once, holds the concurrency limit, shows progress, keeps failed rows with Retry', async () => {
      const b = answering();
      const items = many(12);
      const list = await listOf(items);
      const errors: string[] = [];
      list.addEventListener('chat-block-error', (e) => errors.push(e.detail.customer.id));
      await clickOn(partOf(list, 'select-all'));
      await list.updateComplete;
      expect(list.selected).to.have.length(12);
      expect(partOf(list, 'select-all').getAttribute('aria-label')).to.equal('Select all shown');
      await accessible(list);
      await clickOn(partOf(list, 'unblock-selected'));
      const dialog = await dialogOpen(list);
      expect(dialogPart(dialog, 'heading').textContent).to.equal('Unblock 12 customers?');
      await clickOn(dialogPart(dialog, 'confirm'));
      await until(() => b.calls.length === 4, 2000, 'the first four requests');
      await pause(60);
      expect(b.calls.length, 'no more than 4 at once').to.equal(4);
      expect(b.state.inFlight).to.equal(4);
      await list.updateComplete;
      const unblockSelected = partOf(list, 'unblock-selected');
      expect(unblockSelected.getAttribute('aria-busy')).to.equal('true');
      expect(unblockSelected.getAttribute('aria-disabled')).to.equal('true');
      expect(list.matches(':state(busy)')).to.equal(true);
      expect(domRows(list).filter((r) => inRow(r, 'status')?.textContent === 'Waiting…')).to.have.length(8);
      await accessible(list);
      // A second "Unblock selected" while this one runs is refused: no second dialog, no new request.
      await clickOn(unblockSelected);
      expect(await list.unblockSelected()).to.equal(null);
      expect(ownDialog(list)!.open).to.equal(false);

      for (const call of b.calls.slice(0, 3)) call.settle.resolve(undefined);
      await until(() => b.calls.length === 7, 2000, 'three more requests');
      await list.updateComplete;
      expect(progress(list)).to.equal('3 of 12 unblocked');
      expect(partOf(list, 'progress').getAttribute('role')).to.equal('status');
      // The rest: the 5th and 9th fail, the others are accepted, each as its request arrives.
      const failing = new Set([items[4].id, items[8].id]);
      let answered = 3;
      while (answered < 12) {
        await until(() => b.calls.length > answered, 2000, `request ${answered + 1}`);
        const call = b.calls[answered++];
        if (failing.has(call.id)) call.settle.reject(new Error('The server answered 500 (Internal error). Try again.'));
        else call.settle.resolve(undefined);
        expect(b.state.maxInFlight).to.be.at.most(4);
      }
      await until(() => !list.busy, 2000, 'the bulk to end');
      await list.updateComplete;
      expect(b.state.maxInFlight).to.equal(4);
      expect(progress(list)).to.equal('10 of 12 unblocked · 2 failed');
      expect(errors.sort()).to.deep.equal([...failing].sort());
      expect(namesShown(list)).to.deep.equal(['Customer 4', 'Customer 8']);
      const failed = rowOf(list, items[4].id)!;
      expect(failed.getAttribute('part')).to.contain('failed');
      expect(inRow(failed, 'error')!.textContent).to.equal("Couldn't unblock: The server answered 500 (Internal error). Try again.");
      expect(store.get(items[4].id).blocked).to.equal(true);
      expect(list.selected.sort()).to.deep.equal([...failing].sort());
      expect(partOf(list, 'unblock-selected').getAttribute('aria-disabled')).to.equal('false');
      await accessible(list);

      // Retry succeeds: the row leaves, the progress counts it.
      await clickOn(inRow(failed, 'retry')!);
      await until(() => b.calls.length === 13, 2000, 'the retry');
      expect(b.calls[12].id).to.equal(items[4].id);
      b.calls[12].settle.resolve(undefined);
      await until(() => !rowOf(list, items[4].id), 2000, 'the retried row to leave');
      await list.updateComplete;
      expect(progress(list)).to.equal('11 of 12 unblocked · 1 failed');
      expect(namesShown(list)).to.deep.equal(['Customer 8']);
    });

    it('follows the concurrency attribute, and a cancelled confirmation sends nothing', async () => {
      const b = answering();
      const list = await listOf(many(5), { concurrency: 2 });
      list.selected = many(5).map((i) => i.id);
      await list.updateComplete;
      const first = list.unblockSelected();
      const dialog = await dialogOpen(list);
      dialogPart(dialog, 'cancel').click();
      expect(await first).to.equal(null);
      expect(b.calls).to.have.length(0);
      expect(list.busy).to.equal(false);
      const second = list.unblockSelected();
      (await dialogOpen(list)) && dialogPart(ownDialog(list)!, 'confirm').click();
      await until(() => b.calls.length === 2, 2000, 'two requests');
      await pause(50);
      expect(b.calls).to.have.length(2);
      for (let i = 0; i < 5; i++) {
        await until(() => b.calls.length > i, 2000, `request ${i + 1}`);
        b.calls[i].settle.resolve(undefined);
      }
      expect(await second).to.deep.equal({ total: 5, unblocked: 5, failed: 0, unconfirmed: 0 });
      expect(b.state.maxInFlight).to.equal(2);
      await list.updateComplete;
      expect(domRows(list)).to.have.length(0);
      expect(progress(list)).to.equal('5 of 5 unblocked');
    });

    it('uses the page’s own <chat-confirm-dialog> when there is one', async () => {
      answering();
      const page = await fixture<ChatConfirmDialog>(html`<chat-confirm-dialog></chat-confirm-dialog>`);
      const list = await listOf(many(3));
      list.selected = many(3).map((i) => i.id);
      void list.unblockSelected();
      await until(() => page.open, 2000, 'the page dialog');
      expect(ownDialog(list)).to.equal(null);
      page.cancel();
      page.remove();
    });
  });

  describe('5,000 entries', () => {
    it('renders only a window of rows, and Ctrl+End reaches the last with the right row index', async () => {
      const items = many(5000);
      const start = performance.now();
      const list = await listOf(items);
      const ms = performance.now() - start;
      const rows = domRows(list).length;
      expect(rows, 'rows in the DOM').to.be.within(5, 40);
      expect(grid(list).getAttribute('aria-rowcount')).to.equal('5001');
      expect(ms, 'first render of 5,000 (ms)').to.be.below(2000);
      const firstCell = domRows(list)[0].querySelector<HTMLElement>('[data-col="1"]')!;
      firstCell.focus();
      await press('Control+End');
      await list.updateComplete;
      const last = focused()!.closest('[role="row"]')!;
      expect(last.getAttribute('aria-rowindex'), nodeLabel(focused())).to.equal('5001');
      expect(visible(last.querySelector('[part~="name"]')!.textContent)).to.equal('Customer 4999');
      await until(() => domRows(list).length < 40, 2000, 'the window to follow the scroll');
      expect(grid(list).scrollTop).to.be.above(100000);
      await press('ArrowUp');
      expect(visible(focused()!.closest('[role="row"]')!.querySelector('[part~="name"]')!.textContent)).to.equal('Customer 4998');
      // Selection works across the whole list, not only the rendered rows.
      await press('Control+a');
      await list.updateComplete;
      expect(list.selected).to.have.length(5000);
      expect(partOf(list, 'unblock-selected').textContent).to.equal('Unblock selected (5000)');
      // Search over the 5,000.
      list.query = 'customer 49';
      await list.updateComplete;
      expect(grid(list).getAttribute('aria-rowcount')).to.equal(String(111 + 1));
      expect(domRows(list).length).to.be.below(40);
      await accessible(list);
    });
  });
});
