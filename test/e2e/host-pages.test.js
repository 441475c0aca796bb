// End-to-end: the library in two kinds of host page that unit tests cannot build.
// 1. Loaded twice: the CDN file (as a CRM plugin adds it) and the host's own bundle of
//    the package. One store for the page, one warning naming both versions.
// 2. A strict Trusted Types policy (`require-trusted-types-for 'script'`): the whole flow
//    with no violation, through the one policy Lit needs (`lit-html`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build } from 'vite';
import { launchChromium } from './harness.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(await readFile(`${repo}package.json`, 'utf8'));
const PHONE = '+919999999999';

const BODY = `<chat-status-pill customer="${PHONE}"></chat-status-pill>
<chat-header-menu customer="${PHONE}" customer-name="Priya Sharma"></chat-header-menu>`;

const TWO_COPIES = `<!doctype html><html lang="en"><link rel="icon" href="data:,"><body>${BODY}
<script type="module" src="./chat-block-elements.js"></script>
<script type="module">
  // The host's own copy, bundled from the package, loaded after the plugin's CDN file.
  import * as host from './host-bundle.js';
  window.host = host;
  host.blockStore.set('${PHONE}', true);
</script>
</body></html>`;

const STRICT = `<!doctype html><html lang="en"><link rel="icon" href="data:,"><body>${BODY}
<script>
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
</script>
<script type="module" src="./chat-block-elements.js"></script>
<script type="module">
  document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(new Promise((r) => setTimeout(r, 50))));
</script>
</body></html>`;

const CSP = "require-trusted-types-for 'script'; trusted-types lit-html";

let dir;
let server;
let url;
let browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cbe-host-pages-'));
  await build({ configFile: `${repo}vite.config.ts`, root: repo, mode: 'cdn', logLevel: 'silent', build: { outDir: dir } });
  await esbuild({
    entryPoints: [`${repo}src/index.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(dir, 'host-bundle.js'),
    logLevel: 'warning',
  });
  await writeFile(join(dir, 'two-copies.html'), TWO_COPIES);
  await writeFile(join(dir, 'strict.html'), STRICT);
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname.replace(/\.\.+/g, '');
    try {
      const body = await readFile(join(dir, path));
      const headers = { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' };
      if (path === '/strict.html') headers['Content-Security-Policy'] = CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function blockWithTheMenu(page) {
  await page.click('chat-header-menu >>> [part~="trigger"]');
  await page.click('::-p-aria([name="Block"][role="menuitem"])');
  await page.waitForFunction(() => document.querySelector('chat-header-menu').shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  await page.waitForFunction(() => document.querySelector('chat-status-pill').shadowRoot.textContent.includes('Blocked'));
}

test('loaded twice: one store for the page, and one warning naming both versions', async () => {
  const page = await browser.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (m) => m.type() === 'warn' && warnings.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}two-copies.html`);
  await page.waitForFunction(() => window.host);
  // The host's copy set the state; the CDN copy's elements show it.
  await page.waitForFunction(() => document.querySelector('chat-status-pill').shadowRoot?.textContent.includes('Blocked'));
  const twice = warnings.filter((w) => w.includes('second copy'));
  assert.equal(twice.length, 1, warnings.join('\n'));
  assert.match(twice[0], new RegExp(`second copy \\(${version}\\).*already has ${version}`));
  // And the other way: the CDN copy's elements request, the host copy's connectBackend answers.
  await page.evaluate(() => {
    window.calls = [];
    window.host.connectBackend(document, {
      block: async (c) => void window.calls.push(['block', c.id]),
      unblock: async (c) => void window.calls.push(['unblock', c.id]),
    });
  });
  await page.click('chat-header-menu >>> [part~="trigger"]');
  await page.click('::-p-aria([name="Unblock"][role="menuitem"])');
  await page.waitForFunction(() => document.querySelector('chat-header-menu').shadowRoot.querySelector('chat-confirm-dialog')?.open);
  await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  await page.waitForFunction(() => !window.host.blockStore.get('+919999999999').blocked);
  assert.deepEqual(await page.evaluate(() => window.calls), [['unblock', PHONE]]);
  assert.deepEqual(errors, []);
  await page.close();
});

test(`a strict Trusted Types page (${CSP}): the whole flow, 0 violations`, async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const response = await page.goto(`${url}strict.html`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  assert.equal(await page.evaluate(() => typeof window.trustedTypes?.createPolicy), 'function');
  await page.waitForFunction(() => customElements.get('chat-header-menu'));
  await blockWithTheMenu(page);
  // Reopen after the change (the Unblock path renders again through the same policy).
  await page.click('chat-header-menu >>> [part~="trigger"]');
  await page.waitForSelector('::-p-aria([name="Unblock"][role="menuitem"])');
  await page.keyboard.press('Escape');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});
