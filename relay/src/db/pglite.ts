import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/** The embedded PostgreSQL (WebAssembly): one connection, in a data directory or in memory. */
export async function openPglite(dataDir: string): Promise<Database> {
  return wrapPglite(await PGlite.create(dataDir === 'memory://' ? undefined : dataDir));
}

/** A PGlite opened by the caller (say, from a saved data directory), as the relay's `Database`. */
export function wrapPglite(db: PGlite): Database {
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
    // In-process: the connection cannot be lost, so there is nothing to reconnect.
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    close: () => db.close(),
  };
}
