import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { ChangeHub } from './change-hub.js';
import { Converger, pageAnswer, settlementOf, type RetryOptions } from './converge.js';
import type { CookieAuth } from './cookie-auth.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { csrfProblem, originAllowed, RateLimiter } from './guards.js';
import { claimKey, fingerprint, readKey, recordKey } from './idempotency.js';
import { listBlocked, readCursor } from './list.js';
import { seedCustomers, type SeedEntry } from './seed.js';
import { commitIntent, readState, settleIntent, toState } from './state.js';
import { callUpstream, type UpstreamOptions } from './upstream.js';
import { phoneProblem, readChangeBody } from './validate.js';
import type { Action, Agent } from './types.js';

export interface RelayOptions {
  /** The chat API, and the key the relay (only) holds for it. */
  upstream: UpstreamOptions;
  /**
   * A `postgres://` URL (a real PostgreSQL, for several instances), a PGlite data directory
   * (embedded, the default: `./chat-block-relay-data`), `memory://`, or an open `Database`.
   */
  database?: string | Database;
  /**
   * The host's session check: the agent making `request`, or null (401). Give this or `auth`.
   * Who blocked (`by`) always comes from here, never from the page.
   */
  authorize?: (request: Request) => Agent | null | Promise<Agent | null>;
  /** The built-in signed-cookie sign-in (`cookieAuth()`): also serves `/auth/login` and `/auth/logout`. */
  auth?: CookieAuth;
  /** Origins besides the relay's own that may call it with the agent's cookies (CORS and CSRF). */
  allowedOrigins?: string[];
  /** Where the relay is mounted, e.g. `/api`. Default `''`. */
  basePath?: string;
  /** Per-agent limit on block/unblock requests; `false` turns it off. Default 300 at once, then 5 a second. */
  rateLimit?: { burst: number; perSecond: number } | false;
  /** Largest request body (bytes). Default 16384. */
  maxBodyBytes?: number;
  /** Background retries of an intent the chat API has not confirmed. */
  retry?: RetryOptions;
  /** How often the background worker looks for due intents and ended timed blocks (ms). Default 1000. */
  pollMs?: number;
  /** A comment on every event stream this often, so proxies keep it open (ms). Default 15000. */
  heartbeatMs?: number;
}

export interface Relay {
  /** The Web-standard handler: mount it in Node, Express, Fastify, Next.js, Hono or Deno. */
  fetch(request: Request): Promise<Response>;
  /** Resolves once the schema is migrated and the worker and change stream run. */
  readonly ready: Promise<void>;
  readonly database: Promise<Database>;
  /** Records customers as the chat API already has them (a first import, the demo's seed). */
  seed(entries: SeedEntry[]): Promise<void>;
  /** Empties every table (the demo's reset); every stream is told to re-read. */
  reset(): Promise<void>;
  /** Runs the background worker's pass now, rather than at its next tick. */
  converge(): Promise<void>;
  /** Stops the worker and the streams, and closes the database if the relay opened it. */
  close(): Promise<void>;
}

type Env = { Variables: { agent: Agent } };

/** Creates a relay. Requests wait for `ready`; nothing listens on a port (see the CLI for that). */
export function createRelay(options: RelayOptions): Relay {
  const authorize = options.authorize ?? options.auth?.authorize;
  if (typeof authorize !== 'function') throw new TypeError('createRelay: give authorize(request) (your session check) or auth (cookieAuth()).');
  if (typeof options.upstream?.baseUrl !== 'string' || !/^https?:\/\//.test(options.upstream.baseUrl)) {
    throw new TypeError('createRelay: upstream.baseUrl must be the chat API\'s http(s) URL.');
  }
  if (typeof options.upstream.apiKey !== 'string' || options.upstream.apiKey === '') throw new TypeError('createRelay: upstream.apiKey is required.');
  const upstream = { timeoutMs: 5000, ...options.upstream };
  const allowed = options.allowedOrigins ?? [];
  const retry = options.retry ?? {};
  const limiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit?.burst, options.rateLimit?.perSecond);
  const leaseMs = upstream.timeoutMs * 2 + 1000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const ownsDb = typeof options.database !== 'object';
  const database = typeof options.database === 'object' ? Promise.resolve(options.database) : openDatabase(options.database ?? './chat-block-relay-data');
  let hub!: ChangeHub;
  let converger!: Converger;
  const streams = new Set<() => void>();
  const ready = database.then(async (db) => {
    await migrate(db);
    hub = new ChangeHub(db);
    await hub.start();
    converger = new Converger(db, upstream, { pollMs: options.pollMs ?? 1000, leaseMs, retry });
    converger.start();
  });
  ready.catch(() => {});

  const json = (c: Context, status: number, body: unknown, headers: Record<string, string> = {}) => {
    for (const [k, v] of Object.entries(headers)) c.header(k, v);
    c.header('Cache-Control', 'no-store');
    return c.json(body as object, status as 200);
  };
  const error = (c: Context, status: number, message: string | string[], headers?: Record<string, string>) =>
    json(c, status, { statusCode: status, message }, headers);

  const app = new Hono<Env>().basePath(options.basePath ?? '');
  app.use('*', cors({
    origin: (origin, c) => (origin && originAllowed(origin, c.req.raw, allowed) ? origin : null),
    credentials: true,
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'X-Requested-With', 'Last-Event-ID'],
    allowMethods: ['GET', 'POST'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  }));
  app.use('*', async (c, next) => {
    await ready;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const problem = csrfProblem(c.req.raw, allowed);
      if (problem) return error(c, 403, problem);
    }
    return next();
  });
  app.onError((thrown, c) => {
    console.error(`chat-block-relay: ${c.req.method} ${c.req.path} failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    return error(c, 500, 'The relay failed; nothing was changed by this request.');
  });

  if (options.auth) {
    const auth = options.auth;
    app.post('/auth/login', (c) => auth.login(c.req.raw));
    app.post('/auth/logout', () => auth.logout());
    app.get('/auth/agents', (c) => json(c, 200, auth.agents));
  }
  // Everything below needs a signed-in agent.
  app.use('*', async (c, next) => {
    const agent = await authorize(c.req.raw);
    if (!agent) return error(c, 401, 'Sign in to block or unblock customers.');
    c.set('agent', agent);
    return next();
  });
  app.get('/auth/me', (c) => json(c, 200, c.get('agent')));

  const change = (action: Action) => async (c: Context<Env>) => {
    const agent = c.get('agent');
    if (!agent.canBlock) return error(c, 403, `${agent.name} may not ${action} customers.`);
    const wait = limiter?.take(agent.id) ?? 0;
    if (wait > 0) return error(c, 429, `Too many requests: try again in ${wait} s.`, { 'Retry-After': String(wait) });
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return error(c, 400, ['the body must be JSON']);
    }
    const body = readChangeBody(action, raw);
    if (Array.isArray(body)) return error(c, 400, body);
    const key = readKey(c.req.header('idempotency-key') ?? null);
    if (key instanceof Error) return error(c, 400, [key.message]);
    const db = await database;
    const intent = { ...body, action, agent, key };
    const begun = await db.transaction(async (tx) => {
      if (key) {
        const claim = await claimKey(tx, agent.id, key, fingerprint({ action, ...body }), body.phone);
        if (claim.kind !== 'new') return { claim, row: null };
      }
      return { claim: null, row: await commitIntent(tx, intent, leaseMs) };
    });
    const { claim } = begun;
    if (claim) {
      if (claim.kind === 'mismatch') return error(c, 422, 'This Idempotency-Key was used for a different request.');
      if (claim.kind === 'running') return error(c, 409, 'A request with this Idempotency-Key is still running.');
      // Still not confirmed: the current state, as the first answer had it.
      if (claim.status === 202) return json(c, 202, { ...(await readState(db, body.phone)), statusCode: 202, message: (claim.body as { message?: string }).message });
      return json(c, claim.status, claim.body);
    }
    const outcome = await callUpstream(upstream, action, body.phone);
    const settled = await settleIntent(db, body.phone, Number(begun.row!.pending_id), settlementOf(outcome, 1, retry));
    // Replaced meanwhile by another agent's change: that one is what the chat API is being told.
    const answer = settled.current ? pageAnswer(outcome, toState(settled.row)) : pageAnswer({ kind: 'lost', status: null, detail: '' }, toState(settled.row));
    if (key) await recordKey(db, agent.id, key, answer.status, answer.body);
    return json(c, answer.status, answer.body);
  };
  const limit = bodyLimit({
    maxSize: options.maxBodyBytes ?? 16_384,
    onError: (c) => error(c, 413, `The body is larger than ${options.maxBodyBytes ?? 16_384} bytes.`),
  });
  app.post('/customer/block', limit, change('block'));
  app.post('/customer/unblock', limit, change('unblock'));

  app.get('/customer/status', async (c) => {
    const phone = c.req.query('phone');
    const problem = phoneProblem(phone);
    if (problem) return error(c, 400, [problem]);
    return json(c, 200, await readState(await database, phone!));
  });

  app.get('/customers/blocked', async (c) => {
    const limitText = c.req.query('limit') ?? '50';
    const limitValue = Number(limitText);
    if (!Number.isInteger(limitValue) || limitValue < 1 || limitValue > 200) return error(c, 400, ['limit must be a whole number from 1 to 200']);
    const cursor = readCursor(c.req.query('cursor') ?? null);
    if (cursor instanceof Error) return error(c, 400, [cursor.message]);
    const q = c.req.query('q') ?? '';
    if (q.length > 100) return error(c, 400, ['q must be at most 100 characters']);
    return json(c, 200, await listBlocked(await database, { q, limit: limitValue, cursor }));
  });

  app.get('/events', async (c) => {
    const from = c.req.header('last-event-id') ?? c.req.query('after') ?? null;
    const after = from === null || from === '' ? null : Number(from);
    if (after !== null && !(Number.isSafeInteger(after) && after >= 0)) return error(c, 400, ['Last-Event-ID and after must be a revision (a whole number)']);
    c.header('X-Accel-Buffering', 'no');
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      let end!: () => void;
      const ended = new Promise<void>((resolve) => (end = resolve));
      stream.onAbort(end);
      streams.add(end);
      await stream.write('retry: 2000\n\n');
      const unsubscribe = await hub.subscribe(after, (message) => {
        if (message.kind === 'reset') void stream.writeSSE({ event: 'reset', data: '{}' });
        else if (message.kind === 'ready') void stream.writeSSE({ id: String(message.revision), event: 'ready', data: '{}' });
        else void stream.writeSSE({ id: String(message.change.revision), event: 'change', data: JSON.stringify(message.change.state) });
      });
      const beat = setInterval(() => void stream.write(': heartbeat\n\n').catch(end), heartbeatMs);
      await ended;
      clearInterval(beat);
      unsubscribe();
      streams.delete(end);
    });
  });

  app.notFound((c) => error(c, 404, `Cannot ${c.req.method} ${c.req.path}`));

  return {
    fetch: (request) => Promise.resolve(app.fetch(request)),
    ready,
    database,
    async seed(entries) {
      await ready;
      await seedCustomers(await database, entries);
    },
    async reset() {
      await ready;
      const db = await database;
      await converger.stop();
      await db.exec(`TRUNCATE customer_state, audit_log, change_log, idempotency_keys; ALTER SEQUENCE change_revision RESTART`);
      hub.reset();
      converger.start();
    },
    async converge() {
      await ready;
      await converger.pass();
    },
    async close() {
      await ready.catch(() => {});
      for (const end of streams) end();
      await converger?.stop();
      await hub?.stop();
      if (ownsDb) await (await database).close();
    },
  };
}
