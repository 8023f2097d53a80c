# A throwaway PostgreSQL cluster for tests and benchmarks (sourced by test.sh and benchmarks/checkout.sh).
#
#   start_throwaway_postgres   installs Debian's postgresql when missing, initialises a cluster in a temporary folder
#                              and starts it on 127.0.0.1 and a free port (from 54329 up): trust authentication,
#                              durability off (it is thrown away). Sets POSTGRES to a connection string without a
#                              database ("Host=127.0.0.1;Port=…;Username=postgres") and stops the cluster at exit.
#   postgres_sql SQL           runs SQL in the cluster's "postgres" database.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_throwaway_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing Debian's PostgreSQL…"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PGBIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  PGTMP=$(mktemp -d /tmp/ecommerce-pg.XXXXXX)
  PGPORT=54329
  while (echo >"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGTMP"; fi
  trap stop_throwaway_postgres EXIT
  echo "Starting PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT…"
  if ! as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --no-locale >"$PGTMP/initdb.log" 2>&1 \
    || ! as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 start \
         -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
    cat "$PGTMP"/*.log >&2
    return 1
  fi
  POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
}

stop_throwaway_postgres() {
  [ -n "${PGTMP:-}" ] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$PGTMP"
  PGTMP=
}

postgres_sql() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qAtc "$1"; }
