// What each case runs against, started fresh for it: the mock chat API, a new database
// (a new PostgreSQL database, or PGlite in memory) and one or more relay processes on it.
import { fileURLToPath } from 'node:url';
import { signIn } from './client.js';
import { startChild } from './ipc.js';
import { freshDatabase } from './postgres.js';

const RELAY = fileURLToPath(new URL('./relay-process.js', import.meta.url));
const MOCK = fileURLToPath(new URL('./mock-process.js', import.meta.url));

/**
 * `{ urls, relays, mock, cookie, stop() }`. `instances` > 1 needs PostgreSQL (PGlite is one
 * process). `db` is `{ kind: 'pglite' }` or `{ kind: 'postgres', adminUrl }`.
 */
export async function startStack(db, instances = 1) {
  if (instances > 1 && db.kind !== 'postgres') throw new Error('several relay instances need PostgreSQL');
  const mock = await startChild(MOCK);
  const database = db.kind === 'postgres' ? await freshDatabase(db.adminUrl) : { url: 'memory://', drop: async () => {} };
  const relays = [];
  const stop = async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await mock.stop();
    await database.drop();
  };
  try {
    // One after the other: the first migrates the new database, the next finds it done.
    for (let i = 0; i < instances; i++) {
      relays.push(await startChild(RELAY, { BENCH_DATABASE: database.url, BENCH_UPSTREAM: mock.ready.url }));
    }
    const urls = relays.map((r) => r.ready.url);
    // One cookie for all: every instance signs with the same secret.
    return { urls, relays, mock, cookie: await signIn(urls[0]), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs `work(stack)` on a fresh stack, and stops it however `work` ends. */
export async function withStack(db, instances, work) {
  const stack = await startStack(db, instances);
  try {
    return await work(stack);
  } finally {
    await stack.stop();
  }
}
