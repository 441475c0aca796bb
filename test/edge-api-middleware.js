// A second test API under /edge, for what the demo's mock never does: answer a
// redirect to a login page, echo what it received, answer a 2xx that does not parse, and
// fail at random (the fault run) while committing every change on arrival. Its state is
// the truth the fault run compares the screen with.

/** Deterministic random numbers, so a failing fault run can be replayed with its seed. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const readBody = (req) =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', () => resolve(body));
  });

const json = (res, status, body) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

/**
 * The fault server under /edge/fault: a server that commits a change when the request
 * arrives, as real servers do, whatever happens to the answer. `mode: 'relay'` answers like
 * chat-block-relay (the state with its revision, a status read, a change stream);
 * `mode: 'reference'` like the reference API alone (`201 {}`, nothing to read).
 */
function faultServer() {
  let random = mulberry32(1);
  let mode = 'relay';
  /** phone → { blocked, revision } as this server last committed it. */
  const states = new Map();
  /** Every committed change, in revision order: what a resumed stream replays. */
  const log = [];
  let revision = 0;
  /** Idempotency-Key → the answer of its first request (replayed, never applied twice). */
  const keys = new Map();
  const counts = { ok: 0, late: 0, reset: 0, hang: 0, '500': 0, '404': 0, replayed: 0 };
  const held = new Set();
  const streams = new Set();
  /** Every event-stream request as "<query>|<Last-Event-ID>", and how many of the next ones to refuse. */
  const eventRequests = [];
  let refuseStreams = 0;

  const stateOf = (phone) => ({ phone, ...(states.get(phone) ?? { blocked: false, revision: 0 }), pending: null });
  const commit = (phone, blocked) => {
    revision++;
    states.set(phone, { blocked, revision });
    const change = stateOf(phone);
    log.push(change);
    for (const stream of streams) writeChange(stream, change);
    return change;
  };
  const writeChange = (res, change) => res.write(`id: ${change.revision}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
  const hold = (res) => {
    held.add(res);
    res.on('close', () => held.delete(res));
  };

  function events(req, res, url) {
    eventRequests.push(url.search + '|' + (req.headers['last-event-id'] ?? ''));
    if (refuseStreams > 0) {
      refuseStreams--;
      return json(res, 503, { statusCode: 503, message: 'Service Unavailable' });
    }
    const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? NaN);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.write('retry: 300\n\n');
    if (Number.isFinite(after)) {
      for (const change of log) if (change.revision > after) writeChange(res, change);
    } else {
      // Like chat-block-relay: a live stream starts by saying from which revision.
      res.write(`id: ${revision}\nevent: ready\ndata: {}\n\n`);
    }
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  async function change(req, res, action) {
    const body = await readBody(req);
    const { phone } = JSON.parse(body || '{}');
    const key = req.headers['idempotency-key'];
    if (key && keys.has(key)) {
      counts.replayed++;
      const [status, answer] = keys.get(key);
      return json(res, status, answer);
    }
    await new Promise((r) => setTimeout(r, Math.floor(random() * 300)));
    const roll = random();
    const fault = roll < 0.45 ? 'ok' : roll < 0.55 ? 'late' : roll < 0.65 ? 'reset' : roll < 0.75 ? 'hang' : roll < 0.9 ? '500' : '404';
    counts[fault]++;
    if (fault === '500' || fault === '404') {
      // Refused before anything was written: the answer says so, and so would a replay.
      const answer = fault === '500' ? [500, { statusCode: 500, message: 'Internal server error' }] : [404, { statusCode: 404, message: 'Invalid Customer' }];
      if (key) keys.set(key, answer);
      return json(res, ...answer);
    }
    // Committed on arrival: what follows can only lose the answer, never the change.
    const state = commit(phone, action === 'block');
    const answer = [201, mode === 'relay' ? state : {}];
    if (key) keys.set(key, answer);
    if (fault === 'reset') return req.socket.destroy();
    if (fault === 'hang') return hold(res);
    if (fault === 'late') {
      hold(res);
      return setTimeout(() => held.has(res) && json(res, ...answer), 1600);
    }
    return json(res, ...answer);
  }

  return async function handle(req, res, url, path) {
    if (path === '/fault/reset' && req.method === 'POST') {
      const { seed = 1, mode: asked = 'relay' } = JSON.parse((await readBody(req)) || '{}');
      random = mulberry32(seed);
      mode = asked;
      states.clear();
      log.length = 0;
      revision = 0;
      keys.clear();
      eventRequests.length = 0;
      refuseStreams = 0;
      for (const key of Object.keys(counts)) counts[key] = 0;
      for (const r of [...held, ...streams]) r.destroy();
      return json(res, 200, {});
    }
    // The truth the fault run compares the screen with.
    if (path === '/fault/state') {
      const of = (key) => Object.fromEntries([...states].map(([p, s]) => [p, s[key]]));
      const history = url.searchParams.get('history');
      return json(res, 200, { blocked: of('blocked'), revisions: of('revision'), revision, counts, eventRequests, ...(history ? { log: log.filter((c) => c.phone === history) } : {}) });
    }
    // Drops every change stream (a proxy restart): the browser reconnects with Last-Event-ID.
    // The next `count` stream requests get a 503: the browser gives up on the stream.
    if (path === '/fault/refuse-streams' && req.method === 'POST') {
      refuseStreams = JSON.parse((await readBody(req)) || '{}').count ?? 1;
      return json(res, 200, { requests: eventRequests });
    }
    if (path === '/fault/drop-streams' && req.method === 'POST') {
      const dropped = streams.size;
      for (const r of streams) r.destroy();
      return json(res, 200, { dropped });
    }
    if (mode === 'relay' && path === '/fault/customer/status') return json(res, 200, stateOf(url.searchParams.get('phone')));
    if (mode === 'relay' && path === '/fault/events') return events(req, res, url);
    const match = /^\/fault\/customer\/(block|unblock)$/.exec(path);
    if (match && req.method === 'POST') return change(req, res, match[1]);
    return json(res, 404, { statusCode: 404, message: 'Not found' });
  };
}

/** A koa-style middleware for `/edge/...`. */
export function edgeApiMiddleware() {
  const fault = faultServer();

  async function handle(req, res) {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/edge/, '');
    if (path === '/login') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<!doctype html><title>Sign in</title><form>Sign in</form>');
    }
    // An expired proxy session: every POST is sent to the login page.
    if (path.startsWith('/expired/')) {
      res.writeHead(302, { Location: '/edge/login' });
      return res.end();
    }
    // Echo: what the server received, for header and body checks.
    if (path.startsWith('/echo/')) {
      const body = await readBody(req);
      return json(res, 201, {
        contentType: req.headers['content-type'],
        accept: req.headers.accept,
        idempotencyKey: req.headers['idempotency-key'] ?? null,
        requestedWith: req.headers['x-requested-with'] ?? null,
        body,
      });
    }
    // A 2xx whose type is JSON but whose body does not parse: the change was accepted all the same.
    if (path.startsWith('/broken-json/')) {
      await readBody(req);
      res.writeHead(201, { 'Content-Type': 'application/json; charset=utf-8' });
      return res.end('{"ok": tru');
    }
    if (path.startsWith('/fault/')) return fault(req, res, url, path);
    return json(res, 404, { statusCode: 404, message: 'Not found' });
  }

  return async function edgeApi(ctx, next) {
    if (!ctx.url.startsWith('/edge/')) return next();
    ctx.respond = false;
    await handle(ctx.req, ctx.res);
  };
}
