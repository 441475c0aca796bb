import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/** The embedded PostgreSQL (WebAssembly): one connection, in a data directory or in memory. */
export async function openPglite(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await q.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    async listen(channel, onNotify) {
      // In-process: the connection cannot be lost, so there is nothing to reconnect.
      const stop = await db.listen(channel, onNotify);
      return stop;
    },
    close: () => db.close(),
  };
}
