// Makes the dev server refuse the library's lazily loaded modules, as a dropped connection
// or a deploy that replaced the files would: a request for a source file whose path holds a
// name listed in the `chat-fail-lazy` cookie (comma-separated, e.g. "menu-popup") gets a 503,
// after `ms` milliseconds for "name@ms" (a slow failure). The cookie travels with the page's
// module requests, so only the test that sets it sees it. test/import-probe.js is refused the
// same way, for the probe of whether the engine fetches a failed import again.
//
// The library's own files are never cached by the browser here: a page that refuses one must
// reach the server, not a copy an earlier test file's page loaded (the test server otherwise
// marks every file cacheable for a year), and a refusal must not be kept either, as a real
// outage's answer is not.

/** A koa-style middleware for the test server. */
export function failLazyMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/src/') && ctx.path !== '/test/import-probe.js') return next();
    uncached(ctx);
    const refused = (ctx.cookies.get('chat-fail-lazy') ?? '')
      .split(',')
      .filter(Boolean)
      .map((entry) => entry.split('@'))
      .find(([name]) => ctx.path.includes(`/${name}.`));
    if (!refused) return next();
    await new Promise((resolve) => setTimeout(resolve, Number(refused[1] ?? 0)));
    ctx.status = 503;
    ctx.body = 'refused by the test (chat-fail-lazy)';
  };
}

/** Makes this response `cache-control: no-store`, whatever the middleware around it sets later. */
function uncached(ctx) {
  const set = ctx.response.set;
  ctx.response.set = function (field, value) {
    return set.call(this, field, typeof field === 'string' && field.toLowerCase() === 'cache-control' ? 'no-store' : value);
  };
  ctx.response.set('cache-control', 'no-store');
}
