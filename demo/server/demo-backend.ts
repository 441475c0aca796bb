/// <reference types="node" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { cookieAuth, createRelay, type Relay } from 'chat-block-relay';
import { startReferenceMock, type MockFault, type ReferenceMock } from 'chat-block-relay/reference-mock';
import { agentBase, DEMO_AGENTS } from './agents.js';
import { seedCustomers, type Customer } from './customers.js';
import { isLoopback, readJson, sendJson } from './node-http.js';

/**
 * The demo's whole server side, as a host would have it: its own customer data (names and
 * messages: the "CRM"), chat-block-relay (the truth about blocks, in PGlite under
 * `dataDir`, so it survives a restart), and, in place of the real chat API, the relay's
 * mock of it, which commits a change when the request arrives as a real server does.
 *
 * HTTP, under `/api`:
 * - `/api/as/<agent>/…` is the relay, for that agent (their cookie is scoped to the path);
 * - `GET /api/customers` the host's customers (no block state: that is the relay's);
 * - `GET /api/agents` who can sign in;
 * - `GET|POST /api/mock/upstream` the mock chat API's faults and latency, and what it holds;
 * - `POST /api/mock/reset` every table, the mock and the customers back to the seed.
 */
export interface DemoBackend {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  readonly relay: Relay;
  readonly upstream: ReferenceMock;
  close(): Promise<void>;
}

/** The key only the relay and the mock chat API know; the page never sees it. */
const API_KEY = 'demo-chat-api-key';
const FAULTS: readonly MockFault[] = ['none', 'down', 'reset', 'hang', 'refuse'];
const MAX_LATENCY_MS = 30_000;

export async function startDemoBackend({ dataDir }: { dataDir: string }): Promise<DemoBackend> {
  const fresh = !existsSync(join(dataDir, 'relay'));
  mkdirSync(dataDir, { recursive: true });
  let customers = seedCustomers();
  const upstream = await startReferenceMock({ apiKey: API_KEY });
  const relay = createRelay({
    upstream: { baseUrl: upstream.url, apiKey: API_KEY },
    // Snappier than the defaults, for a demo: a lost answer is sent again within a second or two.
    retry: { baseMs: 500, maxMs: 4000 },
    database: join(dataDir, 'relay'),
    auth: cookieAuth({ secret: cookieSecret(dataDir), agents: DEMO_AGENTS }),
  });
  await relay.ready;

  /** The seed as the chat API and the relay both have it (a first import). */
  const seed = async () => {
    upstream.set({ knownPhones: customers.map((c) => c.id) });
    for (const c of customers) upstream.blocked.set(c.id, c.blocked);
    await relay.seed(customers.map(toSeedEntry));
  };
  if (fresh) await seed();
  else upstream.set({ knownPhones: customers.map((c) => c.id) });

  // Which agent's path each request to the relay came in on (the relay sees its own paths).
  const prefixes = new WeakMap<object, string>();
  const toRelay = getRequestListener(async (request, { incoming }) => scopeCookie(await relay.fetch(request), prefixes.get(incoming)));

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const agent = /^\/api\/as\/([^/]+)(\/.*)?$/.exec(path);
    if (agent) {
      // The relay sees its own paths; the prefix only picks which agent's cookie the browser sends.
      const prefix = agentBase(decodeURIComponent(agent[1]));
      req.url = (req.url ?? '/').slice(prefix.length) || '/';
      prefixes.set(req, prefix);
      await toRelay(req, res);
      return true;
    }
    const where = `${req.method} ${path}`;
    if (where === 'GET /api/customers') return send(res, 200, customers.map(hostView));
    if (where === 'GET /api/agents') return send(res, 200, DEMO_AGENTS);
    if (where === 'GET /api/mock/upstream') return send(res, 200, upstreamView(upstream));
    if (where === 'POST /api/mock/upstream') {
      const patch = readControls(await readJson(req));
      if (typeof patch === 'string') return send(res, 400, { statusCode: 400, message: [patch] });
      upstream.set(patch);
      return send(res, 200, upstreamView(upstream));
    }
    if (where === 'POST /api/mock/reset') {
      await relay.reset();
      upstream.reset();
      customers = seedCustomers();
      await seed();
      return send(res, 200, { ok: true });
    }
    return send(res, 404, { statusCode: 404, message: `Cannot ${where}` });
  }

  let closing: Promise<void> | null = null;
  return {
    relay,
    upstream,
    async handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== '/api' && !path.startsWith('/api/')) return false;
      // The demo is for this machine only, whatever address the server was bound to.
      if (!isLoopback(req.socket.remoteAddress)) return send(res, 403, { statusCode: 403, message: 'Forbidden' });
      try {
        return await route(req, res, path);
      } catch (error) {
        return send(res, 500, { statusCode: 500, message: error instanceof Error ? error.message : 'Internal server error' });
      }
    },
    close() {
      closing ??= Promise.all([relay.close(), upstream.close()]).then(() => {});
      return closing;
    },
  };
}

/** What the page gets of a customer from the host: no block state (the relay has it). */
function hostView({ blocked: _b, blockReason: _r, blockedUntil: _u, blockedAt: _a, ...rest }: Customer) {
  return rest;
}

function toSeedEntry(c: Customer) {
  return { phone: c.id, name: c.name, blocked: c.blocked, reason: c.blockReason, until: c.blockedUntil, at: c.blockedAt, by: c.blocked ? 'Ben Okafor' : null };
}

function upstreamView(upstream: ReferenceMock) {
  const { fault, latencyMs, faultPhones } = upstream.controls;
  return { fault, latencyMs, faultPhones, blocked: Object.fromEntries(upstream.blocked), calls: Object.fromEntries(upstream.calls) };
}

function readControls(body: unknown): { fault?: MockFault; latencyMs?: number; faultPhones?: string[] } | string {
  const { fault, latencyMs, faultPhones } = (body ?? {}) as Record<string, unknown>;
  const patch: { fault?: MockFault; latencyMs?: number; faultPhones?: string[] } = {};
  if (fault !== undefined) {
    if (!FAULTS.includes(fault as MockFault)) return `fault must be one of ${FAULTS.join(', ')}`;
    patch.fault = fault as MockFault;
  }
  if (latencyMs !== undefined) {
    if (typeof latencyMs !== 'number' || !(latencyMs >= 0 && latencyMs <= MAX_LATENCY_MS)) return `latencyMs must be a number from 0 to ${MAX_LATENCY_MS}`;
    patch.latencyMs = Math.round(latencyMs);
  }
  if (faultPhones !== undefined) {
    if (!Array.isArray(faultPhones) || !faultPhones.every((p) => typeof p === 'string')) return 'faultPhones must be a list of phones';
    patch.faultPhones = faultPhones;
  }
  return patch;
}

/**
 * A relay signs cookies with a secret; the demo keeps one per data folder, so agents stay
 * signed in across restarts and a fresh folder signs everyone out.
 */
function cookieSecret(dataDir: string): string {
  const file = join(dataDir, 'cookie-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8');
}

/** The relay sets its cookie for `/`; the demo keeps it to the agent's own path. */
function scopeCookie(response: Response, prefix: string | undefined): Response {
  const cookie = response.headers.get('set-cookie');
  if (!cookie || !prefix) return response;
  const headers = new Headers(response.headers);
  headers.set('set-cookie', cookie.replace(/Path=\/(?=;|$)/i, `Path=${prefix}`));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function send(res: ServerResponse, status: number, body: unknown): true {
  sendJson(res, status, body);
  return true;
}
