// End-to-end: the one-file CDN build, used the way the README says — a plain HTML
// page with <script type="module" src=…> and no build step — in real Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome, MISSING_CHROME_MESSAGE } from '../find-chrome.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = `<!doctype html><html lang="en"><body>
<chat-status-pill customer="+919999999999"></chat-status-pill>
<chat-header-menu customer="+919999999999" customer-name="Priya Sharma">
  <chat-menu-item value="mark-read">Mark read</chat-menu-item>
</chat-header-menu>
<script type="module" src="./chat-block-elements.js"></script>
<script type="module">
  document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));
</script>
</body></html>`;

let dir, server, browser, base;

before(async () => {
  const executablePath = findChrome();
  assert.ok(executablePath, MISSING_CHROME_MESSAGE);
  dir = await mkdtemp(join(tmpdir(), 'cbe-cdn-'));
  await build({ configFile: `${repo}vite.config.ts`, root: repo, mode: 'cdn', logLevel: 'silent', build: { outDir: dir } });
  await writeFile(join(dir, 'index.html'), PAGE);
  server = createServer(async (req, res) => {
    const file = req.url === '/' ? 'index.html' : req.url.slice(1);
    try {
      const body = await readFile(join(dir, file));
      res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: CHROME_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the CDN file registers the tags and the whole flow works without a build step', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  await page.waitForFunction(() => customElements.get('chat-header-menu') && customElements.get('chat-status-pill'));
  await page.click('::-p-aria([name="More options"][role="button"])');
  await page.click('::-p-aria([name="Block"][role="menuitem"])');
  await page.waitForFunction(() => document.querySelector('chat-header-menu').shadowRoot.querySelector('chat-confirm-dialog')?.open);
  const heading = await page.$eval('chat-header-menu >>> chat-confirm-dialog >>> h2', (h) => h.textContent);
  assert.equal(heading, 'Block Priya Sharma?');
  await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  await page.waitForFunction(() => document.querySelector('chat-status-pill').shadowRoot.textContent.includes('Blocked'));
  assert.deepEqual(errors, []);
  await page.close();
});
