// PGlite's first start runs initdb (seconds on a busy machine); loading a saved data directory
// takes half a second. The tests save one fresh, empty data directory per PGlite version (in
// the OS temp folder) and start every embedded database from it. The relay migrates it as usual.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

// The package does not export its package.json: read it beside its entry point.
const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
const { version } = JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf('/pglite/') + 8), 'package.json'), 'utf8'));
const file = join(tmpdir(), `chat-block-relay-test-pglite-${version}.tar`);
let template = null;

async function load() {
  if (!existsSync(file)) {
    const db = await PGlite.create();
    const dump = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
    await db.close();
    // Written whole, then renamed: another test process never reads half of it.
    writeFileSync(`${file}.${process.pid}`, dump);
    renameSync(`${file}.${process.pid}`, file);
  }
  return new Blob([readFileSync(file)]);
}

/** A fresh PGlite, in memory or in `dataDir` (which then holds an initialised database). */
export async function templatedPglite(dataDir) {
  template ??= load();
  return PGlite.create(dataDir, { loadDataDir: await template });
}
