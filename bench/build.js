import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
export const OUT = join(BENCH, '.out');

/** True once the library's entry points exist (the bench can run on baselines alone before). */
export const libraryPresent = () =>
  existsSync(join(ROOT, 'src/index.ts')) && existsSync(join(ROOT, 'src/define.ts'));

// One set of options for every bundle, so sizes and timings compare like with like:
// production code (minified, Lit's production build), no license comments.
export const COMMON = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

const PAGE_CSS = `
  body { margin: 0; font: 14px system-ui, sans-serif; }
  header { height: 40px; line-height: 40px; padding: 0 12px; border-bottom: 1px solid #ccc; }
  .row { display: flex; align-items: center; gap: 8px; height: 44px; padding: 0 12px; border-bottom: 1px solid #eee; }
  .row .name { flex: 1; }
  .pill { padding: 0 8px; border-radius: 999px; background: #fde2e2; color: #8a1c1c; }
  .trigger { border: 0; background: none; width: 32px; height: 32px; border-radius: 50%; }
  .plain-menu { inset: auto; margin: 0; padding: 4px 0; border: 1px solid #ccc; border-radius: 6px; }
  .plain-item { display: block; border: 0; background: none; padding: 6px 16px; }
`;

function pageHtml(name, extraHead = '') {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench: ${name}</title>
<style>${PAGE_CSS}</style>${extraHead}</head>
<body><header>Inbox</header><main id="rows"></main>
<script type="module" src="./${name}.js"></script></body></html>
`;
}

/**
 * Builds the bench pages into bench/.out/pages and the size bundles into
 * bench/.out/size. Resolves `{ pagesDir, pages, sizes }` where `sizes` maps a
 * bundle name to `{ min, gzip }` bytes.
 */
export async function buildAll() {
  const withLibrary = libraryPresent();
  await rm(OUT, { recursive: true, force: true });
  const pagesDir = join(OUT, 'pages');
  const sizeDir = join(OUT, 'size');
  await mkdir(pagesDir, { recursive: true });

  const pages = ['plain', 'lit', 'shoelace', ...(withLibrary ? ['lib'] : [])];
  const baselines = pages.filter((p) => p !== 'lib');
  await build({
    ...COMMON,
    entryPoints: Object.fromEntries(baselines.map((p) => [p, join(BENCH, 'pages', `${p}.js`)])),
    outdir: pagesDir,
  });
  // The library's page is split as the library ships: what a menu loads on first open is a
  // chunk of its own, fetched from the server (no cache) when the bench first opens a menu.
  if (withLibrary) {
    await build({
      ...COMMON,
      entryPoints: { lib: join(BENCH, 'pages', 'lib.js') },
      outdir: pagesDir,
      splitting: true,
      chunkNames: 'lib-chunks/[name]-[hash]',
    });
  }
  const theme = join(ROOT, 'node_modules/@shoelace-style/shoelace/dist/themes/light.css');
  await copyFile(theme, join(pagesDir, 'shoelace-light.css'));
  for (const p of pages) {
    const head = p === 'shoelace' ? '<link rel="stylesheet" href="./shoelace-light.css">' : '';
    await writeFile(join(pagesDir, `${p}.html`), pageHtml(p, head));
  }

  const sizeEntries = {
    floor: join(BENCH, 'size/floor.js'),
    lit: join(BENCH, 'size/lit.js'),
    shoelace: join(BENCH, 'size/shoelace.js'),
    // The CDN build is the whole library: define.ts registers every tag and re-exports index.ts.
    ...(withLibrary && { cdn: join(ROOT, 'src/define.ts') }),
    // A list page: the pill's and the menu's own entries (elements/<tag>.js), nothing else.
    ...(withLibrary && { list: join(BENCH, 'size/list-page.js') }),
  };
  // Sizes come from the project's own production build (vite.config.ts, mode "cdn":
  // the same minifier and CSS-literal minification for the library and every baseline),
  // so what is measured is what ships: an entry file and the chunks it imports.
  await mkdir(sizeDir, { recursive: true });
  const sizes = {};
  for (const [name, entry] of Object.entries(sizeEntries)) sizes[name] = await viteBundle(entry, join(sizeDir, name));
  // The same list page from dist/cdn/elements/ as it ships (one build of every tag's file).
  if (withLibrary) sizes.cdnList = await viteBundle(null, join(sizeDir, 'cdn-elements'), ['chat-status-pill.js', 'chat-header-menu.js']);
  // esbuild's metafile (split like the CDN build) only to name the heaviest inputs of the list page's first load.
  const { metafile } = await build({
    ...COMMON,
    entryPoints: { list: join(BENCH, 'size/list-page.js') },
    outdir: sizeDir,
    splitting: true,
    metafile: true,
    write: false,
  }).catch(() => ({ metafile: { outputs: {} } }));
  await writeFile(join(sizeDir, 'meta.json'), JSON.stringify(metafile));
  return { pagesDir, pages, sizes, withLibrary, heaviest: withLibrary ? heaviestInputs(metafile, 'list') : [] };
}

const gz = (code) => gzipSync(code, { level: 9 }).length;

/**
 * One entry built like `dist/cdn` (vite.config.ts, mode "cdn"), or with `entry` null the
 * per-tag files of `dist/cdn/elements` (mode "cdn-elements"), of which a page loads
 * `pageEntries`. Resolves `{ min, gzip, firstLoad: { min, gzip, files }, chunks: [{ file,
 * min, gzip, firstLoad }] }`: every file of the output, and which of them a page loads before
 * anything is opened (the entries and what they import statically; `import()` targets load later).
 */
async function viteBundle(entry, outDir, pageEntries = ['bundle.js']) {
  await viteBuild({
    configFile: join(ROOT, 'vite.config.ts'),
    mode: entry ? 'cdn' : 'cdn-elements',
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      ...(entry && { rollupOptions: { input: entry, output: { entryFileNames: 'bundle.js' } } }),
    },
  });
  const files = new Map();
  for (const file of (await readdir(outDir)).filter((f) => f.endsWith('.js'))) files.set(file, await readFile(join(outDir, file)));
  const first = new Set();
  const visit = (file) => {
    if (first.has(file) || !files.has(file)) return;
    first.add(file);
    // Static imports only (`import"./x.js"`, `…from"./x.js"`); `import("./x.js")` is not matched.
    for (const [, dep] of files.get(file).toString().matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) visit(dep);
  };
  pageEntries.forEach(visit);
  const chunks = [...files].map(([file, code]) => ({ file, min: code.length, gzip: gz(code), firstLoad: first.has(file) }));
  chunks.sort((a, b) => b.firstLoad - a.firstLoad || b.gzip - a.gzip);
  const sum = (list, key) => list.reduce((n, c) => n + c[key], 0);
  const firstChunks = chunks.filter((c) => c.firstLoad);
  return {
    min: sum(chunks, 'min'),
    gzip: sum(chunks, 'gzip'),
    firstLoad: { min: sum(firstChunks, 'min'), gzip: sum(firstChunks, 'gzip'), files: firstChunks.length },
    chunks,
  };
}

/**
 * The source files that add the most minified bytes to what output `name` loads before anything
 * is opened (it and the chunks it imports statically): where to look when size fails.
 */
function heaviestInputs(metafile, name, count = 12) {
  const { outputs } = metafile;
  const entry = Object.keys(outputs).find((path) => path.endsWith(`/${name}.js`));
  const loaded = new Set();
  const visit = (path) => {
    if (loaded.has(path) || !outputs[path]) return;
    loaded.add(path);
    for (const imp of outputs[path].imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  if (entry) visit(entry);
  return [...loaded]
    .flatMap((path) => Object.entries(outputs[path].inputs))
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
