import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { notConfirmed, type PageAnswer } from '../answers.js';
import type { RetryOptions } from '../backoff.js';
import type { Converger } from '../converge.js';
import type { Database } from '../db/database.js';
import type { RateLimiter } from '../guards.js';
import { error, json, type Env } from '../http.js';
import { claimKey, fingerprint, readKey, recordKey } from '../idempotency.js';
import { commitIntent, settleIntent } from '../intents.js';
import { readState, toState } from '../state.js';
import type { Action } from '../types.js';
import { callUpstream, type UpstreamOptions } from '../upstream.js';
import { readChangeBody } from '../validate.js';

export interface WriteContext {
  db: Database;
  upstream: UpstreamOptions;
  retry: RetryOptions;
  leaseMs: number;
  limiter: RateLimiter | null;
  maxBodyBytes: number;
  converger: () => Converger;
}

/**
 * `POST /customer/block` and `/customer/unblock`. Checks everything first (nothing is written
 * for a bad request), commits the intent with its audit entry and Idempotency-Key, then calls
 * the chat API and answers what it said: 201, its refusal, or 202 while the relay keeps trying.
 */
export function writeRoutes(app: Hono<Env>, ctx: WriteContext): void {
  const limit = bodyLimit({
    maxSize: ctx.maxBodyBytes,
    onError: (c) => error(c, 413, `The body is larger than ${ctx.maxBodyBytes} bytes.`),
  });
  app.post('/customer/block', limit, (c) => change(c, 'block', ctx));
  app.post('/customer/unblock', limit, (c) => change(c, 'unblock', ctx));
}

async function change(c: Context<Env>, action: Action, ctx: WriteContext): Promise<Response> {
  const agent = c.get('agent');
  if (!agent.canBlock) return error(c, 403, `${agent.name} may not ${action} customers.`);
  const wait = ctx.limiter?.take(agent.id) ?? 0;
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

  const { db } = ctx;
  const begun = await db.transaction(async (tx) => {
    if (key) {
      const claim = await claimKey(tx, agent.id, key, fingerprint({ action, ...body }), body.phone);
      if (claim.kind !== 'new') return { claim, committed: null };
    }
    const committed = await commitIntent(tx, { ...body, action, agent, key }, ctx.leaseMs);
    // Waiting behind an older call to the chat API: the worker sends it when that one is answered.
    if (!committed.sendNow && key) await recordKey(tx, agent.id, key, notConfirmed(toState(committed.row)));
    return { claim: null, committed };
  });
  const { claim, committed } = begun;
  if (claim) {
    if (claim.kind === 'mismatch') return error(c, 422, 'This Idempotency-Key was used for a different request.');
    if (claim.kind === 'running') return error(c, 409, 'A request with this Idempotency-Key is still running.');
    return answer(c, claim.answer.status === 202 ? notConfirmed(await readState(db, body.phone)) : claim.answer);
  }
  const { row, sendNow } = committed!;
  if (!sendNow) return answer(c, notConfirmed(toState(row)));
  try {
    const outcome = await callUpstream(ctx.upstream, action, body.phone);
    const settled = await settleIntent(db, row, outcome, ctx.retry);
    if (settled.released) void ctx.converger().wake();
    return answer(c, settled.answer);
  } catch (thrown) {
    // Committed, then the database went away: the intent stands, and the worker sends it
    // (here or on another instance) once its lease runs out. Not confirmed, not failed.
    console.error(`chat-block-relay: ${action} ${body.phone} is committed but not settled: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    return answer(c, notConfirmed(toState(row)));
  }
}

const answer = (c: Context, a: PageAnswer) => json(c, a.status, a.body);
