// Block and unblock through the relay: what reaches the chat API, what the page is answered,
// what is stored and audited, when the chat API refuses, fails, hangs or resets, and when
// two agents change one customer at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../dist/index.js';
import { API_KEY, auditOf, freshDatabase, newPhone, settled, sharedRelay, signIn, startRelay, until } from './helpers.js';

const shared = sharedRelay();
const events = async (phone) => (await auditOf(shared.relay, phone)).map((r) => r.event);

test('a block reaches the chat API in its own shape, with the key; the page gets the state, never the key', async () => {
  const { relay, mock } = shared;
  const phone = newPhone();
  const asha = await signIn(relay, 'asha');
  const until = new Date(Date.now() + 3600e3).toISOString();
  const answer = await asha.block(phone, { name: 'Emily Carter', reason: 'spam', until }, { key: 'k-1' });
  assert.equal(answer.status, 201);
  assert.deepEqual(mock.requests.filter((r) => r.body.includes(phone)), [
    { path: '/customer/block', authorization: API_KEY, contentType: 'application/json', body: JSON.stringify({ phone }) },
  ]);
  assert.equal(mock.blocked.get(phone), true);
  assert.deepEqual({ ...answer.body, at: null, revision: null }, {
    phone, name: 'Emily Carter', blocked: true, reason: 'spam', until, by: 'Asha', at: null, revision: null, pending: null,
  });
  assert.ok(answer.body.revision > 0);
  assert.ok(Math.abs(Date.parse(answer.body.at) - Date.now()) < 60_000);
  assert.ok(!answer.text.includes(API_KEY));
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  const status = await asha.status(phone);
  assert.deepEqual(status.body, answer.body, 'status reads what the answer said');
  assert.deepEqual((await auditOf(relay, phone)).map((r) => [r.agent_name, r.action, r.event, r.upstream_status, r.idempotency_key]), [
    ['Asha', 'block', 'requested', null, 'k-1'],
    ['Asha', 'block', 'confirmed', 201, 'k-1'],
  ]);
  const unblock = await asha.unblock(phone);
  assert.equal(unblock.status, 201);
  assert.deepEqual([unblock.body.blocked, unblock.body.reason, unblock.body.until, unblock.body.by], [false, null, null, 'Asha']);
  assert.equal(unblock.body.name, 'Emily Carter', 'the name stays');
  assert.ok(unblock.body.revision > answer.body.revision);
  assert.equal(mock.blocked.get(phone), false);
});

test('definite refusals roll back and are audited: 400 and 404 in the API\'s words, a refused key (401/403) as 502', async () => {
  const { relay, mock } = shared;
  const phone = newPhone();
  const asha = await signIn(relay, 'asha');
  mock.set({ fault: 'refuse' });
  const refused = await asha.block(phone);
  assert.deepEqual([refused.status, refused.body], [400, { statusCode: 400, message: ['customer cannot be changed right now'] }]);
  mock.set({ fault: 'none', knownPhones: ['+919876543210'] });
  const unknown = await asha.block(phone);
  assert.deepEqual([unknown.status, unknown.body], [404, { statusCode: 404, message: 'Invalid Customer' }]);
  mock.set({ knownPhones: null });
  for (const fault of ['unauthorized', 'forbidden']) {
    mock.set({ fault });
    const answer = await asha.block(phone);
    assert.deepEqual([answer.status, answer.body], [502, { statusCode: 502, message: "The chat service refused the relay's API key." }], fault);
    assert.ok(!answer.text.includes(API_KEY));
  }
  const state = (await asha.status(phone)).body;
  assert.deepEqual([state.blocked, state.pending], [false, null]);
  assert.deepEqual((await auditOf(relay, phone)).map((r) => [r.event, r.upstream_status]), [
    ['requested', null], ['refused', 400], ['requested', null], ['refused', 404],
    ['requested', null], ['refused', 401], ['requested', null], ['refused', 403],
  ]);
});

for (const fault of ['down', 'reset', 'hang', 'slow']) {
  test(`chat API ${fault}: the page gets 202 "not confirmed", the relay keeps trying, and converges`, async () => {
    const { relay, mock } = shared;
    const phone = newPhone();
    const asha = await signIn(relay, 'asha');
    if (fault === 'slow') mock.set({ latencyMs: 1200 });
    else mock.set({ fault });
    const answer = await asha.block(phone, { reason: 'abuse' }, { key: `k-${fault}` });
    assert.equal(answer.status, 202);
    assert.equal(answer.body.statusCode, 202);
    assert.equal(answer.body.blocked, false, 'not in force until the chat API confirms');
    assert.deepEqual({ ...answer.body.pending, since: null }, { action: 'block', reason: 'abuse', until: null, by: 'Asha', since: null });
    assert.match(answer.body.message, /not confirmed/);
    // The same key while still not confirmed: the current state, no second intent.
    const again = await asha.block(phone, { reason: 'abuse' }, { key: `k-${fault}` });
    assert.equal(again.status, 202);
    assert.equal(again.body.pending.action, 'block');
    mock.set({ fault: 'none', latencyMs: 0 });
    const done = await settled(asha, phone);
    assert.deepEqual([done.blocked, done.reason, done.by], [true, 'abuse', 'Asha']);
    assert.equal(mock.blocked.get(phone), true);
    // Now the key replays the final result.
    const replay = await asha.block(phone, { reason: 'abuse' }, { key: `k-${fault}` });
    assert.deepEqual([replay.status, replay.body], [201, done]);
    const log = await events(phone);
    assert.equal(log[0], 'requested');
    assert.ok(log.includes('unconfirmed'));
    assert.equal(log.at(-1), 'confirmed');
    assert.equal(log.filter((e) => e === 'requested').length, 1, 'one intent, however many sends');
  });
}

test('the background retries back off: a chat API down for a while gets a bounded number of sends', async () => {
  const { relay, mock } = shared;
  const phone = newPhone();
  const asha = await signIn(relay, 'asha');
  mock.set({ fault: 'down', faultPhones: [phone] });
  assert.equal((await asha.block(phone)).status, 202);
  const started = Date.now();
  await until(() => (mock.calls.get(`block ${phone}`) ?? 0) >= 4, 5000, 'four sends');
  // Retry waits: base 100 ms doubling to a 400 ms cap (with jitter from half), so the first
  // four sends take at least 50 + 100 + 200 ms after the first.
  assert.ok(Date.now() - started >= 350, `four sends took ${Date.now() - started} ms`);
  mock.set({ fault: 'none', faultPhones: [] });
  assert.equal((await settled(asha, phone)).blocked, true);
});

test('a refusal during the background retries rolls the intent back, audited', async () => {
  const { mock } = shared;
  const phone = newPhone();
  const asha = await signIn(shared.relay, 'asha');
  mock.set({ fault: 'down' });
  assert.equal((await asha.block(phone)).status, 202);
  mock.set({ fault: 'refuse' });
  const done = await settled(asha, phone);
  assert.equal(done.blocked, false);
  assert.equal((await events(phone)).at(-1), 'refused');
});

test('two agents at once: the newer intent waits for the older call, so the chat API hears them in order', async () => {
  const { mock } = shared;
  const phone = newPhone();
  const [asha, ben] = [await signIn(shared.relay, 'asha'), await signIn(shared.relay, 'ben')];
  mock.set({ latencyMs: 250 });
  const blocking = asha.block(phone, { reason: 'spam' }, { key: 'a-1' });
  await until(() => mock.calls.get(`block ${phone}`) === 1, 2000, 'the block to reach the chat API');
  const unblock = await ben.unblock(phone, {}, { key: 'b-1' });
  assert.equal(unblock.status, 202, 'the unblock waits for the block still in flight');
  assert.deepEqual([unblock.body.pending.action, unblock.body.pending.by], ['unblock', 'Ben']);
  const block = await blocking;
  assert.equal(block.status, 202, 'the block was replaced before its answer came');
  const done = await settled(asha, phone);
  assert.deepEqual([done.blocked, done.by], [false, 'Ben']);
  assert.equal(mock.blocked.get(phone), false, 'the chat API ends as the relay says');
  assert.deepEqual(mock.requests.filter((r) => r.body.includes(phone)).map((r) => r.path), ['/customer/block', '/customer/unblock']);
  assert.deepEqual((await auditOf(shared.relay, phone)).map((r) => [r.agent_name, r.action, r.event]), [
    ['Asha', 'block', 'requested'],
    ['Asha', 'block', 'superseded'],
    ['Ben', 'unblock', 'requested'],
    ['Asha', 'block', 'superseded'],
    ['Ben', 'unblock', 'confirmed'],
  ]);
  // Both keys now replay: Ben's the confirmation, Asha's the state that replaced hers.
  assert.equal((await ben.unblock(phone, {}, { key: 'b-1' })).status, 201);
  const replay = await asha.block(phone, { reason: 'spam' }, { key: 'a-1' });
  assert.deepEqual([replay.status, replay.body.blocked, replay.body.revision], [202, false, done.revision]);
});

test('the database goes away after the intent is committed: the page gets 202, and the worker settles it later', async (t) => {
  const fresh = await freshDatabase();
  const inner = typeof fresh.database === 'string' ? await openDatabase(fresh.database) : fresh.database;
  // The same database, except that every call fails while `away` (a lost connection).
  let away = false;
  const lost = () => Promise.reject(new Error('Connection terminated unexpectedly'));
  const flaky = {
    kind: inner.kind,
    query: (...args) => (away ? lost() : inner.query(...args)),
    exec: (...args) => (away ? lost() : inner.exec(...args)),
    transaction: (work) => (away ? lost() : inner.transaction(work)),
    listen: (...args) => inner.listen(...args),
    close: () => inner.close(),
  };
  const { relay, mock } = await startRelay(t, { database: flaky });
  t.after(async () => {
    // On PostgreSQL the test opened its own pool on the fresh database; on PGlite it is the fresh one.
    if (inner !== fresh.database) await inner.close();
    await fresh.drop();
  });
  const asha = await signIn(relay, 'asha');
  const phone = newPhone();
  mock.set({ latencyMs: 300 });
  const answer = asha.block(phone, { reason: 'spam' }, { key: 'k-away' });
  await until(() => mock.calls.get(`block ${phone}`) === 1, 5000, 'the block to reach the chat API');
  away = true;
  const first = await answer;
  assert.deepEqual([first.status, first.body.pending?.action, first.body.blocked], [202, 'block', false], 'committed, not confirmed');
  away = false;
  mock.set({ latencyMs: 0 });
  const done = await settled(asha, phone, 10_000);
  assert.deepEqual([done.blocked, done.reason], [true, 'spam']);
  assert.equal(mock.calls.get(`block ${phone}`), 2, 'sent again once the lease ran out');
  assert.deepEqual([(await asha.block(phone, { reason: 'spam' }, { key: 'k-away' })).status], [201], 'the key replays the outcome');
});
