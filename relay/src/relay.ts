import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { RetryOptions } from './backoff.js';
import { ChangeHub } from './change-hub.js';
import { Converger } from './converge.js';
import type { CookieAuth } from './cookie-auth.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { csrfProblem, originAllowed, RateLimiter } from './guards.js';
import { error, json, type Env } from './http.js';
import { eventRoutes } from './routes/events.js';
import { readRoutes } from './routes/reads.js';
import { writeRoutes } from './routes/writes.js';
import { seedCustomers, type SeedEntry } from './seed.js';
import { CHANGES_CHANNEL, lockWrites } from './state.js';
import type { Agent } from './types.js';
import type { UpstreamOptions } from './upstream.js';

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
  /** Per-agent limit on block/unblock requests (per instance); `false` turns it off. Default 300 at once, then 5 a second. */
  rateLimit?: { burst: number; perSecond: number } | false;
  /** Largest request body (bytes). Default 16384. */
  maxBodyBytes?: number;
  /** Background retries of an intent the chat API has not confirmed. */
  retry?: RetryOptions;
  /** How often the background worker looks for due intents and ended timed blocks (ms). Default 1000. */
  pollMs?: number;
  /** A comment on every event stream this often, so proxies keep it open (ms). Default 15000. */
  heartbeatMs?: number;
  /** How long the change log keeps a change for streams to resume from (ms). Default 7 days. */
  changeLogMs?: number;
}

export interface Relay {
  /** The Web-standard handler: mount it in Node, Express, Fastify, Next.js, Hono or Deno. */
  fetch(request: Request): Promise<Response>;
  /** Resolves once the schema is migrated and the worker and change stream run. */
  readonly ready: Promise<void>;
  readonly database: Promise<Database>;
  /** Records customers as the chat API already has them (a first import, the demo's seed). */
  seed(entries: SeedEntry[]): Promise<void>;
  /** Empties every table (the demo's reset); every stream is told to re-read. Revisions go on increasing. */
  reset(): Promise<void>;
  /** Runs the background worker's pass now, rather than at its next tick. */
  converge(): Promise<void>;
  /** Stops the worker and the streams, and closes the database if the relay opened it. */
  close(): Promise<void>;
}

const DEFAULT_DATABASE = './chat-block-relay-data';

/** Creates a relay. Requests wait for `ready`; nothing listens on a port (see the CLI for that). */
export function createRelay(options: RelayOptions): Relay {
  const authorize = options.authorize ?? options.auth?.authorize;
  if (typeof authorize !== 'function') throw new TypeError('createRelay: give authorize(request) (your session check) or auth (cookieAuth()).');
  if (typeof options.upstream?.baseUrl !== 'string' || !/^https?:\/\//.test(options.upstream.baseUrl)) {
    throw new TypeError('createRelay: upstream.baseUrl must be the chat API\'s http(s) URL.');
  }
  if (typeof options.upstream.apiKey !== 'string' || options.upstream.apiKey === '') throw new TypeError('createRelay: upstream.apiKey is required.');
  const upstream = { timeoutMs: 5000, ...options.upstream };
  // A lease outlives the call it covers (its timeout) with room to record the outcome.
  const leaseMs = upstream.timeoutMs * 2 + 1000;
  const retry = options.retry ?? {};
  const ownsDb = typeof options.database !== 'object';
  const database = typeof options.database === 'object' ? Promise.resolve(options.database) : openDatabase(options.database ?? DEFAULT_DATABASE);
  const streams = new Set<() => void>();
  let hub: ChangeHub | null = null;
  let converger: Converger | null = null;

  const ready = database.then(async (db) => {
    await migrate(db);
    hub = new ChangeHub(db);
    await hub.start();
    converger = new Converger(db, upstream, { pollMs: options.pollMs ?? 1000, leaseMs, retry, changeLogMs: options.changeLogMs ?? 7 * 24 * 3600e3 });
    converger.start();
    return buildApp(db);
  });
  ready.catch(() => {});

  function buildApp(db: Database): Hono<Env> {
    const allowed = options.allowedOrigins ?? [];
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
    app.notFound((c) => error(c, 404, `Cannot ${c.req.method} ${c.req.path}`));

    if (options.auth) {
      const auth = options.auth;
      app.post('/auth/login', (c) => auth.login(c.req.raw));
      app.post('/auth/logout', () => auth.logout());
      app.get('/auth/agents', (c) => json(c, 200, auth.agents));
    }
    // Everything below needs a signed-in agent.
    app.use('*', async (c, next) => {
      const agent = await authorize!(c.req.raw);
      if (!agent) return error(c, 401, 'Sign in to block or unblock customers.');
      c.set('agent', agent);
      return next();
    });
    app.get('/auth/me', (c) => json(c, 200, c.get('agent')));
    writeRoutes(app, {
      db, upstream, retry, leaseMs,
      limiter: options.rateLimit === false ? null : new RateLimiter(options.rateLimit?.burst, options.rateLimit?.perSecond),
      maxBodyBytes: options.maxBodyBytes ?? 16_384,
      converger: () => converger!,
    });
    readRoutes(app, db);
    eventRoutes(app, () => hub!, options.heartbeatMs ?? 15_000, streams);
    return app;
  }

  const unavailable = () => Response.json({ statusCode: 503, message: 'The relay could not open its database.' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });

  return {
    fetch: (request) => ready.then((app) => app.fetch(request), unavailable),
    ready: ready.then(() => {}),
    database,
    async seed(entries) {
      await ready;
      await seedCustomers(await database, entries);
    },
    async reset() {
      await ready;
      const db = await database;
      await converger!.stop();
      // Revisions go on from where they were: everything before is 'pruned', so a stream
      // resumed from before the reset is told to re-read, here and on every instance.
      const floor = await db.transaction(async (tx) => {
        await lockWrites(tx);
        await tx.exec(`TRUNCATE customer_state, audit_log, change_log, idempotency_keys`);
        const [{ value }] = await tx.query<{ value: string }>(
          `UPDATE relay_counters SET value = (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_revision) WHERE name = 'pruned_through' RETURNING value`,
        );
        await tx.query(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, `reset:${value}`]);
        return Number(value);
      });
      hub!.reset(floor);
      converger!.start();
    },
    async converge() {
      await ready;
      await converger!.pass();
    },
    async close() {
      await ready.catch(() => {});
      for (const end of streams) end();
      await converger?.stop();
      await hub?.stop();
      if (ownsDb) await (await database.catch(() => null))?.close();
    },
  };
}
