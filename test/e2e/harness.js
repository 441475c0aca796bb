// What the end-to-end tests share: headless Chromium and a static server on 127.0.0.1.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer as createViteServer } from 'vite';
import { CHROME_ARGS, findChrome, MISSING_CHROME_MESSAGE } from '../find-chrome.js';

/** Headless Chromium (CHROME_PATH or the usual paths). */
export async function launchChromium() {
  const executablePath = findChrome();
  assert.ok(executablePath, MISSING_CHROME_MESSAGE);
  return puppeteer.launch({ executablePath, headless: true, args: CHROME_ARGS });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

/** Serves the files of `dir` on 127.0.0.1 (a free port); resolves `{ url, close() }`. */
export async function serveDir(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      }),
  };
}

/**
 * A throwaway site: `prepare(dir)` writes its files into a temp folder, which is
 * served on 127.0.0.1 next to a fresh Chromium. `close()` removes all three.
 */
export async function staticSite(prepare) {
  const dir = await mkdtemp(join(tmpdir(), 'cbe-e2e-'));
  await prepare(dir);
  const server = await serveDir(dir);
  const browser = await launchChromium();
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Runs axe-core on the whole page (shadow roots included); resolves one line per violation. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  // Let opening animations finish: mid-fade text would fail contrast.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 250)));
  return page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  );
}

const repo = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The demo's dev server (its server side included: chat-block-relay on PGlite in `dataDir`,
 * the mock chat API) on 127.0.0.1. Without `dataDir`, a fresh temporary one, removed by
 * `close()`. Give the same `dataDir` again to restart it on the same data. The relay must
 * be built (`npm run build -w chat-block-relay`; `npm test` does it).
 */
export async function startDemoServer({ dataDir } = {}) {
  const own = !dataDir;
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'cbe-demo-data-')));
  // Read by demo/server/demo-backend-plugin.ts when the server starts.
  process.env.CHAT_BLOCK_DEMO_DATA = dir;
  const server = await createViteServer({
    configFile: `${repo}vite.config.ts`,
    root: `${repo}demo`,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, watch: null },
  });
  await server.listen();
  return {
    base: server.resolvedUrls.local[0],
    dataDir: dir,
    async close() {
      await server.close();
      if (own) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo (see startDemoServer) and a Chromium page at 1280×800 that records page errors.
 * `close()` stops both.
 */
export async function startDemo(options) {
  const server = await startDemoServer(options);
  const browser = await launchChromium();
  const page = await browser.newPage();
  page.setDefaultTimeout(6000);
  await page.setViewport({ width: 1280, height: 800 });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    base: server.base,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
