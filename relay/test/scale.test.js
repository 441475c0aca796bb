// 10,000 blocked customers stay fast: the list's first page, a page deep in, and searches by
// name and by number, each timed (median of several runs) and printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KIND, sharedRelay, signIn } from './helpers.js';

const shared = sharedRelay();
const COUNT = 10_000;
// Generous for a loaded 2-core machine; the figures printed are what to read.
const BOUND_MS = 150;

async function timed(what, run, times = 7) {
  const runs = [];
  let last;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    last = await run();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(times / 2)];
  console.log(`# ${DB_KIND}: ${what}: median ${median.toFixed(1)} ms (min ${runs[0].toFixed(1)}, max ${runs.at(-1).toFixed(1)})`);
  assert.ok(median <= BOUND_MS, `${what} took ${median.toFixed(1)} ms (bound ${BOUND_MS} ms)`);
  return last;
}

test(`${COUNT.toLocaleString('en')} blocked customers: first page, a deep page and searches stay fast`, async () => {
  const start = performance.now();
  const base = Date.parse('2026-01-01T00:00:00Z');
  await shared.relay.seed(Array.from({ length: COUNT }, (_, i) => ({
    phone: `+9198${String(i).padStart(8, '0')}`, name: `Customer ${i} ${i % 97 === 0 ? 'Ñandú' : 'Kumar'}`, blocked: true,
    reason: 'bulk', by: 'seed', at: new Date(base + i * 1000).toISOString(),
  })));
  console.log(`# ${DB_KIND}: seeding ${COUNT} took ${(performance.now() - start).toFixed(0)} ms`);
  const asha = await signIn(shared.relay, 'asha');
  const first = await timed('first page (50)', () => asha.list('?limit=50'));
  assert.equal(first.body.items.length, 50);
  assert.equal(first.body.items[0].phone, `+9198${String(COUNT - 1).padStart(8, '0')}`, 'newest first');
  // Walk to a page near the end with the largest pages, then time that page.
  let cursor = first.body.next;
  for (let seen = 50; seen < COUNT - 200; seen += 200) cursor = (await asha.list(`?limit=200&cursor=${cursor}`)).body.next;
  const deep = await timed('a page 9,850 rows in (50)', () => asha.list(`?limit=50&cursor=${cursor}`));
  assert.equal(deep.body.items.length, 50);
  const byName = await timed('search by name, "nandu" (first page)', () => asha.list('?q=nandu&limit=50'));
  assert.equal(byName.body.items.length, 50);
  assert.ok(byName.body.items.every((i) => i.name.endsWith('Ñandú')));
  const byNumber = await timed('search by number, "+91 98 0000 123"', () => asha.list(`?q=${encodeURIComponent('+91 98 0000 123')}&limit=50`));
  assert.equal(byNumber.body.items.length, 10);
  const none = await timed('search with no match', () => asha.list('?q=zzzz&limit=50'));
  assert.deepEqual(none.body, { items: [], next: null });
});
