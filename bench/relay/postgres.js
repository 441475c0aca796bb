// The PostgreSQL the bench runs on: BENCH_DATABASE_URL or TEST_DATABASE_URL (a server where
// it may create databases), else a throwaway cluster of its own (scripts/pg-throwaway.sh),
// stopped at the end. Each case gets a database of its own, dropped after it.
import { execFile, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const THROWAWAY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'pg-throwaway.sh');
const PORT = '54330';
// Its own state directory: the script's default is the relay tests' cluster, which another
// run may be using at the same time (the script stops whatever cluster is in its directory).
const STATE = `/tmp/chat-block-bench-pg-${process.pid}`;
const run = promisify(execFile);

/** `{ url, stop(), version }`: the admin URL, and how to stop what was started for it. */
export async function openPostgres(log) {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let url = given;
  let stop = async () => {};
  if (!given) {
    log(`no BENCH_DATABASE_URL or TEST_DATABASE_URL: starting a throwaway cluster on 127.0.0.1:${PORT}`);
    const env = { ...process.env, PG_THROWAWAY_DIR: STATE };
    let running = true;
    // However the bench ends (a crash included), the cluster and its directory go with it.
    const stopNow = () => running && ((running = false), execFileSync(THROWAWAY, ['stop'], { env, stdio: 'ignore' }));
    process.on('exit', stopNow);
    stop = async () => {
      if (running) await run(THROWAWAY, ['stop'], { env }).finally(() => (running = false));
    };
    try {
      url = /TEST_DATABASE_URL=(\S+)/.exec((await run(THROWAWAY, ['start', PORT], { env })).stdout)?.[1];
      if (!url) throw new Error('pg-throwaway.sh printed no URL');
    } catch (error) {
      stopNow();
      throw error;
    }
  }
  try {
    const [{ server_version: version }] = await admin(url, 'SHOW server_version');
    return { url, stop, version };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server at `adminUrl`: `{ url, drop() }`. */
export async function freshDatabase(adminUrl) {
  const name = `relay_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: String(url), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
