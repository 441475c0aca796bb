// What the consumer tests share: the packed tarball, the apps' dependencies (installed once
// per lock and reused), one work folder where every app sees the tarball installed as a user
// would have it, the tools' error lists, and the block flow in Chromium.
import assert from 'node:assert/strict';
import { execFile as execFileCb } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFile = promisify(execFileCb);
export const repo = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
// Outside node_modules, which `npm ci` deletes: CI keeps the installed frameworks between runs.
const CACHE = process.env.CONSUMER_DEPS_CACHE ?? join(homedir(), '.cache/chat-block-elements/consumer-deps');

/** Runs a command; resolves { code, out, stdout } (out: stdout + stderr) without throwing on a non-zero exit. */
export async function run(cmd, args, cwd, env = {}) {
  try {
    const { stdout, stderr } = await execFile(cmd, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 });
    return { code: 0, out: stdout + stderr, stdout };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, out: `${error.stdout}${error.stderr}`, stdout: error.stdout };
  }
}

/** `npm pack` of the built package: resolves { file, size, dir } (dir holds the tarball). */
export async function pack() {
  assert.ok(existsSync(join(repo, 'dist/index.js')), 'dist/ is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'cbe-consumers-'));
  const { code, out, stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], repo);
  assert.equal(code, 0, out);
  const [info] = JSON.parse(stdout);
  return { file: join(dir, info.filename), size: info.size, unpackedSize: info.unpackedSize, dir };
}

/**
 * The apps' dependencies (test/consumer/deps, a lock file) plus the tarball's own, installed
 * under ~/.cache/chat-block-elements/consumer-deps/<hash of all three> (or $CONSUMER_DEPS_CACHE);
 * a later run with the same hash reuses them. Resolves that node_modules folder.
 */
export async function dependencies(tarballDeps) {
  const manifest = JSON.parse(readFileSync(join(here, 'deps/package.json'), 'utf8'));
  manifest.dependencies = { ...manifest.dependencies, ...tarballDeps };
  const lock = readFileSync(join(here, 'deps/package-lock.json'), 'utf8');
  const key = createHash('sha256').update(JSON.stringify(manifest)).update(lock).update(process.version.split('.')[0]).digest('hex').slice(0, 16);
  const dir = join(CACHE, key);
  const done = join(dir, '.installed');
  if (!existsSync(done)) {
    if (existsSync(CACHE)) for (const old of readdirSync(CACHE)) rmSync(join(CACHE, old), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(join(dir, 'package-lock.json'), lock);
    // `install`, not `ci`: the tarball's dependencies join the locked ones.
    const { code, out } = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], dir);
    assert.equal(code, 0, `installing the consumer apps' dependencies failed:\n${out}`);
    writeFileSync(done, new Date().toISOString());
  }
  return join(dir, 'node_modules');
}

/**
 * A throwaway work folder: node_modules links every cached dependency and holds the
 * tarball unpacked as chat-block-elements (what `npm install <tarball>` lays out), and
 * each app of test/consumer/apps is copied in. Resolves { dir, bin, close() }.
 */
export async function workspace(tarball, deps) {
  const dir = mkdtempSync(join(tmpdir(), 'cbe-apps-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(deps)) {
    if (entry === 'chat-block-elements' || entry === '.package-lock.json') continue;
    symlinkSync(join(deps, entry), join(modules, entry));
  }
  const { code, out } = await run('tar', ['-xzf', tarball, '-C', dir], dir);
  assert.equal(code, 0, out);
  cpSync(join(dir, 'package'), join(modules, 'chat-block-elements'), { recursive: true });
  rmSync(join(dir, 'package'), { recursive: true, force: true });
  cpSync(join(here, 'apps'), dir, { recursive: true });
  return { dir, bin: (name) => join(deps, '.bin', name), close: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Checks a tool's diagnostics against the app's marked lines: every line after a
 * `<!-- expect-error: … -->` (or `// expect-error: …`) comment must have an error, and no other line may. `errors` is a list of
 * { file, line } (1-based); `files` the sources to read markers from (relative to `dir`).
 */
export function expectErrorsAtMarks(dir, files, errors, output) {
  const expected = [];
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (/(<!--|\/\/)\s*expect-error\b/.test(text)) expected.push(`${file}:${i + 2}`);
    });
  }
  const actual = [...new Set(errors.map((e) => `${e.file}:${e.line}`))];
  assert.ok(expected.length > 0, 'no expect-error marks found');
  assert.deepEqual(actual.sort(), expected.sort(), `errors not where the marks are:\n${output}`);
}

/**
 * In a page that shows one menu and its pill: opens the menu in `scope` (a CSS selector of
 * the menu), chooses Block, confirms, and waits until the pill shows "Blocked" and the app
 * logged the change through its framework's own event binding (`#log` contains `change:true`).
 */
export async function blockThrough(page, menu = 'chat-header-menu', log = '#log') {
  await page.waitForFunction((sel) => customElements.get('chat-header-menu') && document.querySelector(sel), {}, menu);
  await page.click(`${menu} >>> [part~="trigger"]`);
  await page.click(`${menu} >>> [part~="block-item"]`);
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('chat-confirm-dialog')?.open, {}, menu);
  await page.click(`${menu} >>> chat-confirm-dialog >>> [part~="confirm"]`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('change:true'), { timeout: 5000 }, log);
}

/** Text of the pill for `customer` (its shadow root), trimmed. */
export function pillText(page, customer) {
  return page.$eval(`chat-status-pill[customer="${customer}"]`, (p) => p.shadowRoot.textContent.trim());
}

/** Opens `url` in a new page that collects page errors and console errors. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

/** The static server of the end-to-end tests: `dir` on 127.0.0.1, `{ url, close() }`. */
export { serveDir as serve } from '../e2e/harness.js';
