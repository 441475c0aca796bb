import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { accessibilityPlugin, ENGINE_INFO, forcedColorsPlugin, launchers, selectedEngines, summaryReporter } from './test/browsers.js';
import { mockApiMiddleware } from './test/mock-api-middleware.js';
import { edgeApiMiddleware } from './test/edge-api-middleware.js';
import { failLazyMiddleware } from './test/fail-lazy-middleware.js';
import { bindLoopbackOnly } from './test/bind-loopback.js';

// Chromium, Firefox and WebKit from the machine's packages (see test/browsers.js); pick with
// TEST_BROWSERS=chromium,firefox,webkit (default: all three). `npm test` starts one run of
// web-test-runner per engine (Chromium, then Firefox beside WebKit) and reports an engine
// that is not installed as skipped.
const engines = selectedEngines();
const browsers = await launchers(engines);
if (browsers.length === 0) {
  const missing = engines.map((e) => `${e}: ${ENGINE_INFO[e].missing()} (install: ${ENGINE_INFO[e].install})`);
  throw new Error(`No browser to run the tests in.\n${missing.join('\n')}`);
}

// Until the server listens (the plugin below puts node's listen() back then).
const loopbackOnly = bindLoopbackOnly();

export default {
  files: ['test/**/*.test.ts'],
  // The pages' origin, and (with bindLoopbackOnly) the only address the server listens on.
  hostname: '127.0.0.1',
  nodeResolve: true,
  // Lit's dev-mode banner repeats for every file; its real warnings still show.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // One page at a time per browser: the tests use real focus, keys and mouse, which a second
  // page would steal.
  concurrency: 1,
  // One engine per run of web-test-runner (test/run-tests.js starts one per engine: in a whole
  // run, Firefox's and WebKit's side by side, each browser in a process of its own).
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  // The demo's mock of the reference API under /api, for fetchBackend over real HTTP.
  // Under /edge: redirects, echoes and random faults (test/edge-api-middleware.js). Lazily
  // loaded modules refused on demand (test/fail-lazy-middleware.js).
  middleware: [await mockApiMiddleware(), edgeApiMiddleware(), failLazyMiddleware()],
  plugins: [
    loopbackOnly,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // a11ySnapshot(): the whole accessibility tree, Chromium only (it needs CDP: in Firefox and
    // WebKit it throws, so a test using it fails there rather than passing unchecked). For a
    // check that runs in every engine, use accessibleRoleAndName() from test/helpers.ts.
    a11ySnapshotPlugin(),
    // accessibleRoleAndName() in test/helpers.ts: one element's role and name from each
    // engine's own accessibility tree (CDP, BiDi, WebDriver).
    accessibilityPlugin(),
    // executeServerCommand('emulate-forced-colors', { value }): Chromium only.
    forcedColorsPlugin(),
  ],
  // The usual output, plus the counts test/run-tests.js prints per engine.
  reporters: [defaultReporter(), summaryReporter()],
  browsers,
};
