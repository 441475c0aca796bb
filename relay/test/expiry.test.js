// Timed blocks end on the server: a durable job at `until` sends the unblock as the system's,
// once; an unblock or a new block before `until` cancels or replaces it; with the chat API
// down at `until` it retries with backoff while every read shows the block still in force;
// and it fires once across a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_KIND, auditOf, freshDatabase, newPhone, openRelay, settled, sharedRelay, signIn, until, wait } from './helpers.js';

const shared = sharedRelay();
const soon = (ms) => new Date(Date.now() + ms).toISOString();
const expiries = async (relay, phone) => (await auditOf(relay, phone)).filter((r) => r.event === 'expired');

test('a timed block ends at `until` with no page open: one unblock upstream, audited as the system\'s, once', async () => {
  const asha = await signIn(shared.relay, 'asha');
  const phone = newPhone();
  const end = soon(600);
  assert.equal((await asha.block(phone, { reason: 'cool off', until: end })).status, 201);
  const done = await until(async () => {
    const s = (await asha.status(phone)).body;
    return !s.blocked && s;
  }, 5000, 'the block to end');
  assert.deepEqual([done.by, done.pending, done.reason, done.until], ['system', null, null, null]);
  assert.ok(Date.parse(done.at) >= Date.parse(end), 'not before until');
  assert.equal(shared.mock.calls.get(`unblock ${phone}`), 1);
  assert.equal(shared.mock.blocked.get(phone), false);
  await wait(300);
  assert.deepEqual((await auditOf(shared.relay, phone)).map((r) => [r.agent_name, r.action, r.event]), [
    ['Asha', 'block', 'requested'],
    ['Asha', 'block', 'confirmed'],
    ['system', 'unblock', 'expired'],
    ['system', 'unblock', 'confirmed'],
  ]);
});

test('an unblock before `until` cancels the job; a new block replaces it', async () => {
  const asha = await signIn(shared.relay, 'asha');
  const [cancelled, replaced, forever] = [newPhone(), newPhone(), newPhone()];
  const end = soon(2000);
  for (const phone of [cancelled, replaced, forever]) assert.equal((await asha.block(phone, { until: end })).status, 201);
  assert.equal((await asha.unblock(cancelled)).status, 201);
  assert.equal((await asha.block(replaced, { until: soon(3600e3), reason: 'longer' })).status, 201);
  const last = await asha.block(forever, { reason: 'for good' });
  assert.equal(last.status, 201);
  assert.ok(Date.parse(last.body.at) < Date.parse(end), 'all changed before until (a machine this slow cannot tell)');
  await wait(Date.parse(end) - Date.now() + 300);
  await shared.relay.converge();
  for (const phone of [cancelled, replaced, forever]) assert.deepEqual(await expiries(shared.relay, phone), [], phone);
  assert.equal(shared.mock.calls.get(`unblock ${cancelled}`), 1, 'only the agent\'s unblock');
  assert.equal(shared.mock.calls.get(`unblock ${replaced}`), undefined);
  const r = (await asha.status(replaced)).body;
  assert.deepEqual([r.blocked, r.reason, r.pending], [true, 'longer', null]);
  assert.deepEqual([(await asha.status(forever)).body.blocked, (await asha.status(forever)).body.until], [true, null]);
});

test('the chat API down at `until`: reads show the block in force with the system\'s unblock pending; retries converge', async () => {
  const asha = await signIn(shared.relay, 'asha');
  const phone = newPhone();
  const end = soon(1500);
  assert.equal((await asha.block(phone, { name: 'Odette', until: end })).status, 201);
  shared.mock.set({ fault: 'down', faultPhones: [phone] });
  assert.ok(Date.now() < Date.parse(end), 'the chat API went down before until');
  await until(() => (shared.mock.calls.get(`unblock ${phone}`) ?? 0) >= 3, 5000, 'three tries');
  const during = (await asha.status(phone)).body;
  assert.equal(during.blocked, true);
  assert.deepEqual(during.pending, { action: 'unblock', reason: null, until: null, by: 'system', since: end });
  const listed = (await asha.list('?q=odette')).body.items;
  assert.deepEqual(listed.map((i) => [i.phone, i.blocked, i.pending?.by]), [[phone, true, 'system']], 'still on the list');
  shared.mock.set({ fault: 'none', faultPhones: [] });
  const done = await settled(asha, phone);
  assert.deepEqual([done.blocked, done.by], [false, 'system']);
  const log = (await auditOf(shared.relay, phone)).map((r) => r.event);
  assert.equal(log.filter((e) => e === 'expired').length, 1);
  assert.ok(log.filter((e) => e === 'unconfirmed').length >= 3);
  assert.equal(log.at(-1), 'confirmed');
});

test('a block whose `until` has passed reads as ending at once, before the job has run', async () => {
  const asha = await signIn(shared.relay, 'asha');
  const phone = newPhone();
  const past = new Date(Date.now() - 60_000).toISOString();
  // The chat API answers nothing for a moment, so the unblock stays pending while we read.
  shared.mock.set({ fault: 'hang', faultPhones: [phone] });
  await shared.relay.seed([{ phone, blocked: true, until: past, by: 'Ben' }]);
  const read = (await asha.status(phone)).body;
  assert.equal(read.blocked, true);
  assert.deepEqual(read.pending, { action: 'unblock', reason: null, until: null, by: 'system', since: past });
  shared.mock.set({ fault: 'none', faultPhones: [] });
  assert.equal((await settled(asha, phone)).blocked, false);
});

test('the job is durable: a relay stopped before `until` and started after it ends the block once', async (t) => {
  const dataDir = DB_KIND === 'pglite' ? mkdtempSync(join(tmpdir(), 'relay-expiry-')) : undefined;
  t.after(() => dataDir && rmSync(dataDir, { recursive: true, force: true }));
  const db = await freshDatabase({ dataDir });
  t.after(db.drop);
  const first = await openRelay({ mock: shared.mock, database: db.database });
  const phone = newPhone();
  const end = soon(1500);
  assert.equal((await (await signIn(first.relay, 'asha')).block(phone, { until: end })).status, 201);
  await first.stop();
  assert.ok(Date.now() < Date.parse(end), 'stopped before until');
  await wait(Math.max(0, Date.parse(end) - Date.now()) + 200);
  assert.equal(shared.mock.calls.get(`unblock ${phone}`), undefined, 'nobody was there to end it');
  const second = await openRelay({ mock: shared.mock, database: db.database });
  t.after(second.stop);
  const asha = await signIn(second.relay, 'asha');
  const done = await settled(asha, phone);
  assert.deepEqual([done.blocked, done.by], [false, 'system']);
  await second.relay.converge();
  assert.equal((await expiries(second.relay, phone)).length, 1);
  assert.equal(shared.mock.calls.get(`unblock ${phone}`), 1);
});
