// Block and unblock through the relay: what reaches the chat API, what the page is answered,
// what is stored and audited, when the chat API refuses, fails, hangs or resets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_KEY, PHONE, auditOf, signIn, startRelay, until, wait } from './helpers.js';

test('a block reaches the chat API in its own shape, with the key; the page gets the state, never the key', async (t) => {
  const seen = [];
  const { relay, mock } = await startRelay(t);
  const upstreamFetch = (url, init) => {
    seen.push({ url, authorization: init.headers.Authorization, body: init.body });
    return fetch(url, init);
  };
  // Same relay settings, but watching what it sends upstream.
  const watched = await startRelay(t, { mock, upstream: { baseUrl: mock.url, apiKey: API_KEY, timeoutMs: 400, fetch: upstreamFetch } });
  const asha = await signIn(watched.relay, 'asha');
  const answer = await asha.block(PHONE, { name: 'Emily Carter', reason: 'spam', until: new Date(Date.now() + 3600e3).toISOString() }, { key: 'k-1' });
  assert.equal(answer.status, 201);
  assert.deepEqual(seen, [{ url: `${mock.url}/customer/block`, authorization: API_KEY, body: JSON.stringify({ phone: PHONE }) }]);
  assert.equal(mock.blocked.get(PHONE), true);
  assert.equal(answer.body.blocked, true);
  assert.equal(answer.body.by, 'Asha', 'by comes from authorize');
  assert.equal(answer.body.reason, 'spam');
  assert.equal(answer.body.name, 'Emily Carter');
  assert.equal(answer.body.pending, null);
  assert.ok(answer.body.revision > 0);
  assert.ok(!answer.text.includes(API_KEY));
  const status = await asha.status(PHONE);
  assert.deepEqual(status.body, answer.body, 'status reads what the answer said');
  assert.deepEqual((await auditOf(watched.relay, PHONE)).map((r) => [r.agent_name, r.action, r.event, r.upstream_status]), [
    ['Asha', 'block', 'requested', null],
    ['Asha', 'block', 'confirmed', 201],
  ]);
  const unblock = await asha.unblock(PHONE);
  assert.equal(unblock.status, 201);
  assert.equal(unblock.body.blocked, false);
  assert.equal(unblock.body.reason, null);
  assert.ok(unblock.body.revision > answer.body.revision);
  assert.equal(mock.blocked.get(PHONE), false);
  void relay;
});

test('definite refusals roll back and are audited: 400 and 404 in the API\'s words, a bad key as 502', async (t) => {
  const { relay, mock } = await startRelay(t);
  const asha = await signIn(relay, 'asha');
  mock.set({ fault: 'refuse' });
  const refused = await asha.block(PHONE);
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body, { statusCode: 400, message: ['customer cannot be changed right now'] });
  mock.set({ fault: 'none', knownPhones: ['+919876543210'] });
  const unknown = await asha.block(PHONE);
  assert.deepEqual([unknown.status, unknown.body.message], [404, 'Invalid Customer']);
  const state = await asha.status(PHONE);
  assert.equal(state.body.blocked, false);
  assert.equal(state.body.pending, null);
  assert.deepEqual((await auditOf(relay, PHONE)).map((r) => r.event), ['requested', 'refused', 'requested', 'refused']);

  const badKey = await startRelay(t, { mock, upstream: { baseUrl: mock.url, apiKey: 'wrong', timeoutMs: 400 } });
  mock.set({ knownPhones: null });
  const b = await signIn(badKey.relay, 'asha');
  const answer = await b.block(PHONE);
  assert.deepEqual([answer.status, answer.body.message], [502, "The chat service refused the relay's API key."]);
  assert.ok(!answer.text.includes('wrong'));
});

for (const fault of ['down', 'reset', 'hang', 'slow']) {
  test(`chat API ${fault}: the page gets 202 "not confirmed", the relay keeps trying, and converges`, async (t) => {
    const { relay, mock } = await startRelay(t);
    const asha = await signIn(relay, 'asha');
    if (fault === 'slow') mock.set({ latencyMs: 600 });
    else mock.set({ fault });
    const answer = await asha.block(PHONE, { reason: 'abuse' }, { key: `k-${fault}` });
    assert.equal(answer.status, 202);
    assert.equal(answer.body.blocked, false, 'not in force until the chat API confirms');
    assert.equal(answer.body.pending.action, 'block');
    assert.equal(answer.body.pending.by, 'Asha');
    assert.match(answer.body.message, /not confirmed/);
    // The same key while still not confirmed: the current state, no second intent.
    const again = await asha.block(PHONE, { reason: 'abuse' }, { key: `k-${fault}` });
    assert.equal(again.status, 202);
    mock.set({ fault: 'none', latencyMs: 0 });
    const settled = await until(async () => {
      const s = await asha.status(PHONE);
      return s.body.pending === null && s.body;
    }, 5000, 'the relay to converge');
    assert.equal(settled.blocked, true);
    assert.equal(settled.reason, 'abuse');
    assert.equal(mock.blocked.get(PHONE), true);
    // Now the key replays the final result.
    const replay = await asha.block(PHONE, { reason: 'abuse' }, { key: `k-${fault}` });
    assert.equal(replay.status, 201);
    assert.equal(replay.body.revision, settled.revision);
    const events = (await auditOf(relay, PHONE)).map((r) => r.event);
    assert.equal(events[0], 'requested');
    assert.ok(events.includes('unconfirmed'));
    assert.equal(events.at(-1), 'confirmed');
    assert.equal(events.filter((e) => e === 'requested').length, 1, 'one intent, however many sends');
  });
}

test('a refusal during the background retries rolls the intent back, audited', async (t) => {
  const { relay, mock } = await startRelay(t);
  const asha = await signIn(relay, 'asha');
  mock.set({ fault: 'down' });
  assert.equal((await asha.block(PHONE)).status, 202);
  mock.set({ fault: 'refuse' });
  const settled = await until(async () => {
    const s = await asha.status(PHONE);
    return s.body.pending === null && s.body;
  }, 5000, 'the rollback');
  assert.equal(settled.blocked, false);
  assert.equal((await auditOf(relay, PHONE)).at(-1).event, 'refused');
});

test('Idempotency-Key: a retry replays the first result and calls the chat API once; another body is 422; running is 409', async (t) => {
  const { relay, mock } = await startRelay(t);
  const asha = await signIn(relay, 'asha');
  const first = await asha.block(PHONE, { reason: 'spam' }, { key: 'same' });
  const second = await asha.block(PHONE, { reason: 'spam' }, { key: 'same' });
  assert.equal(first.status, 201);
  assert.deepEqual([second.status, second.body], [201, first.body]);
  assert.equal(mock.calls.get(`block ${PHONE}`), 1);
  const other = await asha.block(PHONE, { reason: 'other' }, { key: 'same' });
  assert.equal(other.status, 422);
  // A refusal replays too.
  mock.set({ fault: 'refuse' });
  const refused = await asha.unblock(PHONE, {}, { key: 'refused-once' });
  mock.set({ fault: 'none' });
  const replayed = await asha.unblock(PHONE, {}, { key: 'refused-once' });
  assert.deepEqual([replayed.status, replayed.body], [refused.status, refused.body]);
  assert.equal(mock.calls.get(`unblock ${PHONE}`), 1);
  // While the first is still with the chat API: 409.
  mock.set({ latencyMs: 300 });
  const running = asha.unblock(PHONE, {}, { key: 'slow' });
  await wait(100);
  assert.equal((await asha.unblock(PHONE, {}, { key: 'slow' })).status, 409);
  assert.equal((await running).status, 201);
  // Another agent's key space is their own.
  const ben = await signIn(relay, 'ben');
  assert.equal((await ben.block(PHONE, { reason: 'different' }, { key: 'same' })).status, 201);
});

test('Idempotency-Key: keys expire after 24 hours', async (t) => {
  const { relay, mock } = await startRelay(t);
  const asha = await signIn(relay, 'asha');
  await asha.block(PHONE, {}, { key: 'old' });
  const db = await relay.database;
  await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours'`);
  assert.equal((await asha.block(PHONE, { reason: 'new body' }, { key: 'old' })).status, 201, 'an expired key is a new request');
  assert.equal(mock.calls.get(`block ${PHONE}`), 2);
  const bad = await asha.call('POST', '/customer/block', { body: { phone: PHONE }, headers: { 'Idempotency-Key': 'has spaces' } });
  assert.equal(bad.status, 400);
});
