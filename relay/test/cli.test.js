// The CLI as a child process: --help, clear errors for bad flags, serving with the key from an
// environment variable (never printed), a database, an allowed origin; and a relay killed with
// SIGKILL in the middle of a request that converges once started again on the same database.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceMock } from '../dist/reference-mock.js';
import { runCli, startCli } from './cli-process.js';
import { DB_KIND, SECRET, freshDatabase, settled, signInHttp, until } from './helpers.js';

const KEY = 'cli-secret-chat-key-7d1e';
const dir = mkdtempSync(join(tmpdir(), 'relay-cli-'));
const agentsFile = join(dir, 'agents.json');
writeFileSync(agentsFile, JSON.stringify([{ id: 'asha', name: 'Asha', canBlock: true }, { id: 'vic', name: 'Vic', canBlock: false }]));
let mock;
let db;
before(async () => {
  mock = await startReferenceMock({ apiKey: KEY });
  db = await freshDatabase({ dataDir: join(dir, 'data') });
});
after(async () => {
  await mock?.close();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});
const env = { MY_CHAT_KEY: KEY, RELAY_SECRET: SECRET };
const serveArgs = () => ['--upstream', mock.url, '--api-key-env', 'MY_CHAT_KEY', '--database', db.database, '--agents', agentsFile, '--upstream-timeout', '1000'];

test('--help prints every option and exits 0', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.status, 0);
  for (const flag of ['--port', '--host', '--upstream', '--upstream-timeout', '--api-key-env', '--database', '--allowed-origin', '--agents', '--secret-env', '--base-path', '--heartbeat', '--mock-upstream', '--help']) {
    assert.ok(help.stdout.includes(flag), flag);
  }
  assert.equal(help.stderr, '');
});

test('bad flags and missing settings: exit 2 with a message that says what to fix', async () => {
  const cases = [
    [['--prot', '1'], {}, "Unknown option '--prot'."],
    [['--port'], {}, "Option '--port <value>' argument missing."],
    [['extra'], {}, "Unexpected argument 'extra'."],
    [['--port', '70000'], {}, '--port must be a whole number from 0 to 65535 (got "70000").'],
    [['--upstream-timeout', 'soon'], {}, '--upstream-timeout must be a whole number from 100 to 120000 (got "soon").'],
    [[], { CHAT_API_URL: '' }, 'give the chat API with --upstream <url> (or CHAT_API_URL), or try it with --mock-upstream.'],
    [['--upstream', 'ftp://chat.example'], {}, '--upstream must be an http(s) URL (got "ftp://chat.example").'],
    [['--upstream', 'https://chat.example'], { CHAT_API_KEY: '' }, 'set the chat API key in the environment variable CHAT_API_KEY.'],
    [['--upstream', 'https://chat.example', '--api-key-env', 'NOPE_KEY'], {}, 'set the chat API key in the environment variable NOPE_KEY.'],
    [['--upstream', 'https://chat.example'], { CHAT_API_KEY: 'k', RELAY_SECRET: 'short' }, 'the cookie secret in RELAY_SECRET must be at least 32 characters.'],
    [['--upstream', 'https://chat.example', '--allowed-origin', 'crm.example.com'], { CHAT_API_KEY: 'k' }, '--allowed-origin must be an origin like https://crm.example.com (got "crm.example.com").'],
    [['--upstream', 'https://chat.example', '--agents', '/nonexistent.json'], { CHAT_API_KEY: 'k' }, '--agents: could not read /nonexistent.json'],
    [['--upstream', 'https://chat.example', '--base-path', 'api/'], { CHAT_API_KEY: 'k' }, '--base-path must start with / and not end with one, like /api (got "api/").'],
  ];
  const runs = await Promise.all(cases.map(([args, extraEnv]) => runCli(args, { CHAT_API_KEY: '', CHAT_API_URL: '', RELAY_SECRET: SECRET, ...extraEnv })));
  for (const [i, [args, , message]] of cases.entries()) {
    const run = runs[i];
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.ok(run.stderr.startsWith(`chat-block-relay: ${message}`), `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, /Run chat-block-relay --help for the options\.\n$/);
    assert.equal(run.stdout, '');
  }
});

test('serves: the key from the environment goes upstream and is never printed; agents, origin, and the database from DATABASE_URL', async () => {
  const args = serveArgs();
  args.splice(args.indexOf('--database'), 2);
  const relay = await startCli([...args, '--allowed-origin', 'https://crm.example.com'], { ...env, DATABASE_URL: db.database });
  try {
    assert.match(relay.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(relay.output().includes(DB_KIND === 'pglite' ? `database: PGlite in ${db.database}` : 'database: PostgreSQL at postgres://'));
    const asha = await signInHttp(relay.url, 'asha', { Origin: 'https://crm.example.com' });
    const phone = '+14155550199';
    const blocked = await asha.block(phone, { reason: 'spam' }, { headers: { Origin: 'https://crm.example.com' } });
    assert.deepEqual([blocked.status, blocked.body.by], [201, 'Asha']);
    assert.equal(blocked.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    assert.equal(mock.requests.at(-1).authorization, KEY);
    assert.equal((await asha.block(phone, {}, { headers: { Origin: 'https://other.example.com' } })).status, 403);
    const vic = await signInHttp(relay.url, 'vic');
    assert.equal((await vic.unblock(phone)).status, 403);
    // A change the chat API keeps refusing is logged nowhere with the key either.
    mock.set({ fault: 'unauthorized' });
    assert.equal((await asha.unblock(phone)).status, 502);
    mock.set({ fault: 'none' });
  } finally {
    assert.deepEqual(await relay.kill('SIGTERM'), { code: 0, signal: null }, 'SIGTERM stops it cleanly');
  }
  assert.ok(!relay.output().includes(KEY), 'the key is in no output');
  assert.ok(!relay.output().includes(SECRET), 'nor the cookie secret');
});

test('kill -9 in the middle of a request, then a restart on the same database: the relay converges', async () => {
  const phone = '+14155550177';
  const first = await startCli(serveArgs(), env);
  const asha = await signInHttp(first.url, 'asha');
  mock.set({ fault: 'hang', faultPhones: [phone] });
  // The chat API has the block (it commits on arrival), but its answer never comes.
  const lost = asha.block(phone, { reason: 'abuse' }, { key: 'cli-kill-key' }).then(() => 'answered', () => 'lost');
  await until(() => mock.calls.get(`block ${phone}`) === 1, 5000, 'the block to reach the chat API');
  assert.deepEqual(await first.kill('SIGKILL'), { code: null, signal: 'SIGKILL' });
  assert.equal(await lost, 'lost', 'the page got no answer');
  mock.set({ fault: 'none', faultPhones: [] });
  const second = await startCli(serveArgs(), env);
  try {
    const again = await signInHttp(second.url, 'asha');
    // The intent committed before the kill is sent again once its lease (3 s) has run out.
    const done = await settled(again, phone, 15_000);
    assert.deepEqual([done.blocked, done.reason, done.by], [true, 'abuse', 'Asha']);
    assert.equal(mock.calls.get(`block ${phone}`), 2, 'sent once more after the restart');
    const replay = await again.block(phone, { reason: 'abuse' }, { key: 'cli-kill-key' });
    assert.deepEqual([replay.status, replay.body.revision], [201, done.revision], 'the key replays the outcome');
    assert.equal(mock.calls.get(`block ${phone}`), 2);
  } finally {
    await second.kill();
  }
});
