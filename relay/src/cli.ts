#!/usr/bin/env node
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
  --port <n>              Port to listen on (default 8787)
  --host <address>        Address to listen on (default 127.0.0.1)
  --upstream <url>        The chat API's base URL (or CHAT_API_URL)
  --upstream-timeout <ms> How long a chat API call may take before it counts as lost (default 5000)
  --api-key-env <name>    The environment variable holding the chat API key (default CHAT_API_KEY)
  --database <url|dir>    postgres://… or a PGlite data directory (default: DATABASE_URL, else
                          ./chat-block-relay-data)
  --allowed-origin <url>  Another origin whose pages may call the relay (repeatable)
  --agents <file>         JSON list of agents [{"id","name","canBlock","password"?}] who may sign in
  --secret-env <name>     The environment variable holding the cookie secret, ≥ 32 characters
                          (default RELAY_SECRET)
  --base-path <path>      Serve under this path, e.g. /api (default: the root)
  --mock-upstream         Start the built-in mock of the chat API and use it (to try the relay)
  --help                  Show this help

The API key is read from the environment only, so it never shows in a process list or a log.`;

function fail(message: string): never {
  console.error(`chat-block-relay: ${message}\n\nRun chat-block-relay --help for the options.`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' }, 'upstream-timeout': { type: 'string' }, host: { type: 'string' }, upstream: { type: 'string' },
        'api-key-env': { type: 'string' }, database: { type: 'string' }, 'allowed-origin': { type: 'string', multiple: true },
        agents: { type: 'string' }, 'secret-env': { type: 'string' }, 'base-path': { type: 'string' },
        'mock-upstream': { type: 'boolean' }, help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(args.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number (got ${args.port}).`);
  const timeoutMs = Number(args['upstream-timeout'] ?? 5000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) fail(`--upstream-timeout must be 100 to 120000 ms (got ${args['upstream-timeout']}).`);
  const keyEnv = args['api-key-env'] ?? 'CHAT_API_KEY';
  let apiKey = process.env[keyEnv];
  let upstreamUrl = args.upstream ?? process.env.CHAT_API_URL;
  if (args['mock-upstream']) {
    apiKey ??= 'mock-api-key';
    const mock = await startReferenceMock({ apiKey });
    upstreamUrl = mock.url;
    console.log(`chat-block-relay: using the mock chat API at ${mock.url}`);
  }
  if (!upstreamUrl) fail('give the chat API with --upstream <url> (or CHAT_API_URL), or try it with --mock-upstream.');
  if (!/^https?:\/\//.test(upstreamUrl)) fail(`--upstream must be an http(s) URL (got ${upstreamUrl}).`);
  if (!apiKey) fail(`set the chat API key in the environment variable ${keyEnv}.`);
  const secretEnv = args['secret-env'] ?? 'RELAY_SECRET';
  const secret = process.env[secretEnv];
  if (!secret || secret.length < 32) fail(`set a cookie secret of at least 32 characters in ${secretEnv}.`);
  let agents: Agent[] = [{ id: 'agent', name: 'Agent', canBlock: true }];
  if (args.agents) {
    try {
      agents = JSON.parse(readFileSync(args.agents, 'utf8')) as Agent[];
    } catch (error) {
      fail(`--agents: could not read ${args.agents} (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (!Array.isArray(agents) || !agents.every((a) => typeof a?.id === 'string' && typeof a?.name === 'string')) {
      fail('--agents must be a JSON list of {"id", "name", "canBlock"} objects.');
    }
  }
  for (const origin of args['allowed-origin'] ?? []) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) fail(`--allowed-origin must be an origin like https://crm.example.com (got ${origin}).`);
  }
  const relay = createRelay({
    upstream: { baseUrl: upstreamUrl, apiKey, timeoutMs },
    database: args.database ?? process.env.DATABASE_URL ?? './chat-block-relay-data',
    auth: cookieAuth({ secret, agents: agents.map((a) => ({ ...a, canBlock: a.canBlock !== false })) }),
    allowedOrigins: args['allowed-origin'] ?? [],
    basePath: args['base-path'] ?? '',
  });
  await relay.ready;
  const server = serve({ fetch: relay.fetch, port, hostname: args.host ?? '127.0.0.1' }, (info) => {
    console.log(`chat-block-relay: listening on http://${info.address}:${info.port}${args['base-path'] ?? ''}`);
  });
  const stop = () => {
    server.close();
    void relay.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`chat-block-relay: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
