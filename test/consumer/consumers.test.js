// The package as its users get it: `npm pack`, then throwaway apps (test/consumer/apps/) that
// install the tarball next to their framework, are type-checked strictly (wrong uses must be
// errors), built, and driven in Chromium through one block each. Then publint and
// @arethetypeswrong/cli on the tarball, and the manifest against its schema.
//
//   npm run build && npm run test:consumers     (CI: .ci/run)
//
// The frameworks are not project dependencies: test/consumer/deps pins them with a lock file,
// installed once into ~/.cache/chat-block-elements/consumer-deps/<hash> (or $CONSUMER_DEPS_CACHE;
// not node_modules/.cache, which `npm ci` deletes) and reused while the hash holds.
// CONSUMER_KEEP=1 keeps the work folder (its path is printed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../e2e/harness.js';
import { blockThrough, dependencies, expectErrorsAtMarks, openPage, pack, pillText, repo, run, serve, workspace } from './setup.js';

let tarball, work, browser;
const timings = [];

/** Runs `fn`, recording how long it took under `label`. */
async function timed(label, fn) {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timings.push(`${label} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}

// The apps' type checks and builds (one CPU-bound process each) run two at a time; their pages
// are driven one at a time, so that no page of the shared browser takes another's focus.
let browserTurn = Promise.resolve();
/** Runs `fn` once every page driven before it is done. */
function inBrowser(fn) {
  const turn = browserTurn.then(fn);
  browserTurn = turn.catch(() => {});
  return turn;
}

before(async () => {
  tarball = await timed('pack', pack);
  const { dependencies: deps } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const modules = await timed('dependencies', () => dependencies(deps));
  work = await workspace(tarball.file, modules);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (process.env.CONSUMER_KEEP) console.log(`# work folder kept: ${work?.dir}`);
  else work?.close();
  if (tarball) console.log(`# tarball ${(tarball.size / 1024).toFixed(1)} kB packed, ${(tarball.unpackedSize / 1024).toFixed(1)} kB unpacked`);
  console.log(`# ${timings.join(', ')}`);
});

/** Builds `app` with Vite (the cached one) into its dist/ and serves it; resolves { url, close }. */
async function buildAndServe(app) {
  const dir = join(work.dir, app);
  const { code, out } = await run(work.bin('vite'), ['build', '--outDir', 'dist', '--emptyOutDir'], dir);
  assert.equal(code, 0, `vite build of ${app} failed:\n${out}`);
  return serve(join(dir, 'dist'));
}

/** Drives `site`'s page(s) with `drive(url)` in the browser's turn, then stops serving it. */
async function driveServed(label, site, drive) {
  try {
    await inBrowser(() => timed(`${label} browser`, () => drive(site.url)));
  } finally {
    await site.close();
  }
}

/** Builds `app`, serves it, and blocks `customer` through its one menu. */
async function buildAndBlock(app, customer) {
  const site = await timed(`${app} build`, () => buildAndServe(app));
  await driveServed(app, site, (url) => driveOne(url, customer));
}

describe('the apps', { concurrency: 2 }, () => {
  test('React 19: wrappers and raw tags are typed strictly, build, and block', async () => {
    const dir = join(work.dir, 'react');
    const tsc = await timed('react tsc', () => run(work.bin('tsc'), ['-p', 'tsconfig.json'], dir));
    assert.equal(tsc.code, 0, `tsc (strict, skipLibCheck false) failed:\n${tsc.out}`);
    const site = await timed('react build', () => buildAndServe('react'));
    await driveServed('react', site, async (url) => {
      const { page, errors } = await openPage(browser, url);
      await blockThrough(page, '#wrappers chat-header-menu', '#wrappers-log');
      assert.equal(await pillText(page, '+911111111111'), 'Blocked');
      await blockThrough(page, '#raw chat-header-menu', '#raw-log');
      assert.equal(await pillText(page, '+912222222222'), 'Blocked');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });

  test('Vue 3: vue-tsc with strictTemplates types the tags (GlobalComponents), builds, and blocks', async () => {
    const dir = join(work.dir, 'vue');
    const check = await timed('vue-tsc', () => run(work.bin('vue-tsc'), ['-p', 'tsconfig.json'], dir));
    assert.equal(check.code, 0, `vue-tsc failed (an unused @vue-expect-error is an error too):\n${check.out}`);
    await buildAndBlock('vue', '+913333333333');
  });

  test('Svelte 5: svelte-check types the tags (svelteHTML), builds, and blocks', async () => {
    const dir = join(work.dir, 'svelte');
    const check = await timed('svelte-check', () => run(work.bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--output', 'machine'], dir));
    const errors = [...check.out.matchAll(/ ERROR "([^"]+)" (\d+):\d+ /g)].map(([, file, line]) => ({ file, line: Number(line) }));
    expectErrorsAtMarks(dir, ['src/App.svelte', 'src/Wrong.svelte'], errors, check.out);
    await buildAndBlock('svelte', '+914444444444');
  });

  test('Angular 21: ngc with strictTemplates (CUSTOM_ELEMENTS_SCHEMA) types events and refs, builds, and blocks', async () => {
    const dir = join(work.dir, 'angular');
    const wrong = await timed('ngc (wrong uses)', () => run(work.bin('ngc'), ['-p', 'tsconfig.wrong.json'], dir));
    const clean = wrong.out.replace(/\x1b\[[0-9;]*m/g, '');
    const errors = [...clean.matchAll(/^(src\/[^:\s]+):(\d+):\d+ - error/gm)].map(([, file, line]) => ({ file, line: Number(line) }));
    expectErrorsAtMarks(dir, ['src/wrong.component.html'], errors, clean);
    const app = await timed('ngc (app)', () => run(work.bin('ngc'), ['-p', 'tsconfig.json'], dir));
    assert.equal(app.code, 0, `ngc failed:\n${app.out}`);
    await buildAndBlock('angular', '+915555555555');
  });

  test('plain HTML: import map (per-tag entries), CDN file, CDN per-tag files and classic-script loader each block; the CDN types resolve', async () => {
    const dir = join(work.dir, 'html');
    const tsc = await timed('html tsc', () => run(work.bin('tsc'), ['-p', 'tsconfig.json'], dir));
    assert.equal(tsc.code, 0, `tsc failed:\n${tsc.out}`);
    // The pages load the package from /node_modules, as from a CDN.
    await driveServed('html', await serve(work.dir), async (url) => {
      await driveOne(`${url}html/importmap.html`, '+916666666666');
      await driveOne(`${url}html/cdn.html`, '+917777777777');
      await driveOne(`${url}html/cdn-elements.html`, '+917777777770');
      await driveOne(`${url}html/loader.html`, '+918888888888');
    });
  });
});

test('publint --strict and @arethetypeswrong/cli (esm-only) pass on the tarball', async () => {
  const publint = await timed('publint', () => run(join(repo, 'node_modules/.bin/publint'), ['run', tarball.file, '--strict'], repo));
  assert.equal(publint.code, 0, publint.out);
  assert.match(publint.out, /All good/);
  const attw = await timed('attw', () =>
    run(join(repo, 'node_modules/.bin/attw'), [tarball.file, '--profile', 'esm-only', '--format', 'ascii', '--include-entrypoints', './locales/es.js', './elements/chat-status-pill.js'], repo),
  );
  assert.equal(attw.code, 0, attw.out);
});

test('the shipped custom-elements.json validates against the schema and points at files in the tarball', async () => {
  const manifest = join(work.dir, 'node_modules/chat-block-elements/custom-elements.json');
  const check = await run(process.execPath, [join(repo, 'scripts/check-manifest.mjs'), '--dist', manifest], repo);
  assert.equal(check.code, 0, check.out);
});

test('the tarball ships LICENSE, source maps, editor data with values and typed events, and no sources', () => {
  const pkgDir = join(work.dir, 'node_modules/chat-block-elements');
  const read = (file) => readFileSync(join(pkgDir, file), 'utf8');
  const pkg = JSON.parse(read('package.json'));
  assert.match(read('LICENSE'), /MIT License/);
  assert.ok(pkg.dependencies['@lit/react'], '@lit/react is a dependency');
  assert.equal(pkg['web-types'], './dist/web-types.json');
  for (const file of ['dist/state/block-store.js.map', 'dist/react.js.map', 'dist/cdn/chat-block-elements.js.map']) assert.ok(read(file).includes('"mappings"'), file);
  // Every module that points at a map ships it. (A module of only imports and re-exports, such
  // as define.js, has no code of its own to map, and the bundler writes no map for it.)
  const modules = readdirSync(join(pkgDir, 'dist'), { recursive: true }).filter((f) => f.endsWith('.js'));
  const mapped = modules.filter((f) => read(join('dist', f)).includes('//# sourceMappingURL='));
  assert.ok(mapped.length > 80, `${mapped.length} of ${modules.length} modules point at a source map`);
  for (const file of mapped) assert.ok(existsSync(join(pkgDir, 'dist', `${file}.map`)), `${file}.map is in the tarball`);
  assert.ok(!existsSync(join(pkgDir, 'src')), 'no src/ in the tarball');
  const vscode = JSON.parse(read(pkg.exports['./vscode.html-custom-data.json'].replace('./', '')));
  const status = vscode.tags.find((t) => t.name === 'chat-status-pill').attributes.find((a) => a.name === 'status');
  assert.deepEqual(status.values.map((v) => v.name), ['active', 'blocked', 'blocking', 'unblocking', 'unblocked', 'unconfirmed', 'error']);
  const webTypes = JSON.parse(read(pkg['web-types'].replace('./', '')));
  const menu = webTypes.contributions.html.elements.find((e) => e.name === 'chat-header-menu');
  assert.equal(menu.js.events.find((e) => e.name === 'chat-block-change').type, 'ChatBlockChangeEvent');
  const manifest = JSON.parse(read('custom-elements.json'));
  const pill = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'chat-status-pill');
  assert.deepEqual(pill.cssStates.map((s) => s.name), ['blocked', 'blocking', 'unblocking', 'unblocked', 'unconfirmed', 'error', 'visible']);
});

/** Opens `url`, blocks through its one menu, and checks the pill of `customer` and the page's errors. */
async function driveOne(url, customer) {
  const { page, errors } = await openPage(browser, url);
  await blockThrough(page);
  assert.equal(await pillText(page, customer), 'Blocked');
  assert.deepEqual(errors, []);
  await page.close();
}
