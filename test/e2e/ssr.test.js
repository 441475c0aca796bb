// Server rendering: every element renders under @lit-labs/ssr in plain Node (no DOM),
// importing the package's entries never touches `window` / `document`, and the server
// HTML (declarative shadow DOM) hydrates in Chromium with Lit's hydrate support
// (@lit-labs/ssr-client/lit-element-hydrate-support.js, Lit 3's name for
// lit/experimental-hydrate-support.js) and works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { html } from 'lit';
import { render } from '@lit-labs/ssr';
import { collectResult, collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { staticSite } from './harness.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so the bundles resolve `lit` from its node_modules (under the
// "node" condition: Lit's server build, with `isServer` true and its DOM shim).
const out = join(repo, 'node_modules', '.cache', `chat-block-elements-ssr-${process.pid}`);
const ENTRIES = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  react: 'src/react.ts',
  es: 'src/strings/locales/es.ts',
  hi: 'src/strings/locales/hi.ts',
  ar: 'src/strings/locales/ar.ts',
  'pt-BR': 'src/strings/locales/pt-BR.ts',
};
const PHONE = '+919999999999';
const OTHER = '+14155550100';

/** Text without the bidi isolates (U+2066…U+2069) the elements put around names. */
const plain = (text) => String(text ?? '').replace(/[\u2066-\u2069]/g, '');

let lib;
let site;

before(async () => {
  await mkdir(out, { recursive: true });
  // Every entry as it would run on a server: dependencies stay imports.
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(repo, file)])),
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  lib = await import(pathToFileURL(join(out, 'define.js')).href);
});

after(async () => {
  await site?.close();
  await rm(out, { recursive: true, force: true });
});

test('importing every entry in plain Node never touches window or document', async () => {
  // A fresh process: no shim or global installed by this one. Any read of `window` or
  // `document` from the library's own code (not Lit's feature checks) is reported.
  const probe = `
    const touched = [];
    for (const name of ['window', 'document']) {
      Object.defineProperty(globalThis, name, { configurable: true, get() {
        const frame = new Error().stack.split('\\n')[2] ?? '';
        if (frame.includes(${JSON.stringify(out)})) touched.push(name + ' ' + frame.trim());
        return undefined;
      } });
    }
    const loaded = [];
    for (const entry of ${JSON.stringify(Object.keys(ENTRIES))}) {
      await import(${JSON.stringify(pathToFileURL(out).href)} + '/' + entry + '.js');
      loaded.push(entry);
    }
    console.log(JSON.stringify({ loaded, touched }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', probe], { cwd: repo });
  const { loaded, touched } = JSON.parse(stdout.trim().split('\n').pop());
  assert.deepEqual(loaded, Object.keys(ENTRIES));
  assert.deepEqual(touched, []);
});

test('every element renders on the server without throwing, with declarative shadow DOM', async () => {
  const menu = collectResultSync(
    render(html`<chat-header-menu customer=${PHONE} customer-name="Priya Sharma"><chat-menu-item value="mark-read">Mark read</chat-menu-item></chat-header-menu>`),
  );
  assert.match(menu, /<chat-header-menu[^>]*><template shadowroot="open" shadowrootmode="open">/);
  assert.match(menu, /<button part="trigger"[^>]*aria-haspopup="menu"/);
  // The trigger has its accessible name in the server HTML (no JS has run yet).
  const trigger = menu.match(/<button part="trigger"[^>]*>/)[0];
  assert.match(plain(trigger), /aria-label="More actions for Priya Sharma"/, `trigger: ${trigger}`);
  assert.match(menu, /<chat-menu-item[^>]*><template shadowroot="open"/);

  // A closed dialog shows nothing: its view (the native <dialog>) loads on the client when it is asked.
  const dialog = collectResultSync(render(html`<chat-confirm-dialog heading="Block Priya Sharma?">Sure?</chat-confirm-dialog>`));
  assert.match(dialog, /<chat-confirm-dialog[^>]*><template shadowroot="open" shadowrootmode="open">/);
  assert.doesNotMatch(dialog, /<dialog/);

  const forced = await collectResult(render(html`<chat-status-pill status="blocked"></chat-status-pill>`));
  assert.match(forced, /<chat-status-pill[^>]*status="blocked"[^>]*><template shadowroot="open" shadowrootmode="open">/);
  assert.match(forced, /<span part="pill blocked"[^>]*>(<!--[^>]*-->)*Blocked/);
});

test('a pill bound to a customer marked blocked says "Blocked" in the server HTML', () => {
  const pill = collectResultSync(render(html`<chat-status-pill customer=${OTHER} blocked></chat-status-pill>`));
  assert.match(pill, /<template shadowroot="open" shadowrootmode="open">/);
  assert.match(pill, /<span part="pill blocked"[^>]*>(<!--[^>]*-->)*Blocked/, 'expected "Blocked" in the pill\'s server HTML');
});

test('on the server, strings come from the element\'s own lang (there is no tree to walk)', async () => {
  const { default: es } = await import(pathToFileURL(join(out, 'es.js')).href);
  lib.registerLocale(es);
  const pill = collectResultSync(render(html`<chat-status-pill lang="es" status="blocked"></chat-status-pill>`));
  assert.match(pill, />(<!--[^>]*-->)*Bloqueado/);
  const english = collectResultSync(render(html`<chat-status-pill status="blocked"></chat-status-pill>`));
  assert.match(english, />(<!--[^>]*-->)*Blocked/);
});

/** The pages of the hydration site: each one server-rendered here, then loaded in Chromium. */
const PAGES = {
  'index.html': () => html`<main>
    <chat-header-menu customer=${PHONE} customer-name="Priya Sharma"><chat-menu-item value="mark-read">Mark read</chat-menu-item></chat-header-menu>
    <chat-status-pill id="follows" customer=${PHONE}></chat-status-pill>
    <chat-status-pill id="forced" status="blocked"></chat-status-pill>
  </main>`,
  // Alone on its page: a page's own dialog would replace the one the menu renders for itself.
  'dialog.html': () => html`<chat-confirm-dialog id="standalone" heading="Archive?">Archive this chat?</chat-confirm-dialog>`,
  'seeded.html': () => html`<main><chat-status-pill id="seeded" customer=${OTHER} blocked></chat-status-pill></main>`,
  // In a Spanish section: the server (no tree to walk) writes English, the client corrects it on hydration.
  // The pill seeds its customer as blocked: the list, without items, shows the store's blocked customers.
  'list.html': () => html`<main><chat-status-pill customer=${OTHER} blocked></chat-status-pill><chat-blocked-list></chat-blocked-list></main>`,
  'lang.html': () => html`<section lang="es"><chat-header-menu customer=${PHONE} customer-name="Priya Sharma"></chat-header-menu><chat-status-pill id="forced" status="blocked"></chat-status-pill></section>`,
};
// Marks the server-made trigger before any module runs: hydration must adopt it, not replace it.
const MARK = `<script>for (const m of document.querySelectorAll('chat-header-menu')) m.shadowRoot.querySelector('[part~="trigger"]').dataset.server = '1';</script>`;

/** One static site for the hydration tests: client.js (hydrate support first, then the tags) and the pages. */
let sitePromise;
function hydrationSite() {
  sitePromise ??= staticSite(async (dir) => {
    await build({
      stdin: {
        contents: `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
          import { registerLocale } from ${JSON.stringify(join(repo, 'src/define.ts'))};
          import es from ${JSON.stringify(join(repo, 'src/strings/locales/es.ts'))};
          registerLocale(es);
          document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));
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
    for (const [name, template] of Object.entries(PAGES)) {
      const body = collectResultSync(render(template()));
      await writeFile(
        join(dir, name),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${body}${MARK}<script type="module" src="./client.js"></script></body></html>`,
      );
    }
  });
  return sitePromise.then((s) => (site = s));
}

/** Resolves when the opening animations in the page's shadow roots (popup scale, dialog fade) are done: clicks land where they aim. */
const settled = (page) =>
  page.evaluate(() => {
    const all = (root) => [...root.getAnimations(), ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? all(el.shadowRoot) : []))];
    return Promise.all(all(document).map((a) => a.finished.catch(() => undefined)));
  });

/** Opens a page of the site and waits until every element hydrated; failures name the stuck elements and the page's errors. */
async function hydrated(path) {
  const { browser, url } = await hydrationSite();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const waitFor = (what, fn) =>
    page.waitForFunction(fn, { timeout: 5000 }).catch(async (e) => {
      const stuck = await page.evaluate(() =>
        [...document.querySelectorAll('chat-header-menu, chat-status-pill, chat-confirm-dialog')]
          .filter((el) => !el.hasUpdated || el.isUpdatePending)
          .map((el) => el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1)),
      );
      throw new Error(`${what}: ${e.message}; page errors: ${JSON.stringify(errors)}; not hydrated: ${JSON.stringify(stuck)}`);
    });
  await page.goto(url + path);
  await waitFor('the client script ran', () => window.hydrated === true);
  await waitFor('every element hydrated', () =>
    [...document.querySelectorAll('chat-header-menu, chat-status-pill, chat-confirm-dialog')].every((el) => el.hasUpdated && !el.isUpdatePending),
  );
  return { page, errors, waitFor };
}

test('the server HTML alone (no JavaScript) has a named trigger and the pill\'s words', async () => {
  const { browser, url } = await hydrationSite();
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(url);
  const seen = await page.evaluate(() => ({
    defined: !!customElements.get('chat-header-menu'),
    label: document.querySelector('chat-header-menu').shadowRoot.querySelector('[part~="trigger"]')?.getAttribute('aria-label'),
    forced: document.getElementById('forced').shadowRoot.querySelector('[part~="pill"]')?.textContent.trim(),
  }));
  assert.equal(seen.defined, false);
  assert.equal(plain(seen.label), 'More actions for Priya Sharma');
  assert.equal(seen.forced, 'Blocked');
  await page.close();
});

test('before JavaScript, a server-rendered blocked pill is visible (not only present)', async () => {
  const { browser, url } = await hydrationSite();
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(url);
  const display = await page.$eval('#forced', (p) => getComputedStyle(p).display);
  assert.notEqual(display, 'none', 'the pill hides until :state(visible), which only script sets');
  await page.close();
});

test('the server HTML hydrates in Chromium: same nodes, no errors, and the block flow works', async () => {
  const { page, errors, waitFor } = await hydrated('');
  const after = await page.evaluate(() => {
    const menu = document.querySelector('chat-header-menu');
    const trigger = menu.shadowRoot.querySelectorAll('[part~="trigger"]');
    return {
      triggers: trigger.length,
      adopted: trigger[0]?.dataset.server === '1',
      label: trigger[0]?.getAttribute('aria-label'),
      expanded: trigger[0]?.getAttribute('aria-expanded'),
      forced: document.getElementById('forced').shadowRoot.querySelector('[part~="pill"]')?.textContent.trim(),
      forcedState: document.getElementById('forced').matches(':state(blocked)'),
    };
  });
  assert.equal(after.triggers, 1, 'one trigger (hydration did not render a second)');
  assert.equal(after.adopted, true, 'the server-made trigger was adopted');
  assert.equal(plain(after.label), 'More actions for Priya Sharma');
  assert.equal(after.expanded, 'false');
  assert.equal(after.forced, 'Blocked');
  assert.equal(after.forcedState, true);

  // The menu works: a real click opens it, Block asks, confirming blocks, the pill follows.
  await page.click('chat-header-menu >>> [part~="trigger"]');
  await waitFor('the menu opened', () => !!document.querySelector('chat-header-menu').shadowRoot.querySelector('[part~="menu"]:popover-open'));
  assert.equal(await page.$eval('chat-header-menu >>> [part~="trigger"]', (b) => b.getAttribute('aria-expanded')), 'true');
  await settled(page);
  await page.click('chat-header-menu >>> [part~="block-item"]');
  await waitFor('the dialog opened', () => document.querySelector('chat-header-menu').shadowRoot.querySelector('chat-confirm-dialog')?.open);
  const heading = await page.$eval('chat-header-menu >>> chat-confirm-dialog >>> h2', (h) => h.textContent);
  assert.equal(plain(heading), 'Block Priya Sharma?');
  await settled(page);
  await page.click('chat-header-menu >>> chat-confirm-dialog >>> [part~="confirm"]');
  await waitFor('the pill said Blocked', () => document.getElementById('follows').shadowRoot.querySelector('[part~="pill"]')?.textContent.trim() === 'Blocked');

  assert.deepEqual(errors, []);
  await page.close();
});

test('a server-rendered <chat-confirm-dialog> hydrates and answers', async () => {
  const { page, errors } = await hydrated('dialog.html');
  const answered = await page.evaluate(async () => {
    const dialog = document.getElementById('standalone');
    const answer = dialog.confirm({ heading: 'Archive?' });
    await dialog.updateComplete;
    const open = dialog.shadowRoot.querySelector('dialog').open;
    const cancel = dialog.shadowRoot.querySelector('[part~="cancel"]');
    const label = cancel.textContent;
    cancel.click();
    return { open, label, confirmed: await answer };
  });
  assert.deepEqual(answered, { open: true, label: 'Cancel', confirmed: false });
  assert.deepEqual(errors, []);
  await page.close();
});

test('inside lang="es", hydration puts the words in Spanish (the server wrote English)', async () => {
  const { page, errors } = await hydrated('lang.html');
  const words = await page.evaluate(() => ({
    trigger: document.querySelector('chat-header-menu').shadowRoot.querySelector('[part~="trigger"]').getAttribute('aria-label'),
    pill: document.getElementById('forced').shadowRoot.querySelector('[part~="pill"]').textContent.trim(),
  }));
  assert.equal(plain(words.trigger), 'Más acciones para Priya Sharma');
  assert.equal(words.pill, 'Bloqueado');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a server-rendered pill of a customer marked blocked hydrates without a mismatch', async () => {
  const { page, errors } = await hydrated('seeded.html');
  assert.equal(await page.$eval('#seeded', (p) => p.shadowRoot.querySelector('[part~="pill"]')?.textContent.trim()), 'Blocked');
  assert.deepEqual(errors, []);
  await page.close();
});

// <chat-blocked-list>'s view (rows, grid, styles) loads with import() on the client, so the
// server, which loads nothing, writes the list's empty box. The client must hydrate that box as
// written, then render the view: also when the view's module is already there when the list
// upgrades (its first render must still be the empty box).
test('on the server a blocked list is its box: its styles, no view', () => {
  const list = collectResultSync(render(PAGES['list.html']()));
  assert.match(list, /<chat-blocked-list[^>]*><template shadowroot="open" shadowrootmode="open"><style>/);
  assert.doesNotMatch(list, /part="grid"/);
});

test('a blocked list hydrates its box, then shows the rows; the same HTML upgraded once the view is loaded hydrates too', async () => {
  const { page, errors } = await hydrated('list.html');
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
  }, collectResultSync(render(PAGES['list.html']())));
  assert.deepEqual(seen.names, { first: [OTHER], later: [OTHER] });
  assert.deepEqual(seen.rejected, [], 'no hydration mismatch');
  assert.deepEqual(errors, []);
  await page.close();
});
