import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROME_ARGS, findChrome } from './test/find-chrome.js';
import { mockApiMiddleware } from './test/mock-api-middleware.js';

// Real Chromium (Debian's package by default), headless; see test/find-chrome.js.
const executablePath = findChrome();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // Lit's dev-mode banner repeats for every file; its real warnings still show.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // One page at a time: the tests use real focus, keys and mouse, which a second page would steal.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // The demo's mock of the reference API under /api, for fetchBackend over real HTTP.
  middleware: [await mockApiMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // a11ySnapshot(): the accessibility tree as assistive technology gets it.
    a11ySnapshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
};
