#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { cookieAuth } from './cookie-auth.js';
import { createRelay } from './relay.js';
import { startReferenceMock } from './reference-mock.js';
import type { Agent } from './types.js';

const USAGE = `Usage: chat-block-relay [options]

Serves the relay between chat-block-elements and the chat API, with a signed-cookie sign-in.

Options:
  --port <n>              Port to listen on (default 8787; 0 picks a free one)
  --host <address>        Address to listen on (default 127.0.0.1)
  --upstream <url>        The chat API's base URL (or CHAT_API_URL)
  --upstream-timeout <ms> How long a chat API call may take before it counts as lost (default 5000)
  --api-key-env <name>    The environment variable holding the chat API key (default CHAT_API_KEY)
  --database <url|dir>    postgres://… or a PGlite data directory (default: DATABASE_URL, else
                          ./chat-block-relay-data)
  --allowed-origin <url>  Another origin whose pages may call the relay (repeatable)
  --agents <file>         JSON list of agents [{"id","name","canBlock","password"?}] who may sign in
                          (default: one agent, {"id":"agent","name":"Agent","canBlock":true})
  --secret-env <name>     The environment variable holding the cookie secret, at least 32
                          characters (default RELAY_SECRET; unset: a random one, so sign-ins
                          last until the relay stops)
  --base-path <path>      Serve under this path, e.g. /api (default: the root)
  --heartbeat <ms>        A comment on every event stream this often (default 15000)
  --mock-upstream         Start the built-in mock of the chat API and use it (to try the relay)
  --help                  Show this help

The API key is read from the environment only, so it never shows in a process list or a log.`;

const OPTIONS = {
  port: { type: 'string' }, host: { type: 'string' }, upstream: { type: 'string' }, 'upstream-timeout': { type: 'string' },
  'api-key-env': { type: 'string' }, database: { type: 'string' }, 'allowed-origin': { type: 'string', multiple: true },
  agents: { type: 'string' }, 'secret-env': { type: 'string' }, 'base-path': { type: 'string' }, heartbeat: { type: 'string' },
  'mock-upstream': { type: 'boolean' }, help: { type: 'boolean' },
} as const;

function fail(message: string): never {
  console.error(`chat-block-relay: ${message}\n\nRun chat-block-relay --help for the options.`);
  process.exit(2);
}

/** A whole number within bounds, or a clear failure naming the flag. */
function whole(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) fail(`--${flag} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text)}).`);
  return value;
}

function readArgs() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // node's own wording, without its advice about positionals.
    fail(String(error instanceof Error ? error.message : error).split('. ')[0].replace(/\.$/, '') + '.');
  }
}

function readAgents(file: string | undefined): Agent[] {
  if (!file) return [{ id: 'agent', name: 'Agent', canBlock: true }];
  let agents: unknown;
  try {
    agents = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`--agents: could not read ${file} (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!Array.isArray(agents) || !agents.length || !agents.every((a) => typeof a?.id === 'string' && typeof a?.name === 'string')) {
    fail('--agents must be a JSON list of {"id", "name", "canBlock"} objects.');
  }
  return agents.map((a) => ({ ...a, canBlock: a.canBlock !== false }));
}

/** Where the data lives, for the log: a PostgreSQL URL without its password. */
function describeDatabase(location: string): string {
  if (!/^postgres(ql)?:\/\//.test(location)) return `PGlite in ${location}`;
  const url = new URL(location);
  if (url.password) url.password = '***';
  return `PostgreSQL at ${url}`;
}

async function main(): Promise<void> {
  const args = readArgs();
  if (args.help) return void console.log(USAGE);
  const port = whole('port', args.port, 8787, 0, 65535);
  const timeoutMs = whole('upstream-timeout', args['upstream-timeout'], 5000, 100, 120_000);
  const heartbeatMs = whole('heartbeat', args.heartbeat, 15_000, 100, 3_600_000);
  const keyEnv = args['api-key-env'] ?? 'CHAT_API_KEY';
  let apiKey = process.env[keyEnv];
  let upstreamUrl = args.upstream ?? process.env.CHAT_API_URL;
  if (args['mock-upstream'] && args.upstream) fail('give --upstream or --mock-upstream, not both.');
  if (!args['mock-upstream']) {
    if (!upstreamUrl) fail('give the chat API with --upstream <url> (or CHAT_API_URL), or try it with --mock-upstream.');
    if (!/^https?:\/\/[^/]/.test(upstreamUrl)) fail(`--upstream must be an http(s) URL (got ${JSON.stringify(upstreamUrl)}).`);
    if (!apiKey) fail(`set the chat API key in the environment variable ${keyEnv}.`);
  }
  const secretEnv = args['secret-env'] ?? 'RELAY_SECRET';
  let secret = process.env[secretEnv];
  if (secret !== undefined && secret.length < 32) fail(`the cookie secret in ${secretEnv} must be at least 32 characters.`);
  const agents = readAgents(args.agents);
  for (const origin of args['allowed-origin'] ?? []) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) fail(`--allowed-origin must be an origin like https://crm.example.com (got ${JSON.stringify(origin)}).`);
  }
  const basePath = args['base-path'] ?? '';
  if (basePath && !/^\/[\w\-./]*[^/]$/.test(basePath)) fail(`--base-path must start with / and not end with one, like /api (got ${JSON.stringify(basePath)}).`);
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    console.error(`chat-block-relay: no ${secretEnv} set: signing cookies with a random secret, so sign-ins last until the relay stops.`);
  }

  const mock = args['mock-upstream'] ? await startReferenceMock({ apiKey: (apiKey ??= 'mock-api-key') }) : null;
  if (mock) console.log(`chat-block-relay: using the mock chat API at ${(upstreamUrl = mock.url)}`);
  const database = args.database ?? process.env.DATABASE_URL ?? './chat-block-relay-data';
  const relay = createRelay({
    upstream: { baseUrl: upstreamUrl!, apiKey: apiKey!, timeoutMs },
    database,
    auth: cookieAuth({ secret, agents }),
    allowedOrigins: args['allowed-origin'] ?? [],
    basePath,
    heartbeatMs,
  });
  await relay.ready;
  console.log(`chat-block-relay: database: ${describeDatabase(database)}`);
  const server = serve({ fetch: relay.fetch, port, hostname: args.host ?? '127.0.0.1' }, (info) => {
    console.log(`chat-block-relay: listening on http://${info.address}:${info.port}${basePath}`);
  });
  const stop = () => {
    server.close();
    void Promise.all([relay.close(), mock?.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`chat-block-relay: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
