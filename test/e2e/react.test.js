// End-to-end: the React wrappers (chat-block-elements/react) in a real React 19 app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { staticSite } from './harness.js';

const here = fileURLToPath(new URL('.', import.meta.url));
let site;

before(async () => {
  site = await staticSite(async (dir) => {
    await build({
      entryPoints: [join(here, 'pages/react-host.tsx')],
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"development"' },
      outfile: join(dir, 'app.js'),
      logLevel: 'error',
    });
    await writeFile(join(dir, 'index.html'), '<!doctype html><link rel="icon" href="data:,"><div id="root"></div><script type="module" src="./app.js"></script>');
  });
});

after(() => site?.close());

test('props reach the elements and their events reach onChat… callbacks', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(site.url);
  await page.waitForFunction(() => document.querySelector('chat-header-menu')?.customerName === 'Priya Sharma');
  // The trigger is named for its customer ("More actions for Priya Sharma").
  await page.click('chat-header-menu >>> [part~="trigger"]');
  await page.waitForSelector('::-p-aria([name="Mark read"][role="menuitem"])');
  await page.click('::-p-aria([name="Mark read"][role="menuitem"])');
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('select:mark-read'));
  await page.click('chat-header-menu >>> [part~="trigger"]');
  await page.waitForSelector('::-p-aria([name="Block"][role="menuitem"])');
  await page.click('::-p-aria([name="Block"][role="menuitem"])');
  await page.waitForFunction(() => document.querySelector('chat-header-menu').shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('change:true'));
  const pill = await page.$eval('chat-status-pill', (p) => p.shadowRoot.textContent.trim());
  assert.equal(pill, 'Blocked');
  assert.deepEqual(errors, []);
  await page.close();
});
