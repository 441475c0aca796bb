/**
 * The one interface the relay's SQL runs through, so the same statements run on the embedded
 * PGlite and on a real PostgreSQL. Parameters are `$1, $2…` on both.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several statements with no parameters (a migration). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with each `NOTIFY channel` payload, and `onReconnect` after a lost
   * connection was opened again (notifications in between are lost: re-read what you need).
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /** Which engine this is, for logs and the bench. */
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * Opens the database a relay is configured with: `postgres://…` URLs through node-postgres,
 * anything else as a PGlite data directory (`memory://` keeps it in memory).
 */
export async function openDatabase(location: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(location);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(location);
}
