// Idempotency-Key, as the IETF draft has it: a retry replays the first result (errors
// included) and calls the chat API at most once; another body is 422; a retry while the first
// is still running is 409; keys are per agent and expire after 24 hours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPhone, rowCounts, sharedRelay, signIn, until } from './helpers.js';

const shared = sharedRelay();

test('a retry with the same key replays the first answer and calls the chat API once', async () => {
  const phone = newPhone();
  const asha = await signIn(shared.relay, 'asha');
  const first = await asha.block(phone, { reason: 'spam' }, { key: 'same' });
  const second = await asha.block(phone, { reason: 'spam' }, { key: 'same' });
  assert.equal(first.status, 201);
  assert.deepEqual([second.status, second.body], [201, first.body]);
  assert.equal(shared.mock.calls.get(`block ${phone}`), 1);
  // Unquoted (a bare token) is the same key.
  const bare = await asha.call('POST', '/customer/block', { body: { phone, reason: 'spam' }, headers: { 'Idempotency-Key': 'same' } });
  assert.deepEqual([bare.status, bare.body], [201, first.body]);
  assert.equal(shared.mock.calls.get(`block ${phone}`), 1);
});

test('the same key with another body is 422, and nothing is written or sent', async () => {
  const phone = newPhone();
  const asha = await signIn(shared.relay, 'asha');
  assert.equal((await asha.block(phone, { reason: 'spam' }, { key: 'k-422' })).status, 201);
  const before = await rowCounts(shared.relay);
  for (const other of [() => asha.block(phone, { reason: 'other' }, { key: 'k-422' }), () => asha.unblock(phone, {}, { key: 'k-422' }), () => asha.block(newPhone(), { reason: 'spam' }, { key: 'k-422' })]) {
    const answer = await other();
    assert.deepEqual([answer.status, answer.body], [422, { statusCode: 422, message: 'This Idempotency-Key was used for a different request.' }]);
  }
  assert.deepEqual(await rowCounts(shared.relay), before);
  assert.equal(shared.mock.calls.get(`unblock ${phone}`), undefined);
});

test('a refusal replays too, without calling the chat API again', async () => {
  const phone = newPhone();
  const asha = await signIn(shared.relay, 'asha');
  shared.mock.set({ fault: 'refuse' });
  const refused = await asha.block(phone, {}, { key: 'refused-once' });
  shared.mock.set({ fault: 'none' });
  const replayed = await asha.block(phone, {}, { key: 'refused-once' });
  assert.equal(refused.status, 400);
  assert.deepEqual([replayed.status, replayed.body], [refused.status, refused.body]);
  assert.equal(shared.mock.calls.get(`block ${phone}`), 1);
});

test('a retry while the first request is still with the chat API is 409; then it replays the result', async () => {
  const phone = newPhone();
  const asha = await signIn(shared.relay, 'asha');
  shared.mock.set({ latencyMs: 300 });
  const running = asha.block(phone, {}, { key: 'slow' });
  await until(() => shared.mock.calls.get(`block ${phone}`) === 1, 2000, 'the first request to reach the chat API');
  const conflict = await asha.block(phone, {}, { key: 'slow' });
  assert.deepEqual([conflict.status, conflict.body], [409, { statusCode: 409, message: 'A request with this Idempotency-Key is still running.' }]);
  const first = await running;
  assert.equal(first.status, 201);
  assert.deepEqual(await asha.block(phone, {}, { key: 'slow' }).then((r) => [r.status, r.body]), [201, first.body]);
  assert.equal(shared.mock.calls.get(`block ${phone}`), 1);
});

test('keys are per agent: another agent\'s same key is a new request', async () => {
  const phone = newPhone();
  const [asha, ben] = [await signIn(shared.relay, 'asha'), await signIn(shared.relay, 'ben')];
  assert.equal((await asha.block(phone, { reason: 'a' }, { key: 'shared-key' })).status, 201);
  const bens = await ben.block(phone, { reason: 'different' }, { key: 'shared-key' });
  assert.deepEqual([bens.status, bens.body.by, bens.body.reason], [201, 'Ben', 'different']);
  assert.equal(shared.mock.calls.get(`block ${phone}`), 2);
});

test('keys expire after 24 hours: an old key is a new request', async () => {
  const phone = newPhone();
  const asha = await signIn(shared.relay, 'asha');
  assert.equal((await asha.block(phone, {}, { key: 'old' })).status, 201);
  const db = await shared.relay.database;
  await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '23 hours 59 minutes' WHERE key = 'old'`);
  assert.equal((await asha.block(phone, { reason: 'new body' }, { key: 'old' })).status, 422, 'still kept just before 24 h');
  await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute' WHERE key = 'old'`);
  const again = await asha.block(phone, { reason: 'new body' }, { key: 'old' });
  assert.deepEqual([again.status, again.body.reason], [201, 'new body']);
  assert.equal(shared.mock.calls.get(`block ${phone}`), 2);
  // The worker's hourly cleanup deletes expired keys nobody reused.
  await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'old'`);
  const { forgetExpiredKeys } = await import('../dist/idempotency.js');
  await forgetExpiredKeys(db);
  assert.deepEqual(await db.query(`SELECT key FROM idempotency_keys WHERE key = 'old'`), []);
});

test('a key that is not 1 to 255 visible ASCII characters is 400, and nothing is written', async () => {
  const asha = await signIn(shared.relay, 'asha');
  const before = await rowCounts(shared.relay);
  for (const key of ['has spaces', '""', 'x'.repeat(256), 'é']) {
    const bad = await asha.call('POST', '/customer/block', { body: { phone: newPhone() }, headers: { 'Idempotency-Key': key } });
    assert.deepEqual([bad.status, bad.body], [400, { statusCode: 400, message: ['Idempotency-Key must be 1 to 255 visible ASCII characters.'] }], key);
  }
  assert.deepEqual(await rowCounts(shared.relay), before);
});
