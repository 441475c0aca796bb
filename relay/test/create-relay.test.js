// createRelay's own checks: options that cannot work are refused at once, with what to fix;
// a database that cannot be opened makes every request a clear 503, not a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cookieAuth, createRelay } from '../dist/index.js';
import { AGENTS, SECRET } from './helpers.js';

const auth = cookieAuth({ secret: SECRET, agents: AGENTS });
const upstream = { baseUrl: 'http://127.0.0.1:9', apiKey: 'k' };

test('options that cannot work throw a TypeError that says what to give', () => {
  assert.throws(() => createRelay({ upstream }), { name: 'TypeError', message: 'createRelay: give authorize(request) (your session check) or auth (cookieAuth()).' });
  assert.throws(() => createRelay({ auth, upstream: { ...upstream, baseUrl: 'chat.example.com' } }), { message: "createRelay: upstream.baseUrl must be the chat API's http(s) URL." });
  assert.throws(() => createRelay({ auth, upstream: { ...upstream, apiKey: '' } }), { message: 'createRelay: upstream.apiKey is required.' });
  assert.throws(() => cookieAuth({ secret: 'short', agents: AGENTS }), { message: 'cookieAuth: secret must be at least 32 characters.' });
  assert.throws(() => cookieAuth({ secret: SECRET, agents: [] }), { message: 'cookieAuth: give at least one agent ({ id, name, canBlock }).' });
});

test('a database that cannot be opened: ready rejects, and every request is 503 in the reference shape', async () => {
  // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
  const relay = createRelay({ auth, upstream, database: 'postgres://postgres@127.0.0.1:9/none' });
  await assert.rejects(relay.ready);
  const answer = await relay.fetch(new Request('http://relay.test/customer/status?phone=%2B14155550100'));
  assert.deepEqual([answer.status, await answer.json()], [503, { statusCode: 503, message: 'The relay could not open its database.' }]);
  await relay.close();
});
