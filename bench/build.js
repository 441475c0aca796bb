import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
const COMMON = {
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
  await build({
    ...COMMON,
    entryPoints: Object.fromEntries(pages.map((p) => [p, join(BENCH, 'pages', `${p}.js`)])),
    outdir: pagesDir,
  });
  const theme = join(ROOT, 'node_modules/@shoelace-style/shoelace/dist/themes/light.css');
  await copyFile(theme, join(pagesDir, 'shoelace-light.css'));
  for (const p of pages) {
    const head = p === 'shoelace' ? '<link rel="stylesheet" href="./shoelace-light.css">' : '';
    await writeFile(join(pagesDir, `${p}.html`), pageHtml(p, head));
  }

  const sizeEntries = {
    floor: join(BENCH, 'size/floor.js'),
    shoelace: join(BENCH, 'size/shoelace.js'),
    ...(withLibrary && {
      cdn: join(ROOT, 'src/define.ts'),
      library: join(BENCH, 'size/library.js'),
    }),
  };
  // Sizes come from the project's own production build (vite.config.ts, mode "cdn":
  // the same minifier and CSS-literal minification for the library and every baseline),
  // so what is measured is what ships.
  await mkdir(sizeDir, { recursive: true });
  const sizes = {};
  for (const [name, entry] of Object.entries(sizeEntries)) {
    const code = await viteBundle(entry, join(sizeDir, name));
    await writeFile(join(sizeDir, `${name}.js`), code);
    sizes[name] = { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  // esbuild's metafile only to name the heaviest inputs when a size budget fails.
  const { metafile } = await build({ ...COMMON, entryPoints: sizeEntries, outdir: sizeDir, metafile: true, write: false });
  await writeFile(join(sizeDir, 'meta.json'), JSON.stringify(metafile));
  return { pagesDir, pages, sizes, withLibrary, heaviest: heaviestInputs(metafile, 'library') };
}

/** One entry built like `dist/cdn` (vite.config.ts, mode "cdn"); resolves the output's bytes. */
async function viteBundle(entry, outDir) {
  await viteBuild({
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'cdn',
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: entry, output: { entryFileNames: 'bundle.js' } },
    },
  });
  return readFile(join(outDir, 'bundle.js'));
}

/** The source files that add the most minified bytes to bundle `name` (where to look when size fails). */
function heaviestInputs(metafile, name, count = 8) {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${name}.js`))?.[1];
  if (!output) return [];
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
