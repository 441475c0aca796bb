// What a host's bundler keeps of the built package for a few imports (esbuild, which honours
// package.json's "sideEffects", as webpack, Rollup and Vite do): registering a locale or using
// the store alone pulls in no element and no Lit; a list page of pills and menus, imported per
// tag, loads no notice, banner or list class, none of their words and no moderation questions
// before anything is opened; define.js keeps every tag.
//
//   npm run build && node --test test/consumer/side-effects.test.js   (also in npm run test:consumers)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repo } from './setup.js';

let dir;

before(() => {
  assert.ok(existsSync(join(repo, 'dist/index.js')), 'dist/ is missing: run `npm run build` first');
  // A host folder where `chat-block-elements` resolves to this package (its package.json,
  // exports and sideEffects), and Lit to this repository's copy.
  dir = mkdtempSync(join(tmpdir(), 'cbe-side-effects-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repo, join(dir, 'node_modules/chat-block-elements'), 'dir');
});

after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Bundles `code` as a host's entry (minified ESM; with `splitting`, split at `import()`, as the
 * list page is). Resolves the inputs of what loads before anything is opened (the entry and its
 * static imports), that code, and its size. (esbuild's splitting makes every `import()` target
 * an entry of its own, and a shared chunk of theirs can end up imported by the host's entry
 * even when nothing of it is used there: the one-file bundles are the repro.)
 */
async function firstLoad(name, code, { splitting = false } = {}) {
  const entry = join(dir, `${name}.js`);
  writeFileSync(entry, code);
  const { metafile, outputFiles } = await build({
    entryPoints: [entry],
    absWorkingDir: dir,
    bundle: true,
    splitting,
    format: 'esm',
    minify: true,
    outdir: join(dir, `out-${name}`),
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const outputs = metafile.outputs;
  const loaded = new Set();
  const visit = (path) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const imp of outputs[path].imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  // The host's entry: with splitting, every import() target is an entry point too, in no set order.
  visit(Object.keys(outputs).find((path) => outputs[path].entryPoint === `${name}.js`));
  // Only the modules that put code in the output (esbuild lists the ones it shook off too).
  const inputs = [...loaded].flatMap((path) => Object.entries(outputs[path].inputs).filter(([, i]) => i.bytesInOutput > 0).map(([input]) => input));
  const text = outputFiles.filter((file) => [...loaded].some((path) => file.path.endsWith(path.replace(/^.*?out-/, `out-`)))).map((f) => f.text).join('\n');
  return { inputs, text, bytes: Buffer.byteLength(text) };
}

const LIT = /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//;
const ELEMENTS = /dist\/(components|elements)\/|dist\/internal\/(base|customer|blocked-customer)-element\.js/;

/** No element, no Lit, no DOM rendering in a bundle that should have none. */
function assertNoElements({ inputs, text }, what) {
  assert.deepEqual(inputs.filter((i) => LIT.test(i)), [], `${what} bundles Lit`);
  assert.deepEqual(inputs.filter((i) => ELEMENTS.test(i)), [], `${what} bundles an element`);
  for (const word of ['attachShadow', 'customElements.define', 'LitElement']) assert.ok(!text.includes(word), `${what} contains ${word}`);
}

test('registering a locale pulls in the registry and the words, no element and no Lit', async () => {
  const bundle = await firstLoad(
    'locale',
    `import es from 'chat-block-elements/locales/es.js';\nimport { registerLocale } from 'chat-block-elements';\nregisterLocale(es);\n`,
  );
  assertNoElements(bundle, 'registerLocale(es)');
  assert.ok(bundle.inputs.some((i) => i.endsWith('dist/strings/registry.js')));
  console.log(`# registerLocale(es): ${(bundle.bytes / 1024).toFixed(1)} KB minified`);
});

test('setStrings() and the store alone pull in no element and no Lit', async () => {
  const bundle = await firstLoad(
    'store',
    `import { blockStore, setStrings } from 'chat-block-elements';\nsetStrings({ block: 'Ban' });\nblockStore.set('+919999999999', true);\n`,
  );
  assertNoElements(bundle, 'blockStore + setStrings');
  console.log(`# blockStore + setStrings: ${(bundle.bytes / 1024).toFixed(1)} KB minified`);
});

test('a list page of pills and menus, imported per tag, loads none of the other elements before an open', async () => {
  const { inputs, text } = await firstLoad(
    'list-page',
    `import 'chat-block-elements/elements/chat-status-pill.js';\nimport 'chat-block-elements/elements/chat-header-menu.js';\n`,
    { splitting: true },
  );
  for (const wanted of ['dist/components/chat-status-pill/chat-status-pill.js', 'dist/components/chat-header-menu/chat-header-menu.js', 'dist/components/chat-menu-item/chat-menu-item.js']) {
    assert.ok(inputs.some((i) => i.endsWith(wanted)), `${wanted} is loaded`);
  }
  const unwanted = [
    /chat-block-notice\//,
    /chat-block-banner\//,
    /chat-blocked-list\//,
    /blocked-customer-element\.js/,
    /chat-confirm-dialog\/chat-confirm-dialog\.js/,
    /internal\/block-questions\.js/,
    /strings\/en-later\.js/,
    /strings\/en\.js/,
    /menu-popup\.js/,
    /@floating-ui\//,
  ];
  assert.deepEqual(inputs.filter((i) => unwanted.some((re) => re.test(i))), [], 'loaded before any open');
  // Their words, and the questions' (English is what ships in the code).
  for (const word of ['You blocked this customer', 'Unblock to send messages', 'No blocked customers', 'Until unblocked', 'Choose a reason']) {
    assert.ok(!text.includes(word), `"${word}" is in the first load`);
  }
  assert.ok(text.includes('More actions for {name}'), 'the menu\'s own words are there');
});

test('define.js keeps every tag (its side effects are declared)', async () => {
  const { inputs } = await firstLoad('define', `import 'chat-block-elements/define.js';\n`, { splitting: true });
  for (const tag of ['chat-header-menu', 'chat-menu-item', 'chat-confirm-dialog', 'chat-status-pill', 'chat-block-notice', 'chat-block-banner', 'chat-blocked-list']) {
    assert.ok(inputs.some((i) => i.endsWith(`dist/elements/${tag}.js`)), `${tag} is registered`);
  }
});
