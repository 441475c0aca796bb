// Runs the relay's tests on PGlite, then on PostgreSQL when TEST_DATABASE_URL is set (CI sets
// it; RELAY_REQUIRE_POSTGRES=1 makes its absence a failure). Prints one line per database:
// "relay (pglite): N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = (only.length ? only : readdirSync(here).filter((f) => f.endsWith('.test.js')).map((f) => join(here, f)));
const summary = [];
let failed = false;
for (const db of ['pglite', 'postgres']) {
  if (db === 'postgres' && !process.env.TEST_DATABASE_URL) {
    summary.push(`relay (postgres): skipped (set TEST_DATABASE_URL to run it)`);
    if (process.env.RELAY_REQUIRE_POSTGRES === '1') failed = true;
    continue;
  }
  console.log(`\n== relay tests on ${db}\n`);
  const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', '--test-reporter-destination=' + join(here, `.${db}.tap`), ...files], {
    stdio: 'inherit', env: { ...process.env, RELAY_TEST_DB: db },
  });
  const tap = (await import('node:fs')).readFileSync(join(here, `.${db}.tap`), 'utf8');
  const count = (name) => Number(/^# (\w+) (\d+)$/gm.exec(tap) && [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].at(-1)?.[1] || 0);
  summary.push(`relay (${db}): ${count('pass')} passed, ${count('fail')} failed`);
  if (run.status !== 0) failed = true;
}
console.log('');
for (const line of summary) console.log(line);
process.exit(failed ? 1 : 0);
