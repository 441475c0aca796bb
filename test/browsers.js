// The three engines the component tests run in, each from the machine's own packages
// (nothing downloads a browser): where each one is found, how to install it, and the
// web-test-runner launcher that drives it.
//
//   chromium  Debian's `chromium` (or a Chrome), @web/test-runner-chrome over CDP.
//   firefox   Debian's `firefox-esr`, @web/test-runner-puppeteer over WebDriver BiDi.
//   webkit    WebKitGTK's MiniBrowser through Debian's `webkit2gtk-driver` (WebKitWebDriver),
//             @web/test-runner-webdriver + webdriverio, in an Xvfb display this module starts.
//
// Pick engines with TEST_BROWSERS=firefox,webkit (or `npm test -- --browsers firefox`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { CHROME_ARGS, findChrome, MISSING_CHROME_MESSAGE } from './find-chrome.js';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const firstExisting = (paths) => paths.find((p) => existsSync(p)) ?? null;

/** Firefox: FIREFOX_PATH wins, else Debian's ESR or a plain firefox. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return firstExisting(['/usr/bin/firefox-esr', '/usr/bin/firefox']);
}

const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];

/**
 * WebKit: the WebDriver server (WEBKIT_DRIVER_PATH or /usr/bin/WebKitWebDriver), the
 * MiniBrowser it launches (MINIBROWSER_PATH or WebKitGTK's) and an X server for its window
 * (an existing DISPLAY, else Xvfb). Null when any is missing.
 */
export function findWebKit() {
  const driver = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
  const browser = process.env.MINIBROWSER_PATH || firstExisting(MINIBROWSER_CANDIDATES);
  const xvfb = firstExisting(['/usr/bin/Xvfb']);
  if (!existsSync(driver) || !browser || !existsSync(browser)) return null;
  if (!process.env.DISPLAY && !xvfb) return null;
  return { driver, browser, xvfb };
}

/** For each engine: whether it is installed, and the command that installs it. */
export const ENGINE_INFO = {
  chromium: {
    label: 'Chromium',
    find: findChrome,
    install: 'apt-get install -y chromium',
    missing: () => MISSING_CHROME_MESSAGE,
  },
  firefox: {
    label: 'Firefox',
    find: findFirefox,
    install: 'apt-get install -y firefox-esr',
    missing: () =>
      process.env.FIREFOX_PATH
        ? `FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist`
        : 'no firefox-esr or firefox found (or set FIREFOX_PATH)',
  },
  webkit: {
    label: 'WebKit',
    find: findWebKit,
    install: 'apt-get install -y webkit2gtk-driver xvfb',
    missing: () => {
      const driver = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
      const browser = process.env.MINIBROWSER_PATH || firstExisting(MINIBROWSER_CANDIDATES);
      if (!existsSync(driver)) return `no ${driver}`;
      if (!browser || !existsSync(browser)) return `no WebKitGTK MiniBrowser${browser ? ` at ${browser}` : ''}`;
      return 'no DISPLAY and no /usr/bin/Xvfb';
    },
  },
};

/**
 * The engines asked for: a comma list (`chromium,firefox`, `all`), else TEST_BROWSERS,
 * else all three. Throws on an unknown name.
 */
export function selectedEngines(list = process.env.TEST_BROWSERS) {
  if (!list || list.trim() === '' || list.trim() === 'all') return [...ENGINES];
  const names = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const name of names) {
    if (!ENGINES.includes(name)) throw new Error(`unknown browser "${name}": choose from ${ENGINES.join(', ')}`);
  }
  return ENGINES.filter((e) => names.includes(e));
}

/** A free TCP port on 127.0.0.1 (asked of the system, not guessed). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on the first free display number; resolves with the display and the process. */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display itself and writes its number to fd 3.
    const proc = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.trim()}`)));
    proc.stdio[3].on('data', (d) => resolve({ display: `:${String(d).trim()}`, proc }));
  });
}

/** Polls the WebDriver server's /status until it answers. */
async function waitForDriver(port, proc, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on 127.0.0.1:${port} within ${ms / 1000} s`);
}

/** Chromium through CDP (puppeteer-core inside @web/test-runner-chrome). */
async function chromiumLauncher() {
  const { chromeLauncher } = await import('@web/test-runner-chrome');
  return chromeLauncher({
    launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
  });
}

/** Firefox ESR through puppeteer over WebDriver BiDi (puppeteer 24 has no CDP for Firefox). */
async function firefoxLauncher() {
  const { puppeteerLauncher } = await import('@web/test-runner-puppeteer');
  return puppeteerLauncher({
    // Firefox starts its accessibility service on the first accessibility query, and content
    // already shown then (a modal dialog) stays out of the tree the locator searches: one query
    // on the blank page starts the service before any test page loads.
    async createPage({ context }) {
      const page = await context.newPage();
      await page.$$('::-p-aria([role="document"])').catch(() => []);
      tolerateNoOrientationOverride(page);
      return page;
    },
    launchOptions: {
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: findFirefox(),
      headless: true,
      extraPrefsFirefox: {
        // No background traffic on a closed network.
        'app.update.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'network.captive-portal-service.enabled': false,
        'toolkit.telemetry.enabled': false,
      },
    },
  });
}

/**
 * puppeteer's setViewport() sends BiDi's setViewport and setScreenOrientationOverride together;
 * Firefox ESR 140 (Debian bookworm's package at times) knows only the first, and the runner's
 * setViewport() before each test file then failed every file. The viewport is set all the
 * same, and no test depends on the screen's orientation, so that one refusal is let pass.
 */
function tolerateNoOrientationOverride(page) {
  const setViewport = page.setViewport.bind(page);
  page.setViewport = async (viewport) => {
    try {
      await setViewport(viewport);
    } catch (error) {
      if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(error?.message))) throw error;
    }
  };
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver. The launcher starts (and stops) its own
 * Xvfb when there is no DISPLAY, and the driver on a free port of 127.0.0.1.
 */
async function webkitLauncher() {
  const { WebdriverLauncher } = await import('@web/test-runner-webdriver');
  const { driver, browser, xvfb } = findWebKit();

  class WebKitGtkLauncher extends WebdriverLauncher {
    constructor() {
      super({
        hostname: '127.0.0.1',
        port: 0, // set when the driver starts
        logLevel: 'error',
        connectionRetryCount: 0,
        capabilities: {
          browserName: 'MiniBrowser',
          // WebKitWebDriver speaks classic WebDriver only: without this, webdriverio 9 asks
          // for BiDi (webSocketUrl) and the driver fails to match the capabilities.
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': {
            binary: browser,
            // Scoped custom element registries are on in Safari 26 and in WebKitGTK 2.50 as a
            // "stable" feature, but off by default there: on, so MiniBrowser matches Safari.
            args: ['--automation', '--features=+ScopedCustomElementRegistry'],
          },
        },
      });
      this.children = [];
      // Should wtr exit without stop() (a crash, Ctrl-C twice), take Xvfb and the driver along.
      process.once('exit', () => this.children.forEach((child) => child.kill()));
    }

    async initialize(config, testFiles) {
      await super.initialize(config, testFiles);
      this.name = 'WebKit';
    }

    async createDriverManager() {
      let display = process.env.DISPLAY;
      if (!display) {
        const x = await startXvfb(xvfb);
        this.children.push(x.proc);
        display = x.display;
      }
      const port = await freePort();
      const proc = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], {
        env: { ...process.env, DISPLAY: display },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      this.children.push(proc);
      await waitForDriver(port, proc);
      this.options.port = port;
      const manager = await super.createDriverManager();
      // The same 800 × 600 viewport the other launchers set (MiniBrowser's window has a toolbar).
      const [w, h] = await this.driver.execute(() => [
        window.outerWidth - window.innerWidth,
        window.outerHeight - window.innerHeight,
      ]);
      await this.driver.setWindowRect(0, 0, 800 + w, 600 + h);
      this.name = `WebKit ${this.driver.capabilities.browserVersion ?? ''}`.trim();
      return manager;
    }

    async stop() {
      await super.stop();
      for (const child of this.children.reverse()) child.kill();
      this.children = [];
    }
  }
  return new WebKitGtkLauncher();
}

const LAUNCHERS = { chromium: chromiumLauncher, firefox: firefoxLauncher, webkit: webkitLauncher };

/** web-test-runner launchers for the selected engines that are installed. */
export async function launchers(engines = selectedEngines()) {
  const installed = engines.filter((e) => ENGINE_INFO[e].find());
  return Promise.all(installed.map((e) => LAUNCHERS[e]()));
}

/** Counts of one run: every test of every session, plus files that failed to load. */
function countResults(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
  const walk = (suite, path) => {
    for (const t of suite.tests) {
      if (t.skipped) {
        counts.skipped += 1;
        counts.skippedNames.push([...path, t.name].join(' > '));
      } else if (t.passed) counts.passed += 1;
      else counts.failed += 1;
    }
    for (const child of suite.suites) walk(child, [...path, child.name]);
  };
  for (const session of sessions) {
    const before = counts.failed;
    if (session.testResults) walk(session.testResults, []);
    // A file that did not load, or failed outside any test, counts as one failure.
    if (session.passed === false && counts.failed === before) counts.failed += 1;
  }
  return counts;
}

/**
 * A reporter that writes `{ passed, failed, skipped, skippedNames }` as JSON to TEST_SUMMARY_FILE when the
 * run ends (test/run-tests.js reads it for the per-engine totals).
 */
export function summaryReporter(file = process.env.TEST_SUMMARY_FILE) {
  return {
    async onTestRunFinished({ sessions }) {
      if (!file) return;
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, JSON.stringify(countResults(sessions)));
    },
  };
}

/**
 * Finds, in the page, the element that carries `data-a11y-probe="<probe>"`, through open
 * shadow roots. Serialized into the page by puppeteer and webdriverio, so self-contained.
 */
function findProbe(probe) {
  const walk = (root) => {
    const hit = root.querySelector(`[data-a11y-probe="${probe}"]`);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const found = el.shadowRoot && walk(el.shadowRoot);
      if (found) return found;
    }
    return null;
  };
  return walk(document);
}

/** `[role="x"][name="y"]` for puppeteer's ARIA query handler. */
const ariaSelector = (attrs) =>
  `::-p-aria(${Object.entries(attrs)
    .map(([k, v]) => `[${k}=${JSON.stringify(v)}]`)
    .join('')})`;

/**
 * Command `accessible-role-and-name`: the role and accessible name the engine's own
 * accessibility tree gives one element (the page marks it with `data-a11y-probe`). One
 * question, three engine APIs:
 *   chromium  the CDP accessibility tree (what the a11ySnapshot plugin reads).
 *   webkit    WebDriver's Get Computed Role / Get Computed Label.
 *   firefox   BiDi has no "what is this node's role"; puppeteer's ARIA query
 *             (browsingContext.locateNodes by accessibility) answers "which nodes have this
 *             role and name", so the expected role and name are confirmed or denied.
 * Returns `{ role, name, via }`; for Firefox a denied value reads `not "<expected>"`.
 */
export function accessibilityPlugin() {
  return {
    name: 'accessible-role-and-name',
    async executeCommand({ command, payload, session }) {
      if (command !== 'accessible-role-and-name') return undefined;
      const { probe, role, name } = payload;
      const launcher = session.browser;
      if (launcher.type === 'webdriver') {
        const driver = launcher.driver;
        const ref = await driver.execute(findProbe, probe);
        const id = ref && (ref['element-6066-11e4-a52e-4f735466cecf'] ?? ref.ELEMENT);
        if (!id) throw new Error(`no element with data-a11y-probe="${probe}"`);
        return {
          role: await driver.getElementComputedRole(id),
          name: await driver.getElementComputedLabel(id),
          via: 'WebDriver computed role and label',
        };
      }
      if (launcher.type === 'puppeteer') {
        const page = launcher.getPage(session.id);
        const handle = await page.evaluateHandle(findProbe, probe);
        if (!(await handle.evaluate((el) => el instanceof Element))) {
          throw new Error(`no element with data-a11y-probe="${probe}"`);
        }
        if (launcher.launchOptions?.protocol !== 'webDriverBiDi') {
          const node = await page.accessibility.snapshot({ root: handle, interestingOnly: false });
          return { role: node?.role ?? null, name: node?.name ?? null, via: 'CDP accessibility tree' };
        }
        // Firefox: ask for nodes with the role (and name) under the element's own root; the
        // query reaches into a shadow root only when it starts there.
        const root = await handle.evaluateHandle((el) => el.getRootNode());
        const isAmong = async (selector) => {
          for (const hit of await root.$$(selector)) {
            if (await hit.evaluate((a, b) => a === b, handle)) return true;
          }
          return false;
        };
        // Firefox builds its accessibility tree asynchronously: right after a DOM change (a
        // dialog just shown) the locator may still see the old tree, so ask again for up to 3 s.
        let hasRole = false;
        let hasName = false;
        for (const end = Date.now() + 3000; ; ) {
          hasRole = await isAmong(ariaSelector({ role }));
          hasName = name === undefined || (await isAmong(ariaSelector({ role, name })));
          if ((hasRole && hasName) || Date.now() > end) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        return {
          role: hasRole ? role : `not "${role}"`,
          name: hasName ? name : `not "${name}"`,
          via: 'BiDi accessibility locator',
        };
      }
      throw new Error(`accessible-role-and-name is not supported for browser type ${launcher.type}`);
    },
  };
}

/**
 * Command `emulate-forced-colors` (`{ value: 'active' | 'none' }`): Chromium's forced-colors
 * mode through CDP (wtr's emulateMedia drops the feature). Firefox over BiDi and WebKit over
 * WebDriver have no such emulation: the command throws there and the tests fall back to
 * checking the forced-colors rules (test/theming.test.ts says so).
 */
export function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const launcher = session.browser;
      if (launcher.type !== 'puppeteer' || launcher.launchOptions?.protocol === 'webDriverBiDi') {
        throw new Error(`forced-colors emulation is not supported in ${launcher.name}`);
      }
      const page = launcher.getPage(session.id);
      const value = payload?.value === 'active' ? 'active' : 'none';
      // Emulation.setEmulatedMedia replaces every emulated feature: keep the color scheme the
      // page matches now (emulateMedia({ colorScheme }) may have set it).
      const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      await page._client().send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'forced-colors', value },
          { name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' },
        ],
      });
      return true;
    },
  };
}
