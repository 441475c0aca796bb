import type { Database } from './database.js';

/**
 * The schema, as numbered migrations. Each runs once, in order, in its own transaction; the
 * applied ones are recorded in `relay_migrations`. Never edit one that has shipped: add the next.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'customer state, audit log, change log, idempotency keys',
    sql: `
      -- Every change of any customer takes the next value: a revision orders changes per
      -- customer and is the event stream's id. Writers take one advisory lock first, so
      -- revisions commit in order and a stream resumed after N never skips one.
      CREATE SEQUENCE change_revision;

      -- What is in force per customer (confirmed by the chat API, or seeded), plus the intent
      -- the relay has committed and is still getting the chat API to confirm (pending_*).
      CREATE TABLE customer_state (
        phone            text PRIMARY KEY,
        name             text,
        search           text NOT NULL DEFAULT '',
        blocked          boolean NOT NULL DEFAULT false,
        reason           text,
        until            timestamptz,
        by_id            text,
        by_name          text,
        at               timestamptz,
        revision         bigint NOT NULL,
        pending_action   text CHECK (pending_action IN ('block', 'unblock')),
        pending_reason   text,
        pending_until    timestamptz,
        pending_by_id    text,
        pending_by_name  text,
        pending_since    timestamptz,
        pending_id       bigint,
        pending_key      text,
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz,
        lease_until      timestamptz,
        last_error       text
      );
      CREATE INDEX customer_state_listed ON customer_state ((coalesce(at, pending_since)) DESC, phone DESC)
        WHERE blocked OR pending_action = 'block';
      CREATE INDEX customer_state_due ON customer_state (next_attempt_at) WHERE pending_action IS NOT NULL;
      CREATE INDEX customer_state_expiring ON customer_state (until) WHERE blocked AND until IS NOT NULL;

      -- Append-only: one row per request and per outcome (requested, confirmed, unconfirmed,
      -- refused, expired, superseded), with who asked and what the chat API answered.
      CREATE TABLE audit_log (
        id               bigserial PRIMARY KEY,
        at               timestamptz NOT NULL DEFAULT now(),
        phone            text NOT NULL,
        agent_id         text NOT NULL,
        agent_name       text NOT NULL,
        action           text NOT NULL,
        event            text NOT NULL,
        reason           text,
        until            timestamptz,
        idempotency_key  text,
        upstream_status  integer,
        detail           text
      );
      CREATE INDEX audit_log_phone ON audit_log (phone, id);

      -- Every committed state, by revision: the event stream resumes from it.
      CREATE TABLE change_log (
        revision         bigint PRIMARY KEY,
        phone            text NOT NULL,
        state            jsonb NOT NULL,
        at               timestamptz NOT NULL DEFAULT now()
      );

      -- Idempotency-Key (IETF draft): the first result per agent and key, for 24 hours.
      CREATE TABLE idempotency_keys (
        agent_id         text NOT NULL,
        key              text NOT NULL,
        fingerprint      text NOT NULL,
        phone            text NOT NULL,
        status           integer,
        body             jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agent_id, key)
      );
      CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
    `,
  },
  {
    version: 2,
    name: 'which call holds the lease, and how far the change log was pruned',
    sql: `
      -- The intent whose call upstream holds the lease. A newer intent committed while an
      -- older call is still in flight waits for it, so the chat API hears them in order.
      ALTER TABLE customer_state ADD COLUMN lease_intent bigint;

      -- Counters kept by the relay itself: 'pruned_through' is the newest revision deleted
      -- from the change log (a stream resumed from before it is told to re-read).
      CREATE TABLE relay_counters (
        name             text PRIMARY KEY,
        value            bigint NOT NULL
      );
      INSERT INTO relay_counters (name, value) VALUES ('pruned_through', 0);
      CREATE INDEX change_log_at ON change_log (at);
    `,
  },
  {
    version: 3,
    name: 'list a pending block by when it was asked for',
    sql: `
      -- A blocked customer is listed by when the block was confirmed; one not blocked yet
      -- with a block pending, by when it was asked for (not by when they were last unblocked).
      DROP INDEX customer_state_listed;
      CREATE INDEX customer_state_listing ON customer_state ((CASE WHEN blocked THEN at ELSE pending_since END) DESC, phone DESC)
        WHERE blocked OR pending_action = 'block';
    `,
  },
];

/** Brings the schema up to date. Safe to run from several instances at once (an advisory lock). */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(727100)`);
    await tx.query(`CREATE TABLE IF NOT EXISTS relay_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>(`SELECT version FROM relay_migrations`)).map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO relay_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
