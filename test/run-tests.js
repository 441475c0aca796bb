#!/usr/bin/env node
// `npm test`: unit and component tests in real Chromium (web-test-runner), then the
// end-to-end tests against the demo's HTTP server (node's test runner + puppeteer-core).
// Stops with one line when no browser is installed instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { findChrome, MISSING_CHROME_MESSAGE } from './find-chrome.js';

const chrome = findChrome();
if (!chrome) {
  console.error(MISSING_CHROME_MESSAGE);
  process.exit(1);
}
const env = { ...process.env, CHROME_PATH: chrome };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

const unit = run('npx', ['--no-install', 'wtr', ...process.argv.slice(2)]);
const e2e = process.argv.length > 2 ? 0 : run(process.execPath, ['--test', '--test-reporter=spec', 'test/e2e/']);
process.exit(unit || e2e);
