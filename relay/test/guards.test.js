// Who may do what, and what the relay refuses before writing anything: authorize (401/403,
// `by` only from the hook), the signed-cookie sign-in, CSRF and CORS, body and field limits,
// and the per-agent rate limit (429 with Retry-After) that a bulk unblock of 200 still passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENTS, SECRET, client, newPhone, rowCounts, sharedRelay, signIn, signInHttp, wait } from './helpers.js';
import { cookieAuth } from '../dist/index.js';

// The host's own session check: a bearer token here, else the built-in cookie sign-in.
const auth = cookieAuth({ secret: SECRET, agents: AGENTS });
const TOKENS = { 'token-kim': { id: 'kim', name: 'Kim (support lead)', canBlock: true }, 'token-lee': { id: 'lee', name: 'Lee', canBlock: false } };
const authorize = (request) => {
  const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  return bearer !== undefined ? TOKENS[bearer] ?? null : auth.authorize(request);
};
const ALLOWED = 'https://crm.example.com';
const shared = sharedRelay({ authorize, auth, allowedOrigins: [ALLOWED] }, { http: true });
/** A client of the host's own session: a bearer token. */
const asToken = (token) => client((r) => {
  r.headers.set('Authorization', `Bearer ${token}`);
  return shared.relay.fetch(r);
}, 'http://relay.test', null);

test('without an agent every route is 401 in the reference shape; a forged or foreign cookie is no agent', async () => {
  const nobody = client((r) => fetch(r), shared.url, null);
  const forged = client((r) => fetch(r), shared.url, 'chat_block_agent=asha.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  const other = cookieAuth({ secret: 'another-secret-that-is-long-enough-000000', agents: AGENTS });
  const login = await other.login(new Request('http://x/auth/login', { method: 'POST', body: JSON.stringify({ agent: 'asha' }) }));
  const foreign = client((r) => fetch(r), shared.url, login.headers.get('set-cookie').split(';')[0]);
  const phone = newPhone();
  const before = await rowCounts(shared.relay);
  const malformed = client((r) => fetch(r), shared.url, 'chat_block_agent=%E0%A4%A.AAAA');
  for (const who of [nobody, forged, foreign, malformed, asToken('token-unknown')]) {
    for (const answer of [await who.block(phone), await who.unblock(phone), await who.status(phone), await who.list(), await who.call('GET', '/auth/me')]) {
      assert.deepEqual([answer.status, answer.body], [401, { statusCode: 401, message: 'Sign in to block or unblock customers.' }]);
    }
    const events = await who.events();
    assert.equal(events.response.status, 401, 'an unauthorized stream');
    assert.equal((await events.response.json()).statusCode, 401);
  }
  assert.deepEqual(await rowCounts(shared.relay), before);
});

test('authorize decides: 403 for an agent who may not block; `by` is the hook\'s name, never the page\'s', async () => {
  const phone = newPhone();
  const lee = asToken('token-lee');
  const refused = await lee.block(phone);
  assert.deepEqual([refused.status, refused.body], [403, { statusCode: 403, message: 'Lee may not block customers.' }]);
  assert.equal((await lee.unblock(phone)).status, 403);
  assert.equal((await lee.status(phone)).status, 200, 'reads need only an agent');
  const vic = await signIn(shared.relay, 'viewer');
  assert.deepEqual((await vic.block(phone)).body.message, 'Vic may not block customers.');
  const kim = asToken('token-kim');
  const forged = await kim.block(phone, { by: 'Somebody Else' });
  assert.deepEqual([forged.status, forged.body.message], [400, ['property by should not exist']]);
  const block = await kim.block(phone, { reason: 'abuse' });
  assert.deepEqual([block.status, block.body.by], [201, 'Kim (support lead)']);
  assert.deepEqual((await kim.call('GET', '/auth/me')).body, TOKENS['token-kim']);
  assert.equal(shared.mock.calls.get(`block ${phone}`), 1, 'refused requests never reached the chat API');
});

test('the signed-cookie sign-in: login sets an HttpOnly cookie, me reads it, logout clears it', async () => {
  const login = await fetch(`${shared.url}/auth/login`, {
    method: 'POST', headers: { 'X-Requested-With': 'chat-block-elements', 'Content-Type': 'application/json' }, body: JSON.stringify({ agent: 'ben' }),
  });
  assert.equal(login.status, 200);
  assert.deepEqual(await login.json(), { id: 'ben', name: 'Ben', canBlock: true });
  const cookie = login.headers.get('set-cookie');
  assert.match(cookie, /^chat_block_agent=ben\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
  const ben = client((r) => fetch(r), shared.url, cookie.split(';')[0]);
  assert.deepEqual((await ben.call('GET', '/auth/me')).body, { id: 'ben', name: 'Ben', canBlock: true });
  const agents = await ben.call('GET', '/auth/agents');
  assert.deepEqual(agents.body, AGENTS);
  const logout = await ben.call('POST', '/auth/logout');
  assert.equal(logout.status, 204);
  assert.match(logout.headers.get('set-cookie'), /^chat_block_agent=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
  const wrong = await fetch(`${shared.url}/auth/login`, { method: 'POST', headers: { 'X-Requested-With': 'chat-block-elements' }, body: JSON.stringify({ agent: 'mallory' }) });
  assert.deepEqual([wrong.status, await wrong.json()], [401, { statusCode: 401, message: 'Unknown agent or wrong password.' }]);
  assert.equal(wrong.headers.get('set-cookie'), null);
  // An agent with a password needs it.
  const withPassword = cookieAuth({ secret: SECRET, agents: [{ id: 'pat', name: 'Pat', canBlock: true, password: 'hunter2' }] });
  const ask = (body) => withPassword.login(new Request('http://x/auth/login', { method: 'POST', body: JSON.stringify(body) }));
  assert.equal((await ask({ agent: 'pat' })).status, 401);
  assert.equal((await ask({ agent: 'pat', password: 'nope' })).status, 401);
  const pat = await ask({ agent: 'pat', password: 'hunter2' });
  assert.deepEqual([pat.status, await pat.json()], [200, { id: 'pat', name: 'Pat', canBlock: true }]);
});

test('CSRF: a write needs the X-Requested-With header and, when an Origin is sent, the relay\'s own or an allowed one', async () => {
  const asha = await signInHttp(shared.url, 'asha');
  const phone = newPhone();
  const before = await rowCounts(shared.relay);
  const noHeader = await asha.block(phone, {}, { headers: { 'X-Requested-With': '' } });
  assert.deepEqual([noHeader.status, noHeader.body], [403, { statusCode: 403, message: 'Missing the "X-Requested-With: chat-block-elements" header.' }]);
  const foreign = await asha.block(phone, {}, { headers: { Origin: 'https://evil.example' } });
  assert.deepEqual([foreign.status, foreign.body], [403, { statusCode: 403, message: 'Requests from https://evil.example are not allowed.' }]);
  assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  const login = await fetch(`${shared.url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ agent: 'asha' }) });
  assert.equal(login.status, 403, 'signing in is a write too');
  assert.deepEqual(await rowCounts(shared.relay), before);
  assert.equal(shared.mock.calls.get(`block ${phone}`), undefined);
  // The relay's own origin, and the allowed one (with CORS for its cookies).
  assert.equal((await asha.block(phone, {}, { headers: { Origin: shared.url } })).status, 201);
  const allowed = await asha.unblock(phone, {}, { headers: { Origin: ALLOWED } });
  assert.equal(allowed.status, 201);
  assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
  assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
  const preflight = await fetch(`${shared.url}/customer/block`, {
    method: 'OPTIONS', headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key,x-requested-with' },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED);
  assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
  const evilPreflight = await fetch(`${shared.url}/customer/block`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(evilPreflight.headers.get('access-control-allow-origin'), null);
});

test('limits: a body over 16 KiB is 413; field lengths, until in the future and at most a year ahead; nothing is written', async () => {
  const asha = await signInHttp(shared.url, 'asha');
  const phone = newPhone();
  const before = await rowCounts(shared.relay);
  const big = JSON.stringify({ phone, reason: 'x'.repeat(17_000) });
  const tooLarge = await asha.call('POST', '/customer/block', { body: big });
  assert.deepEqual([tooLarge.status, tooLarge.body], [413, { statusCode: 413, message: 'The body is larger than 16384 bytes.' }]);
  // Without a Content-Length (chunked), the relay counts as it reads.
  const chunked = await fetch(`${shared.url}/customer/block`, {
    method: 'POST', duplex: 'half',
    headers: { cookie: asha.cookie, 'X-Requested-With': 'chat-block-elements', 'Content-Type': 'application/json' },
    body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } }),
  });
  assert.equal(chunked.status, 413);
  const hour = 3600e3;
  const cases = [
    [{ phone, reason: 'r'.repeat(501) }, ['reason must be shorter than or equal to 500 characters']],
    [{ phone, name: 'n'.repeat(201) }, ['name must be shorter than or equal to 200 characters']],
    [{ phone, until: new Date(Date.now() - hour).toISOString() }, ['until must be in the future']],
    [{ phone, until: new Date(Date.now() + 367 * 24 * hour).toISOString() }, ['until must be at most a year ahead']],
    [{ phone, until: 'next tuesday' }, ['until must be an ISO 8601 time']],
    [{ phone, reason: 42 }, ['reason must be a string']],
    [{ phone: '14155550100' }, ['phone must be a valid phone number']],
    [{ phone: '+1415' }, ['phone must be longer than or equal to 10 characters']],
    [{}, ['phone must be a string']],
    [[phone], ['the body must be a JSON object']],
    ['{"phone":', ['the body must be JSON']],
    [{ phone, reason: 'r'.repeat(501), by: 'me' }, ['property by should not exist', 'reason must be shorter than or equal to 500 characters']],
  ];
  for (const [body, message] of cases) {
    const answer = await asha.call('POST', '/customer/block', { body });
    assert.deepEqual([answer.status, answer.body], [400, { statusCode: 400, message }], JSON.stringify(body).slice(0, 60));
    assert.match(answer.headers.get('content-type'), /^application\/json/);
  }
  const unblockExtra = await asha.call('POST', '/customer/unblock', { body: { phone, reason: 'why' } });
  assert.deepEqual(unblockExtra.body.message, ['property reason should not exist']);
  for (const [path, message] of [
    ['/customer/status?phone=abc', ['phone must be longer than or equal to 10 characters']],
    ['/customer/status', ['phone must be a string']],
    ['/customers/blocked?limit=0', ['limit must be a whole number from 1 to 200']],
    ['/customers/blocked?limit=201&cursor=nope', ['limit must be a whole number from 1 to 200', 'cursor is not one this relay gave out']],
    [`/customers/blocked?q=${'q'.repeat(101)}`, ['q must be at most 100 characters']],
    ['/events?after=-1', ['Last-Event-ID and after must be a revision (a whole number)']],
    ['/nowhere', 'Cannot GET /nowhere'],
  ]) {
    const answer = await asha.call('GET', path);
    assert.deepEqual([answer.status, answer.body], [message === 'Cannot GET /nowhere' ? 404 : 400, { statusCode: message === 'Cannot GET /nowhere' ? 404 : 400, message }], path);
  }
  // A year ahead is allowed; null or "" is a field left out.
  const yearAhead = new Date(Date.now() + 365 * 24 * hour).toISOString();
  const fine = await asha.block(phone, { until: yearAhead, reason: '', name: null });
  assert.deepEqual([fine.status, fine.body.until, fine.body.reason, fine.body.name], [201, yearAhead, null, null]);
  const untilEmpty = await asha.block(newPhone(), { until: '' });
  assert.deepEqual([untilEmpty.status, untilEmpty.body.until], [201, null]);
  const after = await rowCounts(shared.relay);
  assert.deepEqual({ ...after, state: after.state - 2, audit: after.audit - 4, changes: after.changes - 4 }, before, 'only the last two blocks wrote');
});

test('a bulk unblock of 200 at the list\'s concurrency passes the rate limit; a runaway script then gets 429 with Retry-After', async () => {
  const phones = Array.from({ length: 200 }, () => newPhone());
  await shared.relay.seed(phones.map((phone) => ({ phone, blocked: true, reason: 'bulk', by: 'seed' })));
  const ben = await signIn(shared.relay, 'ben');
  const answers = [];
  const queue = [...phones];
  // <chat-blocked-list> unblocks 4 at a time.
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let phone = queue.shift(); phone; phone = queue.shift()) answers.push((await ben.unblock(phone)).status);
  }));
  assert.deepEqual([...new Set(answers)], [201]);
  assert.equal(answers.length, 200);
  // The same agent keeps going, far faster than anyone clicks: the bucket (300, refilled at 5 a
  // second) runs dry. How many it takes depends on how long the 200 took (their refill): on a
  // busy machine, more than the 100 left; the cap only stops a limiter that never answers 429.
  let limited = null;
  for (let i = 0; i < 1000 && !limited; i++) {
    const answer = await ben.call('POST', '/customer/unblock', { body: {} });
    if (answer.status === 429) limited = answer;
    else assert.equal(answer.status, 400);
  }
  assert.ok(limited, 'a 429 came');
  assert.deepEqual(limited.body, { statusCode: 429, message: 'Too many requests: try again in 1 s.' });
  assert.equal(limited.headers.get('retry-after'), '1');
  // Per agent: Asha is not limited by Ben's script; and Ben may go on after Retry-After.
  const asha = await signIn(shared.relay, 'asha');
  assert.equal((await asha.status(phones[0])).status, 200);
  assert.equal((await asha.unblock(phones[0])).status, 201);
  await wait(1000);
  assert.equal((await ben.unblock(phones[1])).status, 201);
});
