// Server rendering of <chat-blocked-list>: its view (rows, grid, styles) loads with import()
// on the client, so the server, which loads nothing, writes the list's empty box. The client
// must hydrate that box as written, then render the view: also when the view's module is
// already there when the list upgrades (its first render must still be the empty box).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { html } from 'lit';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { staticSite } from './harness.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so the server bundle resolves `lit` (its server build) from node_modules.
const out = join(repo, 'node_modules', '.cache', `chat-block-elements-ssr-list-${process.pid}`);
const OTHER = '+14155550100';

let site;
let serverHTML = '';

before(async () => {
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: { define: join(repo, 'src/define.ts') },
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  await import(pathToFileURL(join(out, 'define.js')).href);
  // The pill seeds its customer as blocked: the list, without items, shows the store's blocked customers.
  serverHTML = collectResultSync(render(html`<chat-status-pill customer=${OTHER} blocked></chat-status-pill><chat-blocked-list></chat-blocked-list>`));
  site = await staticSite(async (dir) => {
    await build({
      stdin: {
        contents: `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
          import ${JSON.stringify(join(repo, 'src/define.ts'))};
          window.hydrated = true;`,
        resolveDir: repo,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(dir, 'client.js'),
      logLevel: 'error',
    });
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><main>${serverHTML}</main><script type="module" src="./client.js"></script></body></html>`,
    );
  });
});

after(async () => {
  await site?.close();
  await rm(out, { recursive: true, force: true });
});

test('on the server the list is its box: its styles, no view', () => {
  assert.match(serverHTML, /<chat-blocked-list[^>]*><template shadowroot="open" shadowrootmode="open"><style>/);
  assert.doesNotMatch(serverHTML, /part="grid"/);
});

test('the box hydrates, then shows the rows; the same HTML upgraded once the view is loaded hydrates too', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(site.url);
  await page.waitForFunction(() => window.hydrated === true, { timeout: 5000 });
  const seen = await page.evaluate(async (markup) => {
    // A failed hydration rejects the update's promise, which no one else awaits.
    const rejected = [];
    addEventListener('unhandledrejection', (e) => rejected.push(String(e.reason?.message ?? e.reason)));
    const shown = async (list) => {
      await list.updateComplete;
      return [...list.shadowRoot.querySelectorAll('[part~="name"]')].map((n) => n.textContent.replace(/[\u2066-\u2069]/g, ''));
    };
    const first = await shown(document.querySelector('main chat-blocked-list'));
    // setHTMLUnsafe() parses declarative shadow roots: a list over server HTML, upgraded with the view loaded.
    const later = document.createElement('div');
    document.body.append(later);
    later.setHTMLUnsafe(markup);
    const names = { first, later: await shown(later.querySelector('chat-blocked-list')) };
    await new Promise((r) => setTimeout(r, 50));
    return { names, rejected };
  }, serverHTML);
  assert.deepEqual(seen.names, { first: [OTHER], later: [OTHER] });
  assert.deepEqual(seen.rejected, [], 'no hydration mismatch');
  assert.deepEqual(errors, []);
  await page.close();
});
