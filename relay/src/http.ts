import type { Context } from 'hono';
import type { Agent } from './types.js';

/** The Hono context of every route: the agent `authorize` found. */
export type Env = { Variables: { agent: Agent } };

/** A JSON answer, never cached (it is one agent's view of live state). */
export function json(c: Context, status: number, body: unknown, headers: Record<string, string> = {}): Response {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.header('Cache-Control', 'no-store');
  return c.json(body as object, status as 200);
}

/** An error in the reference API's shape: `{"statusCode": N, "message": string | string[]}`. */
export const error = (c: Context, status: number, message: string | string[], headers?: Record<string, string>) =>
  json(c, status, { statusCode: status, message }, headers);
