/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import { seedCustomers, type Customer } from '../demo/server/customers.js';
import { isLoopback, readJson, sendJson } from '../demo/server/node-http.js';

/**
 * The component tests' stand-in for the reference chat API (`POST /api/customer/block|unblock`),
 * served by the test runner (test/mock-api-middleware.js) so `fetchBackend` is tested over
 * real HTTP, with failure modes a test switches on. It also plays a host's proxy: calls
 * without an `Authorization` header get the key added here (unless the failure mode is
 * `unauthorized`, a revoked key). Like a real server it commits a change on arrival. (The
 * demo runs on chat-block-relay in front of the relay's own mock of the chat API.)
 */

/** The key the mock "upstream" API accepts. A request that sends another one gets 401. */
export const DEMO_API_KEY = 'demo-api-key';

export type FailureMode = 'none' | 'next' | 'always' | 'unauthorized' | 'hang';
const FAILURE_MODES: readonly FailureMode[] = ['none', 'next', 'always', 'unauthorized', 'hang'];
const MAX_LATENCY_MS = 30_000;

export interface MockControl {
  latencyMs: number;
  failure: FailureMode;
  /** Phones whose block/unblock answers 500 (for failures in a bulk unblock). */
  failPhones: string[];
}

export interface MockApi {
  /** Answers `/api/...` requests; resolves false for any other URL so the caller can pass it on. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Restores the seed data and clears the failure mode (same as `POST /api/reset`). */
  reset(): void;
}

type Reply = [status: number, body: unknown];

/**
 * Creates one mock API with its own in-memory state. Use it from any node server:
 * `http.createServer(async (req, res) => { if (!(await api.handle(req, res))) { res.statusCode = 404; res.end(); } })`.
 */
export function createMockApi(): MockApi {
  let customers = new Map<string, Customer>();
  let control: MockControl = { latencyMs: 0, failure: 'none', failPhones: [] };
  // Requests held open by the 'hang' mode, released on reset so nothing leaks.
  const hung = new Set<ServerResponse>();

  const reset = () => {
    customers = new Map(seedCustomers().map((c) => [c.id, c]));
    control = { latencyMs: 0, failure: 'none', failPhones: [] };
    for (const res of hung) send(res, [503, { statusCode: 503, message: 'Mock server was reset' }]);
    hung.clear();
  };
  reset();

  async function blockOrUnblock(req: IncomingMessage, res: ServerResponse, blocked: boolean): Promise<Reply | null> {
    // The proxy part: add the key the page never sees, unless simulating a bad one.
    const key = req.headers.authorization ?? (control.failure === 'unauthorized' ? undefined : DEMO_API_KEY);
    // Read the body before answering, even a 401, so the connection stays clean.
    const body = await readJson(req);
    if (key !== DEMO_API_KEY) return [401, { statusCode: 401, message: 'Unauthorized' }];
    const problem = validatePhone(body) ?? validateMetadata(body);
    if (problem) return [400, { statusCode: 400, message: [problem] }];
    if (control.failure === 'next' || control.failure === 'always') {
      if (control.failure === 'next') control = { ...control, failure: 'none' };
      return [500, { statusCode: 500, message: 'Internal server error' }];
    }
    const { phone, reason, until } = body as { phone: string; reason?: string; until?: string };
    if (control.failPhones.includes(phone)) return [500, { statusCode: 500, message: 'Internal server error' }];
    const customer = customers.get(phone);
    if (!customer) return [404, { statusCode: 404, message: 'Invalid Customer' }];
    // Like a real server, the change is committed when the request arrives: a slow or hung
    // answer, or a client that gives up (timeout, Cancel), does not undo it.
    customer.blocked = blocked;
    customer.blockReason = blocked ? (reason ?? null) : null;
    customer.blockedUntil = blocked ? (until ?? null) : null;
    customer.blockedAt = blocked ? new Date().toISOString() : null;
    if (control.latencyMs > 0) await delay(control.latencyMs);
    if (control.failure === 'hang') {
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return null;
    }
    return [201, {}];
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<Reply | null> {
    const method = req.method ?? 'GET';
    const where = `${method} ${path}`;
    switch (where) {
      case 'POST /api/customer/block':
        return blockOrUnblock(req, res, true);
      case 'POST /api/customer/unblock':
        return blockOrUnblock(req, res, false);
      case 'GET /api/customers': {
        // ?blocked=true: the demo's listing endpoint (the reference API has none).
        const blockedOnly = new URL(req.url ?? '/', 'http://localhost').searchParams.get('blocked') === 'true';
        const all = [...customers.values()];
        return [200, blockedOnly ? all.filter((c) => c.blocked) : all];
      }
      case 'GET /api/control':
        return [200, control];
      case 'POST /api/control': {
        const next = parseControl(await readJson(req));
        if (typeof next === 'string') return [400, { statusCode: 400, message: [next] }];
        control = { ...control, ...next };
        return [200, control];
      }
      case 'POST /api/reset':
        reset();
        return [200, { ok: true }];
      default:
        return [404, { statusCode: 404, message: `Cannot ${where}` }];
    }
  }

  return {
    reset,
    async handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== '/api' && !path.startsWith('/api/')) return false;
      if (!isLoopback(req.socket.remoteAddress) || isCrossOrigin(req)) {
        send(res, [403, { statusCode: 403, message: 'Forbidden' }]);
        return true;
      }
      try {
        const reply = await route(req, res, path);
        if (reply) send(res, reply);
      } catch (error) {
        send(res, [500, { statusCode: 500, message: error instanceof Error ? error.message : 'Internal server error' }]);
      }
      return true;
    },
  };
}

/** The demo's optional extension: `reason` (text) and `until` (an ISO time in the future). */
function validateMetadata(body: unknown): string | null {
  const { reason, until } = (body ?? {}) as { reason?: unknown; until?: unknown };
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > 200)) return 'reason must be a string of at most 200 characters';
  if (until !== undefined && (typeof until !== 'string' || !(Date.parse(until) > Date.now()))) return 'until must be an ISO 8601 time in the future';
  return null;
}

/** The reference API's checks, in its words (class-validator style messages). */
function validatePhone(body: unknown): string | null {
  const phone = (body as { phone?: unknown } | null)?.phone;
  if (typeof phone !== 'string') return 'phone must be a string';
  if (phone.length < 10) return 'phone must be longer than or equal to 10 characters';
  if (phone.length > 15) return 'phone must be shorter than or equal to 15 characters';
  if (!/^\+[1-9]\d+$/.test(phone)) return 'phone must be a valid phone number';
  return null;
}

function parseControl(body: unknown): Partial<MockControl> | string {
  const { latencyMs, failure } = (body ?? {}) as Record<string, unknown>;
  const next: Partial<MockControl> = {};
  if (latencyMs !== undefined) {
    if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
      return `latencyMs must be a number from 0 to ${MAX_LATENCY_MS}`;
    }
    next.latencyMs = Math.round(latencyMs);
  }
  if (failure !== undefined) {
    if (!FAILURE_MODES.includes(failure as FailureMode)) return `failure must be one of ${FAILURE_MODES.join(', ')}`;
    next.failure = failure as FailureMode;
  }
  const { failPhones } = (body ?? {}) as Record<string, unknown>;
  if (failPhones !== undefined) {
    if (!Array.isArray(failPhones) || !failPhones.every((p) => typeof p === 'string')) return 'failPhones must be a list of phones';
    next.failPhones = failPhones;
  }
  return next;
}

function send(res: ServerResponse, [status, body]: Reply): void {
  sendJson(res, status, body);
}

/** A page from another origin must not drive the mock (a real proxy would check this too). */
function isCrossOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
