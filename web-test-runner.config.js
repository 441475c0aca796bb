import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome } from './test/find-chrome.js';
import { mockApiMiddleware } from './test/mock-api-middleware.js';

// Real Chromium (Debian's package by default), headless; see test/find-chrome.js.
const executablePath = findChrome();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // Lit's dev-mode banner repeats for every file; its real warnings still show.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  // The demo's mock of the reference API under /api, for fetchBackend over real HTTP.
  middleware: [await mockApiMiddleware()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
