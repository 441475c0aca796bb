#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the relay's tests and bench (Debian's
# `postgresql` package; nothing else is touched: its own data directory, port and socket).
#
#   scripts/pg-throwaway.sh start [port]   prints TEST_DATABASE_URL=postgres://… (default port 54329)
#   scripts/pg-throwaway.sh stop           stops it and deletes its data directory
#
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail
state=${PG_THROWAWAY_DIR:-/tmp/chat-block-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (Debian: sudo apt-get install -y postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    port=${2:-54329}
    if [ -f "$state/data/postmaster.pid" ]; then "$0" stop >/dev/null 2>&1 || true; fi
    rm -rf "$state"
    mkdir -p "$state"
    [ "$(id -u)" = 0 ] && chown postgres "$state"
    as_owner "$bin/initdb" -D "$state/data" -U postgres -A trust --no-sync -E UTF8 >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    # Durability is not what these tests measure: fsync off keeps a throwaway cluster fast.
    as_owner "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 30 \
      -o "-h 127.0.0.1 -p $port -k $state -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
      || { cat "$state/server.log" >&2; exit 1; }
    echo "$port" >"$state/port"
    echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$state/data" ]; then as_owner "$bin/pg_ctl" -D "$state/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$state"
    ;;
  restart)
    # Stops and starts the same cluster (the relay's database-restart test).
    as_owner "$bin/pg_ctl" -D "$state/data" -m fast -w restart >/dev/null
    ;;
  *)
    echo "usage: $0 start [port] | stop | restart" >&2
    exit 2
    ;;
esac
