#!/usr/bin/env node
// `npm test`: the component tests (web-test-runner) in Chromium, then in Firefox and WebKit side
// by side; beside Chromium, in a process of its own, chat-block-relay's tests (node's test runner, on
// PGlite, and on PostgreSQL when TEST_DATABASE_URL is set: scripts/pg-throwaway.sh starts one),
// their output shown once the engines are done; then the end-to-end tests against the demo's
// HTTP server (node's test runner + puppeteer-core, in Chromium). Ends with one line per engine
// and per database:
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
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_INFO, freePort, selectedEngines } from './browsers.js';
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

// The relay (the demo's server half) is a workspace package built with tsc: its own tests run
// on PGlite and, with TEST_DATABASE_URL, on PostgreSQL, next to the browsers (they wait on the
// database more than on the CPU), their output kept for after. The demo's end-to-end tests use
// the build too.
const tmp = mkdtempSync(join(tmpdir(), 'chat-block-tests-'));
let relayRun = null;
if (runE2e) {
  console.log('\n== chat-block-relay: build (its tests run next to the browsers)\n');
  const build = spawnSync('npm', ['run', '--silent', 'build', '-w', 'chat-block-relay'], { stdio: 'inherit', env }).status ?? 1;
  relayRun = build === 0 ? runQuietly(process.execPath, ['relay/test/run.js'], env) : Promise.resolve({ status: 1, output: '', built: false });
}
/** One line per engine, in the order asked. */
const lineOf = new Map();
const skippedTests = [];
let failed = false;

const installed = engines.filter((name) => {
  const info = ENGINE_INFO[name];
  if (info.find()) return true;
  lineOf.set(name, `${name}: skipped (not installed: ${info.missing()}; install: sudo ${info.install})`);
  if (process.env.REQUIRE_ALL_BROWSERS === '1') failed = true;
  return false;
});
// A whole run takes the engines in two rounds: the first next to the relay's tests, then,
// once both are done (three at once on two cores slow the relay's timed tests, its rate limit
// among them, past what they allow), the others side by side, each browser in a process and a
// display of its own (so no page steals another's focus), the second's output kept and shown
// after the first's. `--files` and a chosen engine run one engine after another, each shown as
// it runs.
// (A `--port` of the caller's own means one engine at a time: two servers cannot share it.)
const ownPort = wtrArgs.some((a) => /^--port\b/.test(a));
const rounds = runE2e && !ownPort ? [installed.slice(0, 1), installed.slice(1)] : installed.map((name) => [name]);
const results = new Map();
for (const [n, round] of rounds.filter((r) => r.length).entries()) {
  if (n === 1 && relayRun) await relayRun;
  // Each engine's test server on a port of its own: two runs of wtr started together would
  // both find its default (8000) free, and the second would fail to listen on it.
  const ports = ownPort ? [] : await Promise.all(round.map(() => freePort()));
  const runs = round.map((name, i) => runEngine(name, i > 0, ports[i]));
  for (const [i, run] of runs.entries()) {
    const result = await run;
    if (i > 0) {
      console.log(`\n== ${ENGINE_INFO[round[i]].label}: web-test-runner (ran next to ${ENGINE_INFO[round[0]].label})\n`);
      process.stdout.write(result.output);
    }
    results.set(round[i], result);
  }
}
for (const name of installed) {
  const { status, summaryFile } = results.get(name);
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
  lineOf.set(name, `${name}: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
  skippedTests.push(...(counts.skippedNames ?? []).map((test) => `  ${name}: ${test}`));
}
rmSync(tmp, { recursive: true, force: true });

let e2e = 0;
const relayLines = [];
if (relayRun) {
  console.log('\n== chat-block-relay: tests (node --test relay/test/), run next to the browsers\n');
  const relay = await relayRun;
  process.stdout.write(relay.output);
  relayLines.push(...relay.output.split('\n').filter((line) => /^relay \(\w+\): /.test(line)));
  if (relayLines.length === 0) relayLines.push(`relay: 0 passed, 1 failed (${relay.built === false ? 'it did not build' : 'its test run stopped'})`);
  if (relay.status !== 0) failed = true;
  console.log('\n== end-to-end (node --test test/e2e/, Chromium, three files at a time)\n');
  // Three files at a time: each has its own Chromium and server, and mostly waits on them
  // (one at a time took 80 s on 2 cores, three 55 s).
  const e2eArgs = ['--test', '--test-concurrency=3', '--test-reporter=spec', 'test/e2e/'];
  e2e = spawnSync(process.execPath, e2eArgs, { stdio: 'inherit', env }).status ?? 1;
}

if (skippedTests.length > 0) {
  console.log('\n== skipped in an engine (each says why in its name)');
  for (const line of skippedTests) console.log(line);
}
console.log('\n== component tests per engine');
for (const name of engines) console.log(lineOf.get(name));
if (relayLines.length) console.log('\n== relay tests per database');
for (const line of relayLines) console.log(line);
process.exit(failed || e2e ? 1 : 0);

/**
 * Runs web-test-runner in one engine, its server on `port` (if given); `quiet`: its output
 * kept (resolved as `output`), not shown, for an engine that runs next to another. Resolves
 * `{ status, output, summaryFile }`.
 */
function runEngine(name, quiet, port) {
  const summaryFile = join(tmp, `${name}.json`);
  const engineEnv = { ...env, TEST_BROWSERS: name, TEST_SUMMARY_FILE: summaryFile };
  const args = ['--no-install', 'wtr', ...wtrArgs, ...(port ? ['--port', String(port)] : [])];
  if (!quiet) console.log(`\n== ${ENGINE_INFO[name].label}: web-test-runner\n`);
  const run = quiet ? runQuietly('npx', args, engineEnv) : runShown('npx', args, engineEnv);
  return run.then((result) => ({ ...result, summaryFile }));
}

/** Runs a command with its output shown as it comes: resolves `{ status, output: '' }`. */
function runShown(command, args, env) {
  return new Promise((resolve) => {
    spawn(command, args, { env, stdio: 'inherit' }).on('close', (status) => resolve({ status: status ?? 1, output: '' }));
  });
}

/**
 * Starts a command with its output (stdout and stderr) going to a file, not shown: resolves
 * `{ status, output }` when it ends. A file, not a pipe: the output can be long, and kept
 * whole while other runs hold the terminal.
 */
function runQuietly(command, args, env) {
  const dir = mkdtempSync(join(tmpdir(), 'chat-block-relay-tests-'));
  const file = join(dir, 'output.txt');
  const fd = openSync(file, 'w');
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    child.on('close', (status) => {
      const output = readFileSync(file, 'utf8');
      rmSync(dir, { recursive: true, force: true });
      resolve({ status: status ?? 1, output });
    });
  });
}
