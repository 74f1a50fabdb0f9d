#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and benchmarks, on 127.0.0.1 and a free port.
#   bash scripts/pg.sh               ensure it runs; print `export CODETRAIL_TEST_PG_URL=...`
#   bash scripts/pg.sh -- CMD ARGS   ensure it runs, then run CMD with CODETRAIL_TEST_PG_URL set
#   bash scripts/pg.sh --stop        stop it
# Idempotent: a running cluster is reused. On a brand-new Debian machine it installs the
# postgresql package first. If CODETRAIL_TEST_PG_URL is already set, that server is used.
# Fails loudly (exit 1) when no PostgreSQL can be had.
set -euo pipefail

DIR="${CODETRAIL_PG_DIR:-${TMPDIR:-/tmp}/codetrail-pg}"
DB=codetrail

die() { echo "pg.sh: $*" >&2; exit 1; }

run_cmd() {
  if [ $# -gt 0 ]; then exec "$@"; fi
  echo "export CODETRAIL_TEST_PG_URL=$CODETRAIL_TEST_PG_URL"
}

mode=ensure
if [ "${1:-}" = "--stop" ]; then mode=stop; shift; fi
if [ "${1:-}" = "--" ]; then shift; fi

if [ "$mode" = ensure ] && [ -n "${CODETRAIL_TEST_PG_URL:-}" ]; then
  run_cmd "$@"
fi

find_bin() {
  local d
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  [ "$mode" = stop ] && exit 0
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not available"
  echo "pg.sh: installing PostgreSQL from Debian..." >&2
  apt-get update >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed"
  BIN="$(find_bin || true)"
  [ -n "$BIN" ] || die "postgresql installed but pg_ctl/initdb not found under /usr/lib/postgresql/*/bin"
fi

# PostgreSQL refuses to run as root: run it as the postgres user (or a dedicated one).
if [ "$(id -u)" = 0 ]; then
  RUNAS=postgres
  id -u "$RUNAS" >/dev/null 2>&1 || { RUNAS=codetrail-pg; id -u "$RUNAS" >/dev/null 2>&1 || useradd --system --no-create-home "$RUNAS"; }
  as_pg() { runuser -u "$RUNAS" -- "$@"; }
else
  RUNAS="$(id -un)"
  as_pg() { "$@"; }
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown "$RUNAS" "$DIR"
exec 9>"$DIR.lock"
flock 9

PGDATA="$DIR/data"
PGSOCK="$DIR/sock"
status() { as_pg "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

if [ "$mode" = stop ]; then
  if [ -f "$PGDATA/PG_VERSION" ] && status; then as_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >&2; fi
  exit 0
fi

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});' 2>/dev/null \
    || python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
}

if [ ! -f "$PGDATA/PG_VERSION" ]; then
  rm -rf "$PGDATA"
  as_pg mkdir -p "$PGDATA" "$PGSOCK"
  as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --locale=C -E UTF8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
fi

if ! status; then
  PORT="$(free_port)"
  [ -n "$PORT" ] || die "could not find a free port"
  as_pg mkdir -p "$PGSOCK"
  as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGSOCK -c max_connections=200" start >&2 \
    || { tail -n 30 "$DIR/server.log" >&2 || true; die "PostgreSQL did not start"; }
  echo "$PORT" >"$DIR/port"
fi
PORT="$(cat "$DIR/port")"

as_pg "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -t 30 >/dev/null || die "PostgreSQL on 127.0.0.1:$PORT is not ready"
if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE $DB" >&2
fi
flock -u 9

export CODETRAIL_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PORT/$DB"
run_cmd "$@"
