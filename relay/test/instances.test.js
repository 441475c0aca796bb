// Several relays on one PostgreSQL, as child processes running the CLI: a change made through
// instance A reaches the event streams of instance B (LISTEN/NOTIFY wakes, the change log is
// the truth), a timed block ends once across both, and after a database restart both
// reconnect and their open streams resume without loss. PGlite is one process: skipped there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startReferenceMock } from '../dist/reference-mock.js';
import { startCli } from './cli-process.js';
import { DB_KIND, SECRET, ended, freshDatabase, newPhone, settled, signInHttp, until } from './helpers.js';

const skip = DB_KIND !== 'postgres' && 'several instances need a real PostgreSQL (PGlite is one process)';
const KEY = 'instances-chat-key';
const THROWAWAY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'pg-throwaway.sh');
let mock;
let db;
let a;
let b;
before(async () => {
  if (skip) return;
  mock = await startReferenceMock({ apiKey: KEY });
  db = await freshDatabase();
  const args = ['--upstream', mock.url, '--database', db.database, '--upstream-timeout', '1000', '--heartbeat', '1000'];
  const env = { CHAT_API_KEY: KEY, RELAY_SECRET: SECRET };
  // One after the other: both migrate, under the migration lock; the second finds it done.
  a = await startCli(args, env);
  b = await startCli(args, env);
});
after(async () => {
  await a?.kill();
  await b?.kill();
  await mock?.close();
  await db?.drop();
});

/** One query on the test database, on a connection of its own. */
async function query(sql, params) {
  const client = new pg.Client({ connectionString: db.database });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const changeLog = async (after) => (await query(`SELECT revision FROM change_log WHERE revision > $1 ORDER BY revision`, [after])).map((r) => Number(r.revision));

test('a change made through instance A reaches the streams of instance B', { skip }, async () => {
  const [viaA, viaB] = [await signInHttp(a.url, 'agent'), await signInHttp(b.url, 'agent')];
  const { stream } = await viaB.events();
  const [ready] = await stream.wait(1, 'ready');
  const phone = newPhone();
  const started = performance.now();
  const blocked = await viaA.block(phone, { reason: 'spam' });
  assert.equal(blocked.status, 201);
  const pushed = await stream.wait(2);
  console.log(`# postgres: A's block reached B's stream ${(performance.now() - started).toFixed(0)} ms after it was sent`);
  assert.deepEqual(JSON.parse(pushed[1].data), blocked.body);
  assert.deepEqual(stream.changes().map((c) => c.id), await changeLog(Number(ready.id)));
  assert.deepEqual((await viaB.status(phone)).body, blocked.body, 'B reads what A wrote');
  await stream.cancel();
});

test('a timed block ends once across both instances', { skip }, async () => {
  const viaA = await signInHttp(a.url, 'agent');
  const phones = [newPhone(), newPhone(), newPhone()];
  const end = new Date(Date.now() + 1200).toISOString();
  for (const phone of phones) assert.equal((await viaA.block(phone, { until: end })).status, 201);
  for (const phone of phones) assert.equal((await ended(viaA, phone, 10_000)).by, 'system');
  const rows = await query(`SELECT phone, count(*) FILTER (WHERE event = 'expired') AS expired FROM audit_log WHERE phone = ANY($1) GROUP BY phone`, [phones]);
  assert.deepEqual(rows.map((r) => Number(r.expired)), [1, 1, 1]);
  for (const phone of phones) assert.equal(mock.calls.get(`unblock ${phone}`), 1, `one unblock upstream for ${phone}`);
});

/** Whether TEST_DATABASE_URL is the cluster scripts/pg-throwaway.sh runs (the only one a test may restart). */
function throwawayCluster() {
  const state = process.env.PG_THROWAWAY_DIR ?? '/tmp/chat-block-pg';
  if (!existsSync(join(state, 'port'))) return false;
  return new URL(process.env.TEST_DATABASE_URL).port === readFileSync(join(state, 'port'), 'utf8').trim();
}

test('a database restart: both instances reconnect, and open streams resume without loss or duplicate', { skip: skip || (!throwawayCluster() && 'TEST_DATABASE_URL is not the scripts/pg-throwaway.sh cluster, which this test restarts') }, async () => {
  const [viaA, viaB] = [await signInHttp(a.url, 'agent'), await signInHttp(b.url, 'agent')];
  const streams = [(await viaA.events()).stream, (await viaB.events()).stream];
  const [readyA] = await streams[0].wait(1, 'ready');
  const [readyB] = await streams[1].wait(1, 'ready');
  const phones = [newPhone(), newPhone()];
  assert.equal((await viaA.block(phones[0])).status, 201);
  const [{ since }] = await query(`SELECT pg_postmaster_start_time() AS since`);
  execFileSync(THROWAWAY, ['restart'], { stdio: 'ignore' });
  const [{ since: restarted }] = await query(`SELECT pg_postmaster_start_time() AS since`);
  assert.ok(restarted > since, 'the server restarted');
  // Right after the restart: requests may fail until each pool has a live connection again.
  for (const [via, phone] of [[viaA, phones[1]], [viaB, phones[0]]]) {
    await until(async () => [201, 202].includes((await (via === viaA ? via.block(phone) : via.unblock(phone))).status), 15_000, 'a write after the restart');
  }
  for (const phone of phones) await settled(viaA, phone, 15_000);
  const [fromA, fromB] = [await changeLog(Number(readyA.id)), await changeLog(Number(readyB.id))];
  await streams[0].wait(fromA.length, 'change', 15_000);
  await streams[1].wait(fromB.length, 'change', 15_000);
  assert.deepEqual(streams[0].changes().map((c) => c.id), fromA, 'A\'s stream: every change, in order');
  assert.deepEqual(streams[1].changes().map((c) => c.id), fromB, 'B\'s stream: every change, in order');
  assert.ok(fromB.length >= 6);
  for (const s of streams) await s.cancel();
});
