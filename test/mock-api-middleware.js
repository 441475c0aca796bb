// Serves the tests' mock of the reference chat API (test/reference-api-mock.ts) from the
// test runner's own server, so browser tests can call `/api/...` over real HTTP.
// Node cannot import the .ts file, so it is bundled with esbuild when the config loads.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = `${root}node_modules/.cache/chat-block-elements`;

/** A koa-style middleware that answers `/api/...` with one shared mock API instance. */
export async function mockApiMiddleware() {
  mkdirSync(cacheDir, { recursive: true });
  // One file per process: npm test runs two engines' test runners at once, and one would
  // otherwise import the file while the other is still writing it.
  const outfile = `${cacheDir}/mock-api-${process.pid}.mjs`;
  await build({
    entryPoints: [`${root}test/reference-api-mock.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  // A fresh URL each time, so a watch-mode reload sees a rebuilt file.
  const { createMockApi } = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  rmSync(outfile, { force: true });
  const api = createMockApi();
  return async function mockApi(ctx, next) {
    if (await api.handle(ctx.req, ctx.res)) {
      // The mock wrote (or holds open) the raw response itself: koa must not touch it.
      ctx.respond = false;
      return;
    }
    await next();
  };
}
