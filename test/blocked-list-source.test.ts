// <chat-blocked-list source>: a server's blocked customers, a page at a time (issue 16). The
// source here is an in-memory server with cursors and its own search; the demo's end-to-end
// tests page through a real relay over HTTP.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { BlockStore, type BlockedListPage, type BlockedListSource, type ChatBlockedList } from '../src/index.js';
import { accessible, until, visible } from './helpers.js';

interface Entry {
  id: string;
  name: string;
  by: string;
  at: string;
  revision: number;
}

/** A server's list: newest first, `limit` at a time, searched by name or digits, every call recorded. */
function server(count: number) {
  const entries: Entry[] = Array.from({ length: count }, (_, i) => ({
    id: `+9198${String(i).padStart(8, '0')}`,
    name: `Customer ${i}`,
    by: 'Asha',
    at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    revision: i + 1,
  })).reverse();
  const calls: { query?: string; cursor?: string | null; limit?: number }[] = [];
  let failNext = false;
  const source: BlockedListSource = {
    async list({ query, cursor, limit = 50 }) {
      calls.push({ query, cursor, limit });
      await new Promise((r) => setTimeout(r, 5));
      if (failNext) {
        failNext = false;
        throw new Error('The server answered 503 (Service Unavailable). Try again.');
      }
      const q = (query ?? '').toLowerCase();
      const digits = q.replace(/\D/g, '');
      const hits = q ? entries.filter((e) => e.name.toLowerCase().includes(q) || (digits && e.id.includes(digits))) : entries;
      const start = cursor ? Number(cursor) : 0;
      const items = hits.slice(start, start + limit);
      const page: BlockedListPage = { items, next: start + limit < hits.length ? String(start + limit) : null };
      return page;
    },
  };
  return {
    source,
    calls,
    entries,
    failNextCall: () => (failNext = true),
    add(entry: Entry) {
      entries.unshift(entry);
    },
  };
}

const names = (list: ChatBlockedList) =>
  [...list.shadowRoot!.querySelectorAll('[part~="row"] [part~="name"]')].map((n) => visible(n.textContent!));
const part = (list: ChatBlockedList, name: string) => list.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const grid = (list: ChatBlockedList) => part(list, 'grid')!;

async function scrollToEnd(list: ChatBlockedList) {
  grid(list).scrollTop = grid(list).scrollHeight;
  grid(list).dispatchEvent(new Event('scroll'));
  await list.updateComplete;
}

describe('<chat-blocked-list source>: a server list, a page at a time', () => {
  let store: BlockStore;
  beforeEach(() => {
    store = new BlockStore();
  });

  it('reads the first page on connect, the next ones as the rows shown near the end, and seeds the store', async () => {
    const s = server(130);
    const list = await fixture<ChatBlockedList>(html`<chat-blocked-list .store=${store} .source=${s.source}></chat-blocked-list>`);
    expect(part(list, 'empty')!.textContent).to.equal('Loading blocked customers…');
    await until(() => list.rowCount.total === 50, 3000, 'the first page');
    expect(s.calls).to.deep.equal([{ query: undefined, cursor: null, limit: 50 }]);
    expect(names(list)[0]).to.equal('Customer 129', 'newest first, as the server sends them');
    expect(grid(list).getAttribute('aria-rowcount')).to.equal('-1', 'the size is not known while pages remain');
    // Every listed customer is blocked for every view, with what the server said.
    expect(store.get(s.entries[0].id)).to.include({ known: true, blocked: true, by: 'Asha', revision: 130 });
    await accessible(list);

    await scrollToEnd(list);
    await until(() => list.rowCount.total === 100, 3000, 'the second page');
    expect(s.calls[1]).to.deep.equal({ query: undefined, cursor: '50', limit: 50 });
    await scrollToEnd(list);
    await until(() => list.rowCount.total === 130, 3000, 'the last page');
    expect(grid(list).getAttribute('aria-rowcount')).to.equal('131', 'known once the last page is here');
    await scrollToEnd(list);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.calls).to.have.length(3, 'nothing is read past the last page');
  });

  it('searches on the server after a pause in typing, not in the page', async () => {
    const s = server(130);
    const list = await fixture<ChatBlockedList>(html`<chat-blocked-list .store=${store} .source=${s.source}></chat-blocked-list>`);
    await until(() => list.rowCount.total === 50, 3000, 'the first page');
    const input = part(list, 'search') as HTMLInputElement;
    for (const text of ['9', '91 98', '+91 98000 00012']) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    }
    await until(() => s.calls.length === 2, 3000, 'one search');
    expect(s.calls[1].query).to.equal('+91 98000 00012', 'only the last text was asked for');
    // The server matched the digits of the number; the page did not filter its answer again.
    await until(() => names(list).join() === 'Customer 12', 3000, 'the match');
    expect(list.rowCount).to.deep.equal({ total: 1, shown: 1 });

    input.value = 'nobody';
    input.dispatchEvent(new Event('input'));
    await until(() => part(list, 'empty')!.textContent === 'No blocked customer matches “nobody”.', 3000, 'no match');
  });

  it('adds a customer blocked elsewhere on top, and drops one unblocked elsewhere', async () => {
    const s = server(10);
    const list = await fixture<ChatBlockedList>(html`<chat-blocked-list .store=${store} .source=${s.source}></chat-blocked-list>`);
    await until(() => list.rowCount.total === 10, 3000, 'the list');
    // Another agent blocks a customer: the server has them, and the store hears of it (follow()).
    const entry = { id: '+14155550132', name: 'Emily Carter', by: 'Ben', at: new Date().toISOString(), revision: 500 };
    s.add(entry);
    store.set(entry.id, { blocked: true, by: 'Ben', revision: 500 });
    await until(() => names(list)[0] === 'Emily Carter', 3000, 'the new row on top, with the server\'s name');
    expect(list.rowCount.total).to.equal(11);
    // Another agent unblocks one: the row leaves at once.
    store.set(s.entries[3].id, { blocked: false, revision: 501 });
    await until(() => list.rowCount.total === 10, 3000, 'the row to leave');
    expect(names(list)).not.to.include(s.entries[3].name);
  });

  it('says why a page could not be read, and Retry reads it again', async () => {
    const s = server(80);
    s.failNextCall();
    const list = await fixture<ChatBlockedList>(html`<chat-blocked-list .store=${store} .source=${s.source}></chat-blocked-list>`);
    await until(() => !!part(list, 'load-error'), 3000, 'the error');
    const error = part(list, 'load-error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(visible(error.textContent!)).to.contain("Couldn't load the blocked customers: The server answered 503");
    await accessible(list);
    part(list, 'load-retry')!.click();
    await until(() => list.rowCount.total === 50, 3000, 'the first page after Retry');
    expect(part(list, 'load-error')).to.equal(null);
    // A failing next page keeps the rows read so far.
    s.failNextCall();
    await scrollToEnd(list);
    await until(() => !!part(list, 'load-error'), 3000, 'the second page\'s error');
    expect(list.rowCount.total).to.equal(50);
    part(list, 'load-retry')!.click();
    await until(() => list.rowCount.total === 80, 3000, 'the second page after Retry');
  });

  it('items win over source', async () => {
    const s = server(5);
    const list = await fixture<ChatBlockedList>(
      html`<chat-blocked-list .store=${store} .source=${s.source} .items=${[{ id: '+919800000001', name: 'Priya Sharma' }]}></chat-blocked-list>`,
    );
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['Priya Sharma']);
    expect(s.calls).to.have.length(0);
  });
});
