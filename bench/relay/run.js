#!/usr/bin/env node
// npm run bench:relay [-- --quick] [-- --only=block,fanout,list,load] [-- --database=pglite|postgres|both]
// Measures the relay (relay/dist, built by the npm script) on PGlite and on PostgreSQL, each
// case on a fresh database with relays as child processes on 127.0.0.1 and the mock chat API
// answering at once. Prints one table and writes it to bench/.out/relay-last-run.md.
// Exits 1 when a budget is missed (PostgreSQL's, or a correctness one on either database),
// 2 when the run could not start.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockCase } from './cases/block.js';
import { fanoutCase } from './cases/fanout.js';
import { listCase } from './cases/list.js';
import { loadCase } from './cases/load.js';
import { closeClient } from './client.js';
import { sizesFor } from './config.js';
import { readOptions } from './options.js';
import { openPostgres } from './postgres.js';
import { RelayTable } from './report.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '.out');
const RUNNERS = { block: blockCase, fanout: fanoutCase, list: listCase, load: loadCase };
const log = (message) => process.stderr.write(`[bench:relay] ${message}\n`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main() {
  const options = readOptions(process.argv.slice(2));
  const sizes = sizesFor(options.quick);
  const table = new RelayTable({ quick: options.quick });
  const started = Date.now();
  const loadBefore = load();
  let postgres = null;
  // Ctrl-C: exiting stops the children (ipc.js) and the throwaway cluster (postgres.js).
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  try {
    if (options.databases.includes('postgres')) postgres = await openPostgres(log);
    for (const database of options.databases) {
      const db = database === 'postgres' ? { kind: 'postgres', adminUrl: postgres.url } : { kind: 'pglite' };
      for (const name of options.only) {
        log(`${database}: ${name} (load average ${load()})`);
        try {
          table.record(database, await RUNNERS[name]({ db, sizes, log }));
        } catch (error) {
          log(`${database}: ${name} broke: ${error instanceof Error ? error.stack : error}`);
          table.broke(database, name, error);
        }
      }
    }
  } finally {
    closeClient();
    await postgres?.stop();
  }

  const mode = options.quick
    ? `quick (${sizes.loadSeconds} s of load, fewer samples; a timing budget fails only when missed by more than 25 %)`
    : `full (${sizes.loadSeconds} s of load)`;
  const machine = `${availableParallelism()} cores (os.availableParallelism()), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`
    + `${postgres ? `, PostgreSQL ${postgres.version}` : ''}; load average ${loadBefore} before, ${load()} after`;
  const notes = [
    'PostgreSQL: fan-out and load through two relay instances on one database (blocks sent through A, streams on A and B); block and list through one.',
    'PGlite: one instance (one process). Timing budgets are PostgreSQL\'s: a PGlite miss reads "miss (n/a)" and fails nothing; errors, losses and streams reached count on both.',
  ];
  const verdict = table.failures.length ? `FAIL: ${table.failures.join('; ')}` : 'every budget met';
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\nchat-block-relay bench: ${mode}\n${machine}\n\n${table.text()}\n\n${notes.join('\n')}\n\n${verdict} (${seconds} s)`);
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'relay-last-run.md'), `Mode: ${mode}. Machine: ${machine}. Took ${seconds} s.\n\n${table.markdown()}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n\n${verdict}\n`);
  return table.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
