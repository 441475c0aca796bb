// The relay is a Web-standard handler, (Request) => Promise<Response>. The same relay (mounted
// at /api) serves a signed-in agent's block, status and change stream when mounted in Node's
// http (@hono/node-server's getRequestListener), Express, Fastify, a Next.js route handler and
// a Hono app.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { client, newPhone, sharedRelay } from './helpers.js';

const shared = sharedRelay({ basePath: '/api' });
let listener;
before(async () => {
  await shared.ready;
  listener = getRequestListener(shared.relay.fetch);
});

/** Listens on 127.0.0.1 (an ephemeral port); resolves with its base URL and close(). */
async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** What every mount must carry: sign-in (cookie), a block (JSON body), a status read and a pushed change. */
async function exercise(send, base) {
  const login = await send(new Request(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'X-Requested-With': 'chat-block-elements', 'Content-Type': 'application/json' }, body: JSON.stringify({ agent: 'asha' }),
  }));
  assert.equal(login.status, 200);
  const asha = client(send, `${base}/api`, login.headers.get('set-cookie').split(';')[0]);
  const { stream } = await asha.events();
  await stream.wait(1, 'ready');
  const phone = newPhone();
  const block = await asha.block(phone, { reason: 'spam' }, { key: `mount-${phone}` });
  assert.deepEqual([block.status, block.body.blocked, block.body.by, block.body.reason], [201, true, 'Asha', 'spam']);
  assert.deepEqual((await asha.status(phone)).body, block.body);
  const pushed = await stream.wait(2);
  assert.deepEqual(JSON.parse(pushed[1].data), block.body);
  await stream.cancel();
  const missing = await asha.call('GET', '/nothing-here');
  assert.equal(missing.status, 404);
  return block.body;
}

const overHttp = (base) => exercise((request) => fetch(request), base);

test('Node http: createServer(getRequestListener(relay.fetch))', async () => {
  const server = await listen(createServer(listener));
  try {
    await overHttp(server.url);
  } finally {
    await server.close();
  }
});

test('Express: app.all("/api/{*rest}", getRequestListener(relay.fetch)), beside the app\'s own JSON routes', async () => {
  const app = express();
  // The host's own routes parse JSON; the relay's route reads its body itself, so it is mounted without a parser.
  app.post('/own', express.json(), (req, res) => res.json({ echoed: req.body }));
  app.all('/api/{*rest}', listener);
  const server = await listen(createServer(app));
  try {
    await overHttp(server.url);
    const own = await fetch(`${server.url}/own`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    assert.deepEqual(await own.json(), { echoed: { a: 1 } });
  } finally {
    await server.close();
  }
});

test('Fastify: a plugin at /api that leaves the body unread and hands the raw request over', async () => {
  const app = Fastify({ forceCloseConnections: true });
  await app.register(async (scope) => {
    // Fastify would parse the body first; the relay reads it itself.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.all('/api/*', async (request, reply) => {
      reply.hijack();
      await listener(request.raw, reply.raw);
    });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    await overHttp(`http://127.0.0.1:${app.server.address().port}`);
  } finally {
    await app.close();
  }
});

test('Next.js route handler: export const GET = relay.fetch, POST = relay.fetch (app/api/[...relay]/route.ts)', async () => {
  const route = { GET: shared.relay.fetch, POST: shared.relay.fetch, OPTIONS: shared.relay.fetch };
  // Next.js calls the export for the request's method with (request, { params }).
  const next = (request) => route[request.method](request, { params: Promise.resolve({ relay: [] }) });
  await exercise(next, 'https://crm.example.com');
});

test('Hono: app.all("/api/*", (c) => relay.fetch(c.req.raw)) inside the host\'s own Hono app', async () => {
  const app = new Hono();
  app.get('/health', (c) => c.text('ok'));
  app.all('/api/*', (c) => shared.relay.fetch(c.req.raw));
  await exercise((request) => app.fetch(request), 'https://crm.example.com');
  assert.equal(await (await app.request('/health')).text(), 'ok');
});

