import { defineConfig, type Plugin } from 'vite';
import { transform } from 'esbuild';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoBackendPlugin } from './demo/server/demo-backend-plugin.js';
import { squeezeCss } from './scripts/squeeze-css.js';

/**
 * Minifies the CSS inside Lit css`…` literals, which a JS minifier leaves as written: esbuild's
 * CSS minifier for a literal without `${}`, squeezeCss() (comments and needless whitespace)
 * for one with interpolations. It runs on every module (dependencies too), so the bench's
 * baselines get the same.
 */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'minify-css-literals',
    apply: 'build',
    async transform(code) {
      if (!code.includes('css`')) return null;
      let out = '';
      let last = 0;
      for (const { start, end, text } of cssLiterals(code)) {
        const min = text.includes('${') ? squeezeCss(text) : (await transform(text, { loader: 'css', minify: true })).code.trim();
        out += code.slice(last, start) + min;
        last = end;
      }
      return { code: out + code.slice(last), map: null };
    },
  };
}

/** The text between the backticks of each css`…` literal (skipped: one with a template inside an interpolation). */
function* cssLiterals(code: string): Generator<{ start: number; end: number; text: string }> {
  for (const match of code.matchAll(/\bcss`/g)) {
    const start = match.index! + match[0].length;
    let depth = 0;
    let i = start;
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === '\\') i++;
      else if (depth === 0 && c === '`') break;
      else if (c === '$' && code[i + 1] === '{' && depth === 0) (depth = 1), i++;
      else if (depth > 0 && c === '{') depth++;
      else if (depth > 0 && c === '}') depth--;
      else if (depth > 0 && c === '`') break;
    }
    if (code[i] === '`' && depth === 0) yield { start, end: i, text: code.slice(start, i) };
  }
}

/**
 * Vite's helper for `import()` (it preloads what a lazily loaded chunk imports) replaced with
 * src/internal/module-preload.ts, which does that in a fifth of the bytes: 0.5 KB less in the
 * first load of every page (bench/README.md).
 */
export function smallPreload(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'small-preload',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === helper ? fileURLToPath(new URL('./src/internal/module-preload.ts', import.meta.url)) : null),
  };
}

/**
 * The per-element entries, `elements/<tag>` → src/elements/<tag>.ts: each registers one tag
 * (and the tags it renders) and exports its class.
 */
export const elementEntries: Record<string, string> = Object.fromEntries(
  readdirSync(new URL('./src/elements/', import.meta.url))
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => [`elements/${file.slice(0, -3)}`, `src/elements/${file}`]),
);

/**
 * Four builds from one config:
 * - `vite` (serve): the demo, with its server side (chat-block-relay in front of a mock of the
 *   chat API, and the host's customers) as dev-server middleware;
 * - `vite build`: the library as ES modules with `lit` and `@floating-ui/dom` left external;
 * - `vite build --mode cdn`: a self-contained entry that registers the tags, plus the chunks
 *   it imports on first use (the menu's popup, the dialog's, notice's, banner's and list's
 *   views, fetchBackend's request), next to it in dist/cdn/;
 * - `vite build --mode cdn-elements` (run by scripts/build-extras.mjs): the same, one entry per
 *   tag, in dist/cdn/elements/ (a page mixes these or uses the entry above, not both).
 */
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root: 'demo',
      server: { host: '127.0.0.1', port: 5173, strictPort: false },
      plugins: [demoBackendPlugin()],
    };
  }
  if (mode === 'cdn' || mode === 'cdn-elements') {
    // Not lib mode: Vite keeps whitespace in ES-format libraries, and these files are shipped as is.
    const elements = mode === 'cdn-elements';
    return {
      plugins: [minifyCssLiterals(), smallPreload()],
      // Relative: the chunks' preloads resolve next to the entry, wherever the folder is served.
      base: './',
      build: {
        outDir: elements ? 'dist/cdn/elements' : 'dist/cdn',
        emptyOutDir: true,
        minify: true,
        target: 'es2022',
        sourcemap: true,
        copyPublicDir: false,
        rollupOptions: {
          // One entry with everything, or (cdn-elements) one entry per tag, whose shared code
          // (Lit, the store…) is in chunks of their own. Two builds: in one, the everything
          // entry would load the per-tag split, a score of small files.
          input: elements
            ? Object.fromEntries(Object.entries(elementEntries).map(([name, file]) => [name.slice('elements/'.length), file]))
            : 'src/define.ts',
          // The entry also exports what its chunks import from it (under short internal names,
          // not API), Lit included. Rolldown still gives a module of its own file when a lazily
          // loaded chunk imports it too (events.ts): two files on first load.
          preserveEntrySignatures: 'allow-extension',
          // Chunks are imported by the entry with relative URLs, so the folder is copied whole.
          output: { format: 'es', entryFileNames: elements ? '[name].js' : 'chat-block-elements.js', chunkFileNames: '[name]-[hash].js' },
        },
      },
    };
  }
  return {
    plugins: [minifyCssLiterals()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      sourcemap: true,
      lib: {
        entry: {
          index: 'src/index.ts',
          define: 'src/define.ts',
          ...elementEntries,
          react: 'src/react.ts',
          'strings/locales/es': 'src/strings/locales/es.ts',
          'strings/locales/hi': 'src/strings/locales/hi.ts',
          'strings/locales/ar': 'src/strings/locales/ar.ts',
          'strings/locales/pt-BR': 'src/strings/locales/pt-BR.ts',
        },
        formats: ['es'],
      },
      rollupOptions: {
        // Dependencies stay imports (the host's bundler dedupes them), @lit/react and React included.
        external: (id) => /^(lit|@lit\/reactive-element|@lit\/react|lit-html|lit-element|@floating-ui\/dom|react)(\/|$)/.test(id),
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
        },
      },
    },
  };
});
