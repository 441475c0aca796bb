// The change stream (Server-Sent Events) over real HTTP: every committed change with its
// revision as id, exact resume from Last-Event-ID and ?after= while changes keep coming,
// heartbeats, and `reset` when the log cannot serve a resume point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPhone, settled, sharedRelay, signInHttp, until } from './helpers.js';

const shared = sharedRelay({ heartbeatMs: 150 }, { http: true });

/** The revisions in the change log after `after`, in order: what a resumed stream must carry. */
async function logAfter(after) {
  const db = await shared.relay.database;
  return (await db.query(`SELECT revision FROM change_log WHERE revision > $1 ORDER BY revision`, [after])).map((r) => Number(r.revision));
}

test('the stream: headers for proxies, retry, a ready event at the newest revision, heartbeats', async () => {
  const asha = await signInHttp(shared.url, 'asha');
  await asha.block(newPhone());
  const [newest] = (await logAfter(0)).slice(-1);
  const { response, stream } = await asha.events();
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  assert.equal(response.headers.get('x-accel-buffering'), 'no');
  const [ready] = await stream.wait(1, 'ready');
  assert.deepEqual(stream.events[0], { comment: false, retry: '2000' });
  assert.deepEqual(ready, { comment: false, id: String(newest), event: 'ready', data: '{}' });
  await until(() => stream.events.filter((e) => e.comment).length >= 2, 2000, 'two heartbeats');
  await stream.cancel();
});

test('every committed change is pushed, id = revision: block, confirmation, unblock, refusal rollback, expiry', async () => {
  const [asha, ben] = [await signInHttp(shared.url, 'asha'), await signInHttp(shared.url, 'ben')];
  const phone = newPhone();
  const { stream } = await ben.events();
  await stream.wait(1, 'ready');
  // A block the chat API confirms: the intent, then its confirmation.
  const blocked = await asha.block(phone, { reason: 'spam', name: 'Mina' });
  // A refused unblock: the intent, then its rollback.
  shared.mock.set({ fault: 'refuse', faultPhones: [phone] });
  assert.equal((await asha.unblock(phone)).status, 400);
  shared.mock.set({ fault: 'none', faultPhones: [] });
  // A timed block that ends on the server: intent, confirmation, the system's unblock, its confirmation.
  await asha.block(phone, { until: new Date(Date.now() + 700).toISOString() });
  await stream.wait(8, 'change', 8000);
  // One more change elsewhere: once it arrives, nothing more about this phone is on its way.
  const other = newPhone();
  await asha.block(other);
  await stream.wait(10, 'change');
  const changes = stream.changes().filter((c) => c.phone === phone);
  assert.deepEqual(changes.map((c) => [c.blocked, c.pending?.action ?? null, c.pending?.by ?? null, c.by]), [
    [false, 'block', 'Asha', null],
    [true, null, null, 'Asha'],
    [true, 'unblock', 'Asha', 'Asha'],
    [true, null, null, 'Asha'],
    [true, 'block', 'Asha', 'Asha'],
    [true, null, null, 'Asha'],
    [true, 'unblock', 'system', 'Asha'],
    [false, null, null, 'system'],
  ]);
  assert.deepEqual(changes[1], { id: blocked.body.revision, ...blocked.body }, 'the pushed state is the answer\'s');
  assert.deepEqual(changes.map((c) => c.id), changes.map((c) => c.revision));
  assert.deepEqual(stream.changes().map((c) => c.id), await logAfter(changes[0].id - 1), 'every revision, in order');
  await stream.cancel();
});

test('resume is exact from Last-Event-ID and from ?after=, while changes keep committing', async () => {
  const asha = await signInHttp(shared.url, 'asha');
  const phones = Array.from({ length: 4 }, () => newPhone());
  for (const phone of phones) await asha.block(phone);
  const start = (await logAfter(0)).at(-1);
  // Writers keep changing customers while streams open at different points.
  let writing = true;
  const writer = (async () => {
    for (let i = 0; writing; i++) await (i % 2 ? asha.block(phones[i % 4]) : asha.unblock(phones[i % 4]));
  })();
  const resumed = [];
  for (let i = 0; i < 6; i++) {
    await until(async () => (await logAfter(start)).length >= (i + 1) * 3, 5000, 'more changes');
    const from = (await logAfter(start))[i * 3];
    const opened = i % 2 ? await asha.events(`?after=${from}`) : await asha.events('', { 'Last-Event-ID': String(from) });
    resumed.push({ from, stream: opened.stream });
  }
  await until(async () => (await logAfter(start)).length >= 30, 10_000, '30 changes');
  writing = false;
  await writer;
  for (const phone of phones) await settled(asha, phone);
  const all = await logAfter(start);
  for (const { from, stream } of resumed) {
    const expected = all.filter((r) => r > from);
    await stream.wait(expected.length, 'change', 5000);
    assert.deepEqual(stream.changes().map((c) => c.id), expected, `resumed after ${from}: no loss, no duplicate, in order`);
    assert.equal(stream.events.filter((e) => e.event === 'ready' || e.event === 'reset').length, 0);
    await stream.cancel();
  }
});

test('a change whose notification never came still reaches the stream (the hub reads the log every 5 s)', async () => {
  const asha = await signInHttp(shared.url, 'asha');
  const { stream } = await asha.events();
  const [ready] = await stream.wait(1, 'ready');
  // A change in the log with no NOTIFY: what a listener on a silently dead connection sees.
  const db = await shared.relay.database;
  const [{ next }] = await db.query(`SELECT nextval('change_revision') AS next`);
  const revision = Number(next);
  assert.ok(revision > Number(ready.id));
  const state = { phone: newPhone(), name: null, blocked: true, reason: 'lost', until: null, by: 'Asha', at: new Date().toISOString(), revision, pending: null };
  await db.query(`INSERT INTO change_log (revision, phone, state) VALUES ($1, $2, $3)`, [revision, state.phone, JSON.stringify(state)]);
  const [change] = await stream.wait(1, 'change', 7000);
  assert.deepEqual(JSON.parse(change.data), state);
  assert.equal(change.id, String(revision));
  await stream.cancel();
});

test('a resume point the log cannot serve gets `reset` (beyond the newest, or pruned), then live changes', async () => {
  const asha = await signInHttp(shared.url, 'asha');
  const beyond = await asha.events('?after=999999999');
  const [reset] = await beyond.stream.wait(1, 'reset');
  assert.equal(reset.id, String((await logAfter(0)).at(-1)), 'its id is where to resume after re-reading');
  const phone = newPhone();
  await asha.block(phone);
  await beyond.stream.wait(2);
  assert.deepEqual(beyond.stream.changes().map((c) => c.phone), [phone, phone]);
  await beyond.stream.cancel();
  // Prune everything older than now: a resume point from before the prune can no longer be served.
  const oldest = (await logAfter(0))[0];
  const { pruneChangeLog } = await import('../dist/change-log.js');
  assert.ok(await pruneChangeLog(await shared.relay.database, 0) > 0);
  const stale = await asha.events(`?after=${oldest}`);
  await stale.stream.wait(1, 'reset');
  await stale.stream.cancel();
  const bad = await asha.events('', { 'Last-Event-ID': 'abc' });
  assert.equal(bad.response.status, 400);
});

test('the relay\'s reset (the demo\'s) tells every stream to re-read; revisions go on increasing; old resume points get reset', async () => {
  const asha = await signInHttp(shared.url, 'asha');
  await asha.block(newPhone());
  const { stream } = await asha.events();
  const [ready] = await stream.wait(1, 'ready');
  await shared.relay.reset();
  const [reset] = await stream.wait(1, 'reset');
  assert.equal(reset.id, ready.id, 'the stream goes on after the last revision given out');
  const phone = newPhone();
  await asha.block(phone);
  const changes = await stream.wait(2);
  assert.ok(Number(changes[0].id) > Number(ready.id), 'a new change never looks older than one the page saw');
  assert.equal(stream.events.filter((e) => e.event === 'reset').length, 1, 'one reset, though the relay also hears its own NOTIFY');
  const unknown = (await asha.status(newPhone())).body;
  assert.deepEqual([unknown.blocked, unknown.revision], [false, Number(reset.id)], 'no record, as of the reset');
  await stream.cancel();
  const stale = await asha.events(`?after=${Number(ready.id) - 1}`);
  await stale.stream.wait(1, 'reset');
  await stale.stream.cancel();
  const fresh = await asha.events(`?after=${reset.id}`);
  assert.deepEqual((await fresh.stream.wait(2)).map((e) => e.id), changes.map((e) => e.id), 'a point after the reset resumes');
  await fresh.stream.cancel();
});
