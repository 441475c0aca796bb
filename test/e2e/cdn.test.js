// End-to-end: the one-file CDN build, used the way the README says — a plain HTML
// page with <script type="module" src=…> and no build step — in real Chromium. Then the
// classic-script loader, from a plain <script src> in another folder than the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { staticSite } from './harness.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = `<!doctype html><html lang="en"><link rel="icon" href="data:,"><body>
<chat-status-pill customer="+919999999999"></chat-status-pill>
<chat-header-menu customer="+919999999999" customer-name="Priya Sharma">
  <chat-menu-item value="mark-read">Mark read</chat-menu-item>
</chat-header-menu>
<script type="module" src="./chat-block-elements.js"></script>
<script type="module">
  document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));
</script>
</body></html>`;

// No type=module anywhere: the host can only add classic scripts, from wherever the files are.
const LOADER_PAGE = PAGE.replace('<script type="module" src="./chat-block-elements.js"></script>', '<script src="./vendor/cbe/chat-block-elements.loader.js"></script>')
  .replace('<script type="module">', '<script>');

let site;

before(async () => {
  site = await staticSite(async (dir) => {
    await build({ configFile: `${repo}vite.config.ts`, root: repo, mode: 'cdn', logLevel: 'silent', build: { outDir: dir } });
    await writeFile(join(dir, 'index.html'), PAGE);
    await mkdir(join(dir, 'vendor/cbe'), { recursive: true });
    // The entry and the chunks it imports on first use: a host copies the whole dist/cdn folder.
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.js'))) await copyFile(join(dir, file), join(dir, 'vendor/cbe', file));
    await copyFile(`${repo}scripts/cdn-loader.js`, join(dir, 'vendor/cbe/chat-block-elements.loader.js'));
    await writeFile(join(dir, 'loader.html'), LOADER_PAGE);
  });
});

after(() => site?.close());

test('the CDN file registers the tags and the whole flow works without a build step', async () => {
  await blockThroughThePage(site.url);
});

test('the classic-script loader (no type=module) adds the module build next to it', async () => {
  const scripts = await blockThroughThePage(`${site.url}loader.html`);
  assert.deepEqual(scripts.sort((a, b) => a.src.localeCompare(b.src)), [
    { src: `${site.url}vendor/cbe/chat-block-elements.js`, type: 'module' },
    { src: `${site.url}vendor/cbe/chat-block-elements.loader.js`, type: '' },
  ]);
});

/** Opens `url`, blocks the customer through menu and dialog; resolves the page's external scripts. */
async function blockThroughThePage(url) {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('chat-header-menu') && customElements.get('chat-status-pill'));
  await page.click('chat-header-menu >>> [part~="trigger"]'); // its name follows the customer and the language
  await page.click('::-p-aria([name="Block"][role="menuitem"])');
  await page.waitForFunction(() => document.querySelector('chat-header-menu').shadowRoot.querySelector('chat-confirm-dialog')?.open);
  // Names are bidi-isolated (U+2068 … U+2069) inside the sentence.
  const heading = await page.$eval('chat-header-menu >>> chat-confirm-dialog >>> h2', (h) => h.textContent.replace(/[\u2068\u2069]/g, ''));
  assert.equal(heading, 'Block Priya Sharma?');
  await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  await page.waitForFunction(() => document.querySelector('chat-status-pill').shadowRoot.textContent.includes('Blocked'));
  assert.deepEqual(errors, []);
  const scripts = await page.$$eval('script[src]', (list) => list.map((s) => ({ src: s.src, type: s.type })));
  await page.close();
  return scripts;
}
