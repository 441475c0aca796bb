import { defineConfig } from 'vite';
import { mockApiPlugin } from './demo/server/mock-api-plugin.js';

/**
 * Three builds from one config:
 * - `vite` (serve): the demo, with the mock reference API as dev-server middleware;
 * - `vite build`: the library as ES modules with `lit` and `@floating-ui/dom` left external;
 * - `vite build --mode cdn`: one self-contained file that registers the tags.
 */
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root: 'demo',
      server: { host: '127.0.0.1', port: 5173, strictPort: false },
      plugins: [mockApiPlugin()],
    };
  }
  if (mode === 'cdn') {
    return {
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'chat-block-elements.js' },
        minify: true,
        target: 'es2022',
      },
    };
  }
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      lib: {
        entry: {
          index: 'src/index.ts',
          define: 'src/define.ts',
          react: 'src/react.ts',
          'strings/locales/es': 'src/strings/locales/es.ts',
          'strings/locales/hi': 'src/strings/locales/hi.ts',
          'strings/locales/ar': 'src/strings/locales/ar.ts',
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: (id) => /^(lit|@lit\/reactive-element|lit-html|lit-element|@floating-ui\/dom|react)(\/|$)/.test(id),
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          // @lit/react is bundled into the React entry; keep it out of a folder npm would skip.
          entryFileNames: (chunk) => `${chunk.name.replace(/^.*node_modules\//, 'vendor/')}.js`,
        },
      },
    },
  };
});
