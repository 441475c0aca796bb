// One relay instance in a process of its own, served over real HTTP on 127.0.0.1 with
// @hono/node-server, as the CLI serves it, with the CLI's defaults except one: no per-agent
// rate limit. The bench is one agent sending hundreds of writes a second; the limiter would
// answer 429 after 300 and the load would measure the limiter, not the relay.
// Env: BENCH_DATABASE (postgres://… or memory://), BENCH_UPSTREAM (the mock's URL).
import { serve } from '@hono/node-server';
import { cookieAuth, createRelay } from 'chat-block-relay';
import { AGENT, API_KEY, SECRET } from './config.js';
import { serveBench } from './ipc.js';

const relay = createRelay({
  upstream: { baseUrl: process.env.BENCH_UPSTREAM, apiKey: API_KEY },
  database: process.env.BENCH_DATABASE,
  auth: cookieAuth({ secret: SECRET, agents: [AGENT] }),
  rateLimit: false,
});
await relay.ready;
const db = await relay.database;
const server = await new Promise((resolve) => {
  const s = serve({ fetch: relay.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(Object.assign(s, { url: `http://127.0.0.1:${info.port}` })));
});

serveBench(
  {
    /** The list case's 10,000 customers, in the relay's own import path (one transaction). */
    seed: (entries) => relay.seed(entries),
    /** Reads the relay's tables, for the checks after the load (PGlite lives only in here). */
    query: ({ sql, params }) => db.query(sql, params),
  },
  {
    ready: { url: server.url, database: db.kind },
    close: async () => {
      server.closeAllConnections?.();
      server.close();
      await relay.close();
    },
  },
);
