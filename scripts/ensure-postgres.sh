#!/usr/bin/env bash
# The PostgreSQL tests (src/server/**/postgres*.test.ts) need a database they may wipe. This prints
# its URL on stdout — TEST_DATABASE_URL when already set, else a local cluster's `callsign_test`
# database owned by role `callsign`. On Debian as root it installs `postgresql` when missing (about
# a minute), starts a cluster if none is online and creates the role and database (idempotent).
# Otherwise it explains on stderr and exits 1; `npm test` then runs without the PostgreSQL tests.
# The password is a fixed test-only one: the cluster listens on localhost and holds nothing else.
set -euo pipefail
if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "$TEST_DATABASE_URL"; exit 0; fi
ROLE=callsign DB=callsign_test PASSWORD=callsign-test
say() { echo "$*" >&2; }
skip() { say "PostgreSQL tests will be skipped: $*"; exit 1; }

if ! command -v pg_lsclusters >/dev/null; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
    skip "PostgreSQL is not installed. Install it (sudo apt-get install -y postgresql) or set TEST_DATABASE_URL."
  fi
  say "Installing Debian's postgresql for the PostgreSQL tests (about a minute)…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } >&2 || skip "apt-get install postgresql failed."
fi

# pg_lsclusters -h: "version cluster port status owner datadir logfile"
online() { pg_lsclusters -h | awk '$4 == "online" { print $1, $2, $3; exit }'; }
if [ -z "$(online)" ]; then
  [ "$(id -u)" = "0" ] || skip "no PostgreSQL cluster is running; start one (sudo pg_ctlcluster <version> main start) or set TEST_DATABASE_URL."
  if [ -z "$(pg_lsclusters -h)" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    pg_createcluster "$version" main >&2 || skip "pg_createcluster $version main failed."
  fi
  read -r version name _ < <(pg_lsclusters -h | head -1)
  pg_ctlcluster "$version" "$name" start >&2 || skip "could not start cluster $version/$name (see /var/log/postgresql)."
fi
read -r version name port < <(online)
[ -n "${port:-}" ] || skip "no PostgreSQL cluster came online."

as_postgres() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
psql_admin() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qtAc "$1"; }
if ! psql_admin "select 1" >/dev/null 2>&1; then skip "cannot connect to cluster $version/$name as postgres (run as root, or set TEST_DATABASE_URL)."; fi
psql_admin "do \$\$ begin if not exists (select from pg_roles where rolname = '$ROLE') then create role $ROLE login password '$PASSWORD'; end if; end \$\$;" >&2
[ "$(psql_admin "select 1 from pg_database where datname = '$DB'")" = "1" ] || psql_admin "create database $DB owner $ROLE" >&2

URL="postgres://$ROLE:$PASSWORD@127.0.0.1:$port/$DB"
PGCONNECT_TIMEOUT=5 psql "$URL" -qtAc "select 1" >/dev/null 2>&1 || skip "cannot sign in as $ROLE on 127.0.0.1:$port (check pg_hba.conf allows password sign-in from localhost)."
echo "$URL"
