#!/usr/bin/env bash
# Runs every test of the store on a fresh Debian machine.
#
# Installs what the tests need when it is missing, from Debian's packages: Chromium for the browser tests (never a
# downloaded browser), PostgreSQL and nginx. Starts a throwaway PostgreSQL cluster on 127.0.0.1 in a temporary
# folder, builds the solution and runs:
#   1. the service and endpoint tests (tests/unit) on SQLite,
#   2. the same tests on PostgreSQL,
#   3. the browser tests (tests/e2e) on SQLite,
#   4. a PostgreSQL smoke run of the browser tests, with two instances behind nginx (tests/e2e/Cluster),
# and ends with one line:
#   N passed, N failed
# Needs the .NET 10 SDK on PATH. Exit status is non-zero when a test fails or no test ran.
set -uo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/TestResults"

# as_root, start_throwaway_postgres: shared with the benchmarks.
source tools/throwaway-postgres.sh

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 2
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# nginx for the several-instances tests: Debian's own package, its service unused (the tests start nginx themselves
# with the sample configuration in deploy/).
if [ ! -x /usr/sbin/nginx ]; then
  echo "Installing Debian's nginx for the several-instances tests…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi

# PostgreSQL (Debian's package, installed when missing): a throwaway cluster of our own, removed at exit.
if ! start_throwaway_postgres; then
  echo "0 passed, 0 failed (PostgreSQL did not start)"
  exit 1
fi

rm -rf "$RESULTS"
echo "Building…"
if ! dotnet build Ecommerce.Web.sln -c Debug --nologo -v quiet; then
  echo "0 passed, 0 failed (the build failed)"
  exit 1
fi

status=0
# run NAME PROJECT [--filter F] [postgres]: one test run, its results in TestResults/NAME.trx
run() {
  local name=$1 project=$2 filter=$3 database=$4
  echo "Running $name…"
  if [ "$database" = postgres ]; then export ECOMMERCE_TEST_POSTGRES="$POSTGRES"; else unset ECOMMERCE_TEST_POSTGRES; fi
  dotnet test "$project" -c Debug --no-build --nologo ${filter:+--filter "$filter"} \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" || status=1
  unset ECOMMERCE_TEST_POSTGRES
}
run unit-sqlite tests/unit "" sqlite
run unit-postgres tests/unit "" postgres
run e2e-sqlite tests/e2e "Category!=Cluster" sqlite
run e2e-postgres tests/e2e "Category=Cluster|Category=PostgresSmoke" postgres

passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

echo "$passed passed, $failed failed"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
exit $status
