// End-to-end: the one-file CDN build, used the way the README says — a plain HTML
// page with <script type="module" src=…> and no build step — in real Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
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

let site;

before(async () => {
  site = await staticSite(async (dir) => {
    await build({ configFile: `${repo}vite.config.ts`, root: repo, mode: 'cdn', logLevel: 'silent', build: { outDir: dir } });
    await writeFile(join(dir, 'index.html'), PAGE);
  });
});

after(() => site?.close());

test('the CDN file registers the tags and the whole flow works without a build step', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
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
