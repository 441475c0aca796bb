// Test helpers: a relay on a fresh database (PGlite in memory, or a new PostgreSQL database
// when RELAY_TEST_DB=postgres and TEST_DATABASE_URL is set), the mock chat API in front of it,
// and signed-in agents that call it as fetchBackend does.
import { after, before, beforeEach } from 'node:test';
import pg from 'pg';
import { createRelay, cookieAuth } from '../dist/index.js';
import { wrapPglite } from '../dist/db/pglite.js';
import { startReferenceMock } from '../dist/reference-mock.js';
import { templatedPglite } from './pglite-template.js';

export const DB_KIND = process.env.RELAY_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const API_KEY = 'test-chat-api-key-3f9a';
export const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
export const AGENTS = [
  { id: 'asha', name: 'Asha', canBlock: true },
  { id: 'ben', name: 'Ben', canBlock: true },
  { id: 'viewer', name: 'Vic', canBlock: false },
];
export const PHONE = '+14155550132';
export const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let phoneCount = 0;
/** A phone no other test in this file uses (every file has its own database). */
export const newPhone = () => `+1415555${String(2000 + ++phoneCount)}`;

/** The admin URL of the PostgreSQL the tests may create databases in. */
export function adminUrl() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('RELAY_TEST_DB=postgres needs TEST_DATABASE_URL (a PostgreSQL where the tests may create databases)');
  return url;
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database no other test uses: `{ database, drop }`, `database` being what `createRelay`
 * takes. On PGlite an open in-memory database (or `dataDir`, initialised), both started from
 * a saved empty data directory; on PostgreSQL a new database. `drop()` closes or drops it,
 * once what uses it is closed.
 */
export async function freshDatabase({ dataDir } = {}) {
  if (DB_KIND === 'pglite') {
    const pglite = await templatedPglite(dataDir);
    if (dataDir) {
      await pglite.close();
      return { database: dataDir, drop: async () => {} };
    }
    const database = wrapPglite(pglite);
    return { database, drop: () => database.close() };
  }
  const name = `relay_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { database: String(url), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The options every test relay has: the mock's URL and key, short timeouts and retries. */
export function relayOptions(mock, database, options = {}) {
  return {
    // Short enough for the hang tests, long enough for a loaded 2-core machine to answer in time.
    upstream: { baseUrl: mock.url, apiKey: API_KEY, timeoutMs: 1000 },
    database,
    auth: cookieAuth({ secret: SECRET, agents: AGENTS }),
    retry: { baseMs: 100, maxMs: 400 },
    pollMs: 50,
    ...options,
  };
}

/**
 * Starts the mock chat API and a relay on a fresh database; returns a function that stops
 * both and drops the database (in that order).
 */
export async function openRelay({ mock, database, ...options } = {}) {
  const upstream = mock ?? (await startReferenceMock({ apiKey: API_KEY }));
  const db = database ? { database, drop: async () => {} } : await freshDatabase();
  const relay = createRelay(relayOptions(upstream, db.database, options));
  await relay.ready;
  const stop = async () => {
    await relay.close();
    if (!mock) await upstream.close();
    await db.drop();
  };
  return { relay, mock: upstream, stop };
}

/** A relay for one test: stopped after it. */
export async function startRelay(t, options) {
  const started = await openRelay(options);
  t.after(started.stop);
  return started;
}

/**
 * One relay (and mock) for every test of a file (served over HTTP too with `http`), started before the first and stopped after
 * the last; each test uses its own phones (`newPhone()`), and the mock's faults are cleared
 * before each. Read `.relay` and `.mock` inside the tests.
 */
export function sharedRelay(options, { http = false } = {}) {
  let started;
  const shared = {
    relay: null,
    mock: null,
    /** With `http`: the base URL of the relay served over real HTTP (@hono/node-server). */
    url: null,
    /** Resolves once both run (root-level hooks of a file may run side by side: await this in another). */
    ready: new Promise((resolve) => (started = resolve)),
  };
  let stop = async () => {};
  before(async () => {
    const opened = await openRelay(options);
    const served = http ? await serveHttp(opened.relay.fetch) : null;
    Object.assign(shared, { relay: opened.relay, mock: opened.mock, url: served?.url ?? null });
    stop = async () => {
      await served?.close();
      await opened.stop();
    };
    started();
  });
  beforeEach(() => shared.mock?.set({ fault: 'none', latencyMs: 0, faultPhones: [], knownPhones: null }));
  after(() => stop());
  return shared;
}

/** An agent's client: signs in once, then calls like fetchBackend (CSRF header, key, cookie). */
export async function signIn(relay, agentId, base = 'http://relay.test') {
  const login = await relay.fetch(new Request(`${base}/auth/login`, {
    method: 'POST', headers: { 'X-Requested-With': 'chat-block-elements', 'Content-Type': 'application/json' },
    body: JSON.stringify({ agent: agentId }),
  }));
  if (login.status !== 200) throw new Error(`sign-in as ${agentId} answered ${login.status}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  return client((request) => relay.fetch(request), base, cookie);
}

/** Calls a relay as fetchBackend does, through `send(Request)` (a relay's fetch, or real HTTP). */
export function client(send, base, cookie) {
  const call = async (method, path, { body, key, headers = {} } = {}) => {
    const response = await send(new Request(`${base}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}), 'X-Requested-With': 'chat-block-elements', Accept: 'application/json',
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
    /** Opens the event stream (`query` like `?after=3`, `headers` like Last-Event-ID). */
    events: async (query = '', headers = {}) => {
      const controller = new AbortController();
      const response = await send(new Request(`${base}/events${query}`, { headers: { ...(cookie ? { cookie } : {}), Accept: 'text/event-stream', ...headers }, signal: controller.signal }));
      return { response, stream: response.ok ? readEvents(response, () => controller.abort()) : null };
    },
  };
}

/** The audit log rows of one phone, oldest first. */
export async function auditOf(relay, phone) {
  const db = await relay.database;
  return db.query(`SELECT agent_name, action, event, upstream_status, idempotency_key, reason FROM audit_log WHERE phone = $1 ORDER BY id`, [phone]);
}

/** How many rows each table holds (to show a refused request wrote nothing). */
export async function rowCounts(relay) {
  const db = await relay.database;
  const [row] = await db.query(`SELECT (SELECT count(*) FROM customer_state) AS state, (SELECT count(*) FROM audit_log) AS audit,
    (SELECT count(*) FROM change_log) AS changes, (SELECT count(*) FROM idempotency_keys) AS keys`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** Waits until `check()` is truthy (or fails after `ms`), polling; resolves with its value. */
export async function until(check, ms = 5000, what = 'the condition') {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(25);
  }
}

/** Waits until `phone`'s state has no pending intent; resolves with it. */
export const settled = (agent, phone, ms = 5000) =>
  until(async () => {
    const s = await agent.status(phone);
    return s.body.pending === null && s.body;
  }, ms, `${phone} to settle`);

/** Waits until `phone` is unblocked with nothing pending (a timed block ended); resolves with its state. */
export const ended = (agent, phone, ms = 5000) =>
  until(async () => {
    const s = await agent.status(phone);
    return !s.body.blocked && s.body.pending === null && s.body;
  }, ms, `${phone}'s block to end`);

/** Parses one SSE block (the text between blank lines) into { id, event, data, retry, comment }. */
function parseEvent(block) {
  const event = { comment: false };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      event.comment = true;
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') event.data = event.data === undefined ? value : `${event.data}\n${value}`;
    else if (['id', 'event', 'retry'].includes(field)) event[field] = value;
  }
  return event;
}

/** Reads an SSE response's events as they come. */
export function readEvents(response, abort = () => {}) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events = [];
  let waiters = [];
  let closed = false;
  const done = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ done: true }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        events.push(parseEvent(buffer.slice(0, end)));
        buffer = buffer.slice(end + 2);
      }
      waiters = waiters.filter((w) => !w());
    }
    closed = true;
    waiters = waiters.filter((w) => !w());
  })();
  const named = (name) => events.filter((e) => e.event === name);
  return {
    events,
    get closed() {
      return closed;
    },
    /** The changes' data, parsed. */
    changes: () => named('change').map((e) => ({ id: Number(e.id), ...JSON.parse(e.data) })),
    /** Resolves with the events named `name` once there are at least `n` of them. */
    async wait(n, name = 'change', ms = 5000) {
      if (named(name).length >= n) return named(name);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${named(name).length} of ${n} "${name}" events arrived`)), ms);
        waiters.push(() => {
          if (named(name).length >= n) return clearTimeout(timer), resolve(named(name)), true;
          if (closed) return clearTimeout(timer), reject(new Error(`the stream ended after ${named(name).length} of ${n} "${name}" events`)), true;
          return false;
        });
      });
    },
    /** Resolves once the server ends the stream. */
    ended: done,
    cancel: async () => {
      abort();
      await reader.cancel().catch(() => {});
    },
  };
}

/** Serves `fetch` over real HTTP on 127.0.0.1 (an ephemeral port) with @hono/node-server; `close()` stops it. */
export async function serveHttp(fetchHandler) {
  const { serve } = await import('@hono/node-server');
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        server,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

/** Signs in over real HTTP; returns a client that calls `base` with the cookie. */
export async function signInHttp(base, agentId, extraHeaders = {}) {
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST', headers: { 'X-Requested-With': 'chat-block-elements', 'Content-Type': 'application/json', ...extraHeaders },
    body: JSON.stringify({ agent: agentId }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${agentId} answered ${login.status}: ${await login.text()}`);
  return client((request) => fetch(request), base, login.headers.get('set-cookie').split(';')[0]);
}
