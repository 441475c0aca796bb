import pg from 'pg';
import type { Database, Queryable } from './database.js';

/** A real PostgreSQL through node-postgres: a pool for queries, one client kept for LISTEN. */
export async function openPostgres(url: string): Promise<Database> {
  // TCP keepalive: a connection dropped without a reset is noticed, not waited on for ever.
  const pool = new pg.Pool({ connectionString: url, max: 10, keepAlive: true });
  // An idle pooled client that loses its server emits 'error' on the pool, which drops it.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const listeners = new Set<() => Promise<void>>();
  let closed = false;
  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      // A connection lost mid-transaction rejects its query; the client's own event is not a crash.
      const ignore = () => {};
      client.on('error', ignore);
      let failure: unknown = null;
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
          exec: async (sql: string) => void (await client.query(sql)),
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        failure = error;
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.off('error', ignore);
        // After a failure the connection may be dead (a database restart): never pool it again.
        client.release(failure ? true : undefined);
      }
    },
    async listen(channel, onNotify, onReconnect) {
      let client: pg.Client | null = null;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let retryMs = 100;
      const again = () => {
        if (stopped || closed) return;
        timer = setTimeout(() => {
          timer = null;
          void connect(true);
        }, retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      };
      // Opens the LISTEN connection; after a loss (server restart, network) opens it again with
      // backoff, and says so, since notifications sent in between are gone.
      const connect = async (reconnecting: boolean): Promise<void> => {
        const next = new pg.Client({ connectionString: url, keepAlive: true });
        next.on('notification', (message) => {
          if (message.channel === channel) onNotify(message.payload ?? '');
        });
        next.on('error', () => {});
        next.on('end', () => {
          if (client !== next) return;
          client = null;
          again();
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        } catch (error) {
          await next.end().catch(() => {});
          if (!reconnecting) throw error;
          return again();
        }
        if (stopped || closed) return void (await next.end().catch(() => {}));
        retryMs = 100;
        client = next;
        if (reconnecting) onReconnect?.();
      };
      await connect(false);
      const stop = async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        listeners.delete(stop);
        const last = client;
        client = null;
        await last?.end().catch(() => {});
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}
