// Reads: one customer's state (what the elements' status() reads) and the blocked list, paged
// with stable keyset cursors and searchable by name (case and accents ignored) or number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPhone, settled, sharedRelay, signIn } from './helpers.js';

const shared = sharedRelay();

/** Every page of the list for `query`, `limit` at a time. */
async function allPages(agent, query, limit) {
  const items = [];
  let cursor = null;
  let pages = 0;
  do {
    const page = await agent.list(`?limit=${limit}${query ? `&q=${encodeURIComponent(query)}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.items.length <= limit);
    items.push(...page.body.items);
    cursor = page.body.next;
    pages++;
  } while (cursor);
  return { items, pages };
}

test('status: a customer the relay never heard of reads as not blocked at revision 0', async () => {
  const asha = await signIn(shared.relay, 'asha');
  const phone = newPhone();
  const answer = await asha.status(phone);
  assert.deepEqual([answer.status, answer.body], [200, { phone, name: null, blocked: false, reason: null, until: null, by: null, at: null, revision: 0, pending: null }]);
  assert.equal(answer.headers.get('cache-control'), 'no-store');
});

test('the list: blocked and pending blocks, newest first, paged; search by name without case or accents, or by digits', async () => {
  const asha = await signIn(shared.relay, 'asha');
  const [jose, priya, unblocked, pendingPhone, lukasz] = [newPhone(), newPhone(), newPhone(), newPhone(), newPhone()];
  await shared.relay.seed([
    { phone: jose, name: 'José Álvarez', blocked: true, reason: 'spam', by: 'Asha', at: '2026-01-01T10:00:00.000Z' },
    { phone: priya, name: 'Priya Sharma', blocked: true, by: 'Ben', at: '2026-01-02T10:00:00.000Z' },
    { phone: unblocked, name: 'Joseph Unblocked', blocked: false },
    { phone: lukasz, name: 'Łukasz Østergaard', blocked: true, by: 'Asha', at: '2025-12-01T10:00:00.000Z' },
  ]);
  shared.mock.set({ fault: 'down', faultPhones: [pendingPhone] });
  assert.equal((await asha.block(pendingPhone, { name: 'Pending Person' })).status, 202);
  const { items } = await allPages(asha, '', 50);
  assert.deepEqual(items.map((i) => i.phone), [pendingPhone, priya, jose, lukasz], 'the pending block is newest; the unblocked customer is not listed');
  assert.deepEqual({ ...items[2] }, { phone: jose, name: 'José Álvarez', blocked: true, reason: 'spam', until: null, by: 'Asha', at: '2026-01-01T10:00:00.000Z', revision: items[2].revision, pending: null });
  assert.equal(items[0].pending.action, 'block');
  const paged = await allPages(asha, '', 1);
  assert.deepEqual(paged.items, items);
  assert.equal(paged.pages, 4);
  const search = async (q) => (await allPages(asha, q, 50)).items.map((i) => i.phone);
  assert.deepEqual(await search('jose'), [jose]);
  assert.deepEqual(await search('ÁLVAREZ'), [jose]);
  assert.deepEqual(await search('lukasz ostergaard'), [lukasz], 'letters without a mark to drop');
  assert.deepEqual(await search('sharma'), [priya]);
  assert.deepEqual(await search(priya.slice(-4)), [priya]);
  const formatted = `+1 (415) 555-${priya.slice(-4)}`;
  assert.deepEqual(await search(formatted), [priya], 'a number as people write it');
  assert.deepEqual(await search('nobody at all'), []);
  assert.deepEqual(await search('100%'), [], 'LIKE wildcards are literal');
  shared.mock.set({ fault: 'none', faultPhones: [] });
  await settled(asha, pendingPhone);
});

test('cursors are stable: blocks added and removed after page 1 neither repeat nor skip what was there', async () => {
  const asha = await signIn(shared.relay, 'asha');
  const phones = Array.from({ length: 9 }, () => newPhone());
  // Nine blocks a microsecond-level apart would share milliseconds: the cursor keeps microseconds.
  for (const phone of phones) assert.equal((await asha.block(phone, { name: `Stable ${phone}` })).status, 201);
  const first = await asha.list('?limit=3&q=stable');
  const expected = [...phones].reverse();
  assert.deepEqual(first.body.items.map((i) => i.phone), expected.slice(0, 3));
  // Meanwhile: two new blocks (they go on top), and an unblock from page 2.
  const newer = [newPhone(), newPhone()];
  for (const phone of newer) await asha.block(phone, { name: `Stable ${phone}` });
  await asha.unblock(expected[4]);
  const rest = [];
  for (let cursor = first.body.next; cursor;) {
    const page = await asha.list(`?limit=3&q=stable&cursor=${cursor}`);
    rest.push(...page.body.items.map((i) => i.phone));
    cursor = page.body.next;
  }
  assert.deepEqual(rest, expected.slice(3).filter((p) => p !== expected[4]));
  const bad = await asha.list('?cursor=bm90IGEgY3Vyc29y');
  assert.deepEqual([bad.status, bad.body.message], [400, ['cursor is not one this relay gave out']]);
});
