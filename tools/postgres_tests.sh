#!/usr/bin/env bash
# The whole test suite a second time, against PostgreSQL: a throwaway cluster that listens
# on 127.0.0.1 only and is removed afterwards. With PATENBUERO_TEST_DB set, every test's
# `db`/`demo_db` is its own database on that server (cloned from a template), the tests
# about SQLite files skip with their reason, and the transfer tests move a SQLite file
# onto the server. Needs Debian's postgresql package (installed by .ci/run) and root or
# the postgres user. Extra arguments go to pytest (e.g. tests/services).
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
# UTF-8 with German collation (ICU, PostgreSQL 15+), as on an office's server.
locale_options=(--encoding=UTF8 --locale=C.UTF-8)
if [ "$(basename "$(dirname "$bin")")" -ge 15 ]; then
  locale_options+=(--locale-provider=icu --icu-locale=de-DE)
fi
as_postgres "$bin/initdb" -D "$cluster/data" -A scram-sha-256 --pwfile="$cluster/pw" \
  -U postgres "${locale_options[@]}" >/dev/null
# A scratch cluster: durability off (a crash loses nothing worth keeping) makes the
# ~900 CREATE DATABASE … TEMPLATE of a run fast; no autovacuum worker blocks a drop.
as_postgres "$bin/pg_ctl" -D "$cluster/data" -w -l "$cluster/log" \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off \
      -c max_connections=200" start >/dev/null
# The test role clones one database per test (CREATEDB) and drops it with the
# connections a test left open (pg_signal_backend).
PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q \
  -c "CREATE ROLE patenbuero LOGIN CREATEDB PASSWORD '$password'" \
  -c "GRANT pg_signal_backend TO patenbuero" \
  -c "CREATE DATABASE patenbuero_test OWNER patenbuero"

export PATENBUERO_TEST_DB="postgresql+psycopg://patenbuero:$password@127.0.0.1:$port/patenbuero_test"
.venv/bin/python -m pip install --quiet -e ".[test,postgres]"
echo "Testsuite gegen PostgreSQL $("$bin/postgres" --version | awk '{print $3}') (127.0.0.1:$port):"
started=$(date +%s)
QT_QPA_PLATFORM=offscreen .venv/bin/pytest -q -p no:cacheprovider "$@"
echo "PostgreSQL-Lauf: $(( $(date +%s) - started )) s"
