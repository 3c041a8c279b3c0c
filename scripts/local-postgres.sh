#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the database tests and prints its URL.
# Usage: eval "$(bash scripts/local-postgres.sh)"   (sets TEST_DATABASE_URL)
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[[ -n $bin && -x $bin/initdb ]] || { echo "echo 'no PostgreSQL server installed' >&2"; exit 0; }
port=${PGPORT_TEST:-54329}
dir=${PGDATA_TEST:-/tmp/tech-playground-pg}
owner=postgres
id -u "$owner" >/dev/null 2>&1 || owner=$(id -un)
if ! [[ -f $dir/PG_VERSION ]]; then
  rm -rf "$dir"; mkdir -p "$dir"; chown "$owner" "$dir"
  runuser -u "$owner" -- "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null 2>&1 \
    || "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
fi
if ! runuser -u "$owner" -- "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  runuser -u "$owner" -- "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
fi
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
