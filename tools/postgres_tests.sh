#!/usr/bin/env bash
# The tests that need a real PostgreSQL server (moving the office's data to the server),
# against a throwaway cluster that listens on 127.0.0.1 only and is removed afterwards.
# Needs Debian's postgresql package (installed by .ci/run) and root or the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL-Tests übersprungen: kein PostgreSQL installiert (apt-get install postgresql)."
  exit 0
fi
port=${PATENBUERO_PG_PORT:-55432}
cluster=$(mktemp -d /tmp/patenbuero-pg.XXXXXX)
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
chown postgres "$cluster"
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
cleanup() {
  as_postgres "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap cleanup EXIT

echo "$password" > "$cluster/pw" && chown postgres "$cluster/pw" && chmod 600 "$cluster/pw"
as_postgres "$bin/initdb" -D "$cluster/data" -A scram-sha-256 --pwfile="$cluster/pw" \
  -U postgres >/dev/null
as_postgres "$bin/pg_ctl" -D "$cluster/data" -w -l "$cluster/log" \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster" start >/dev/null
PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q \
  -c "CREATE ROLE patenbuero LOGIN PASSWORD '$password'" \
  -c "CREATE DATABASE patenbuero_test OWNER patenbuero"

export PATENBUERO_TEST_DB="postgresql+psycopg://patenbuero:$password@127.0.0.1:$port/patenbuero_test"
.venv/bin/python -m pip install --quiet -e ".[test,postgres]"
QT_QPA_PLATFORM=offscreen .venv/bin/pytest -q -p no:cacheprovider \
  tests/services/core/test_transfer.py tests/cli/test_transfer_cli.py
