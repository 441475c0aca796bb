// Test helpers: a relay on a fresh database (PGlite in memory, or a new PostgreSQL database
// when RELAY_TEST_DB=postgres and TEST_DATABASE_URL is set), the mock chat API in front of it,
// and signed-in agents that call it as fetchBackend does.
import pg from 'pg';
import { createRelay, cookieAuth } from '../dist/index.js';
import { startReferenceMock } from '../dist/reference-mock.js';

export const DB_KIND = process.env.RELAY_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const API_KEY = 'test-chat-api-key-3f9a';
export const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
export const AGENTS = [
  { id: 'asha', name: 'Asha', canBlock: true },
  { id: 'ben', name: 'Ben', canBlock: true },
  { id: 'viewer', name: 'Vic', canBlock: false },
];
export const PHONE = '+14155550132';
const drops = [];
export const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A database no other test uses: its URL (or `memory://`). Dropped after the test, after
 * everything registered later (node:test runs `after` hooks first in, first out, so the drop
 * is queued behind the relay's close with a delay of one hook).
 */
export async function freshDatabase(t) {
  if (DB_KIND === 'pglite') return 'memory://';
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('RELAY_TEST_DB=postgres needs TEST_DATABASE_URL (a PostgreSQL where the tests may create databases)');
  const name = `relay_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  drops.push(async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  return String(url);
}

/** Starts the mock chat API and a relay on a fresh database; both stop after the test. */
export async function startRelay(t, { database, mock, ...options } = {}) {
  const upstream = mock ?? (await startReferenceMock({ apiKey: API_KEY }));
  const relay = createRelay({
    upstream: { baseUrl: upstream.url, apiKey: API_KEY, timeoutMs: 400 },
    database: database ?? (await freshDatabase(t)),
    auth: cookieAuth({ secret: SECRET, agents: AGENTS }),
    retry: { baseMs: 100, maxMs: 400 },
    pollMs: 50,
    ...options,
  });
  await relay.ready;
  t.after(async () => {
    await relay.close();
    if (!mock) await upstream.close();
    for (const drop of drops.splice(0)) await drop();
  });
  return { relay, mock: upstream };
}

/** An agent's client: signs in once, then calls like fetchBackend (CSRF header, key, cookie). */
export async function signIn(relay, agentId, base = 'http://relay.test') {
  const login = await relay.fetch(new Request(`${base}/auth/login`, {
    method: 'POST', headers: { 'X-Requested-With': 'chat-block-elements', 'Content-Type': 'application/json' },
    body: JSON.stringify({ agent: agentId }),
  }));
  if (login.status !== 200) throw new Error(`sign-in as ${agentId} answered ${login.status}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const call = async (method, path, { body, key, headers = {} } = {}) => {
    const response = await relay.fetch(new Request(`${base}${path}`, {
      method,
      headers: {
        cookie, 'X-Requested-With': 'chat-block-elements', Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(key ? { 'Idempotency-Key': `"${key}"` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }));
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: response.status, body: json, text, headers: response.headers };
  };
  return {
    cookie,
    call,
    block: (phone, extra = {}, opts = {}) => call('POST', '/customer/block', { body: { phone, ...extra }, ...opts }),
    unblock: (phone, extra = {}, opts = {}) => call('POST', '/customer/unblock', { body: { phone, ...extra }, ...opts }),
    status: (phone) => call('GET', `/customer/status?phone=${encodeURIComponent(phone)}`),
    list: (query = '') => call('GET', `/customers/blocked${query}`),
  };
}

/** The audit log rows of one phone, oldest first. */
export async function auditOf(relay, phone) {
  const db = await relay.database;
  return db.query(`SELECT agent_name, action, event, upstream_status, idempotency_key, reason FROM audit_log WHERE phone = $1 ORDER BY id`, [phone]);
}

/** Waits until `check()` is truthy (or fails after `ms`), polling. */
export async function until(check, ms = 5000, what = 'the condition') {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(25);
  }
}

/** Reads an SSE response's events as they come: { next(n) → the next n events }. */
export function readEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events = [];
  let waiters = [];
  (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ done: true }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = { comment: false };
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) event.comment = true;
          const [field, ...rest] = line.split(':');
          const v = rest.join(':').replace(/^ /, '');
          if (field === 'id') event.id = v;
          if (field === 'event') event.event = v;
          if (field === 'data') event.data = v;
          if (field === 'retry') event.retry = v;
        }
        events.push(event);
        waiters = waiters.filter((w) => !w());
      }
    }
  })();
  return {
    events,
    /** Resolves with the events named `name` once there are at least `n` of them. */
    async wait(n, name = 'change', ms = 5000) {
      const pick = () => events.filter((e) => e.event === name);
      if (pick().length >= n) return pick();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${pick().length} of ${n} "${name}" events arrived`)), ms);
        waiters.push(() => (pick().length >= n ? (clearTimeout(timer), resolve(pick()), true) : false));
      });
    },
    cancel: () => reader.cancel().catch(() => {}),
  };
}
