// A second test API under /edge, for what the demo's mock never does: answer a
// redirect to a login page, echo what it received, and fail at random (the fault
// run). Its state is the truth the fault run compares the screen with.

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

/** A koa-style middleware for `/edge/...`. */
export function edgeApiMiddleware() {
  /** Blocked state per phone, as this server last accepted it. */
  const blocked = new Map();
  const counts = { ok: 0, '500': 0, '404': 0, drop: 0, hang: 0 };
  let random = mulberry32(1);
  const hung = new Set();

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
      return json(res, 201, { contentType: req.headers['content-type'], accept: req.headers.accept, body });
    }
    if (path === '/fault/reset' && req.method === 'POST') {
      const { seed = 1 } = JSON.parse((await readBody(req)) || '{}');
      random = mulberry32(seed);
      blocked.clear();
      for (const key of Object.keys(counts)) counts[key] = 0;
      for (const r of hung) r.destroy();
      hung.clear();
      return json(res, 200, {});
    }
    if (path === '/fault/state') return json(res, 200, { blocked: Object.fromEntries(blocked), counts });
    const match = /^\/fault\/customer\/(block|unblock)$/.exec(path);
    if (match && req.method === 'POST') {
      const { phone } = JSON.parse((await readBody(req)) || '{}');
      let gone = false;
      res.on('close', () => (gone = !res.writableFinished));
      await new Promise((r) => setTimeout(r, Math.floor(random() * 300)));
      const roll = random();
      const fault = roll < 0.55 ? 'ok' : roll < 0.7 ? '500' : roll < 0.8 ? '404' : roll < 0.9 ? 'drop' : 'hang';
      counts[fault]++;
      if (fault === 'hang') {
        hung.add(res);
        res.on('close', () => hung.delete(res));
        return;
      }
      if (fault === 'drop') return req.socket.destroy();
      if (fault === '500') return json(res, 500, { statusCode: 500, message: 'Internal server error' });
      if (fault === '404') return json(res, 404, { statusCode: 404, message: 'Invalid Customer' });
      // The client gave up (timeout) before the answer: nothing is applied, as a real API would not commit.
      if (gone) return;
      blocked.set(phone, match[1] === 'block');
      return json(res, 201, {});
    }
    return json(res, 404, { statusCode: 404, message: 'Not found' });
  }

  return async function edgeApi(ctx, next) {
    if (!ctx.url.startsWith('/edge/')) return next();
    ctx.respond = false;
    await handle(ctx.req, ctx.res);
  };
}
