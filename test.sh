#!/usr/bin/env bash
# Runs every test of the store on a fresh Debian machine.
#
# Installs what the tests need when it is missing (Debian's Chromium for the browser tests; never a
# downloaded browser), builds the solution, runs all test projects and ends with one line:
#   N passed, N failed
# Needs the .NET 10 SDK on PATH. Exit status is non-zero when a test fails or no test ran.
set -uo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/TestResults"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 2
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

rm -rf "$RESULTS"
echo "Building…"
if ! dotnet build Ecommerce.Web.sln -c Debug --nologo -v quiet; then
  echo "0 passed, 0 failed (the build failed)"
  exit 1
fi

status=0
for project in tests/unit tests/e2e; do
  name=$(basename "$project")
  echo "Running $name tests…"
  dotnet test "$project" -c Debug --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" || status=1
done

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
