#!/usr/bin/env node
// `npm test`: the component tests (web-test-runner) in Chromium, Firefox and WebKit, one
// engine after another; then chat-block-relay's tests (node's test runner, on PGlite, and on
// PostgreSQL when TEST_DATABASE_URL is set: scripts/pg-throwaway.sh starts one); then the
// end-to-end tests against the demo's HTTP server (node's test runner + puppeteer-core, in
// Chromium). Ends with one line per engine and per database:
//   chromium: 192 passed, 0 failed
//   firefox: 190 passed, 1 failed, 1 skipped
//   webkit: skipped (not installed: ...; install: sudo apt-get install -y webkit2gtk-driver xvfb)
//   relay (pglite): 40 passed, 0 failed
//   relay (postgres): skipped (set TEST_DATABASE_URL to run it)
//
//   npm test -- --browsers firefox            one engine (or a list: chromium,webkit); also TEST_BROWSERS
//   npm test -- --files test/x.test.ts        one file, in every engine (no e2e)
//   npm test -- --port 8100                   other web-test-runner flags pass through
//
// Without Chromium it stops at once with one line (the e2e tests need it too); another engine
// that is not installed is reported as skipped, and the run fails when REQUIRE_ALL_BROWSERS=1
// (CI sets it).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_INFO, selectedEngines } from './browsers.js';
import { findChrome, MISSING_CHROME_MESSAGE } from './find-chrome.js';

/** Takes `--browsers x,y` / `--browsers=x,y` out of the arguments passed on to wtr. */
function takeBrowsersFlag(argv) {
  const rest = [];
  let list;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--browsers' || arg === '--browser') list = argv[++i] ?? '';
    else if (arg.startsWith('--browsers=') || arg.startsWith('--browser=')) list = arg.slice(arg.indexOf('=') + 1);
    else rest.push(arg);
  }
  return { list, rest };
}

const { list, rest: wtrArgs } = takeBrowsersFlag(process.argv.slice(2));
let engines;
try {
  engines = selectedEngines(list ?? process.env.TEST_BROWSERS);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const chrome = findChrome();
// The e2e tests run in Chromium after a whole run, not for `--files` or `--watch`.
const runE2e = engines.includes('chromium') && !wtrArgs.some((a) => /^--(files|watch)\b/.test(a) || a === '-w');
if (!chrome && (engines.includes('chromium') || runE2e)) {
  console.error(MISSING_CHROME_MESSAGE);
  process.exit(1);
}
const env = { ...process.env, CHROME_PATH: chrome ?? '' };
const tmp = mkdtempSync(join(tmpdir(), 'chat-block-tests-'));
const lines = [];
const skippedTests = [];
let failed = false;

for (const name of engines) {
  const info = ENGINE_INFO[name];
  if (!info.find()) {
    lines.push(`${name}: skipped (not installed: ${info.missing()}; install: sudo ${info.install})`);
    if (process.env.REQUIRE_ALL_BROWSERS === '1') failed = true;
    continue;
  }
  console.log(`\n== ${info.label}: web-test-runner\n`);
  const summaryFile = join(tmp, `${name}.json`);
  const status =
    spawnSync('npx', ['--no-install', 'wtr', ...wtrArgs], {
      stdio: 'inherit',
      env: { ...env, TEST_BROWSERS: name, TEST_SUMMARY_FILE: summaryFile },
    }).status ?? 1;
  let counts;
  try {
    counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    // wtr stopped before its run finished (a config or launch error): that is a failure.
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  if (status !== 0) failed = true;
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
  skippedTests.push(...(counts.skippedNames ?? []).map((test) => `  ${name}: ${test}`));
}
rmSync(tmp, { recursive: true, force: true });

let e2e = 0;
const relayLines = [];
if (runE2e) {
  // The relay (the demo's server half) is a workspace package built with tsc: its own tests,
  // on PGlite and, with TEST_DATABASE_URL, on PostgreSQL; the demo's end-to-end tests use it too.
  console.log('\n== chat-block-relay: build and tests (node --test relay/test/)\n');
  const build = spawnSync('npm', ['run', '--silent', 'build', '-w', 'chat-block-relay'], { stdio: 'inherit', env }).status ?? 1;
  const relay = build === 0 ? await runEchoed(process.execPath, ['relay/test/run.js'], env) : { status: 1, output: '' };
  relayLines.push(...relay.output.split('\n').filter((line) => /^relay \(\w+\): /.test(line)));
  if (relayLines.length === 0) relayLines.push(`relay: 0 passed, 1 failed (${build === 0 ? 'its test run stopped' : 'it did not build'})`);
  if (relay.status !== 0) failed = true;
  console.log('\n== end-to-end (node --test test/e2e/, Chromium)\n');
  e2e = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'test/e2e/'], { stdio: 'inherit', env }).status ?? 1;
}

if (skippedTests.length > 0) {
  console.log('\n== skipped in an engine (each says why in its name)');
  for (const line of skippedTests) console.log(line);
}
console.log('\n== component tests per engine');
for (const line of lines) console.log(line);
if (relayLines.length) console.log('\n== relay tests per database');
for (const line of relayLines) console.log(line);
process.exit(failed || e2e ? 1 : 0);

/** Runs a command with its output shown as it comes, and kept: resolves `{ status, output }`. */
function runEchoed(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
}
