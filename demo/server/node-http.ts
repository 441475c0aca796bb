/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small helpers for the Node servers of the demo and the tests' reference-API mock. */

/** The parsed JSON body, or undefined when it is empty, not JSON or over `maxBytes`. */
export async function readJson(req: IncomingMessage, maxBytes = 10_000): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > maxBytes) return undefined;
  }
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Answers JSON, never cached; a response already sent or a socket gone is left alone. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** These servers are for this machine only, whatever address they were bound to. */
export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
