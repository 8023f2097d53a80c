#!/usr/bin/env bash
# Back-office product grid benchmark.
#
# Publishes the store in Release, starts it in Production with a generated catalog (100,000 products by default)
# and measures, with wrk, how long the product grid's data takes: the first page (every status, newest change
# first, 25 rows) and filtered pages (a word search with a stock filter sorted by price; a category with its
# sub-categories sorted by name; archived products only). It calls GET /api/v1/admin/products, which runs the
# same ProductAdminService.ListAsync query the /admin/products grid runs for each page it shows.
# Reports median latency percentiles at 1 and 4 concurrent clients over ROUNDS rounds.
#
#   benchmarks/admin-grid.sh
#   PRODUCTS=10000 ROUNDS=1 benchmarks/admin-grid.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRODUCTS=${PRODUCTS:-100000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
PORT=${PORT:-5098}
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL=bench-admin@example.com
ADMIN_PASSWORD='Bench-Admin-Pass1!'

source "$ROOT/benchmarks/lib.sh"
ensure_wrk

WORK=$(mktemp -d /tmp/ecommerce-grid.XXXXXX)
RESULTS="$ROOT/benchmarks/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS"
cleanup() { [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

start_store "$WORK" "$PORT" "$PRODUCTS" Admin__Email="$ADMIN_EMAIL" Admin__Password="$ADMIN_PASSWORD" Caching__CatalogSeconds=0

TOKEN=$(curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["accessToken"])')
CATEGORY=$(curl -fs "$BASE/api/v1/categories" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(max(d, key=lambda c: c["productCount"])["id"])')
TOTAL=$(curl -fs "$BASE/api/v1/admin/products?pageSize=1" -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["totalCount"])')

declare -A URLS=(
  [first_page]="/api/v1/admin/products?pageSize=25"
  [search_low_stock]="/api/v1/admin/products?pageSize=25&search=oak%20lamp&stock=inStock&status=active&sortBy=price&sortOrder=asc"
  [category_by_name]="/api/v1/admin/products?pageSize=25&categoryId=$CATEGORY&sortBy=name&sortOrder=asc&pageNumber=3"
  [archived]="/api/v1/admin/products?pageSize=25&status=archived"
)
ORDER=(first_page search_low_stock category_by_name archived)

for name in "${ORDER[@]}"; do
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE${URLS[$name]}" || { echo "$name failed" >&2; exit 1; }
  wrk -t1 -c1 -d2s -H "Authorization: Bearer $TOKEN" "$BASE${URLS[$name]}" >/dev/null
done

: >"$WORK/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  for conns in 1 4; do
    for name in "${ORDER[@]}"; do
      echo "round $round/$ROUNDS, $conns client(s): $name"
      out=$(wrk -t1 -c"$conns" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" -s "$ROOT/benchmarks/percentiles.lua" "$BASE${URLS[$name]}")
      echo "$name $conns $(echo "$out" | grep '^RESULT')" >>"$WORK/results.txt"
    done
  done
done

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
python3 - "$WORK/results.txt" "$TOTAL" "$ROUNDS" "$DURATION" "$CPU" "$STAMP" <<'PY' | tee "$RESULTS/$STAMP-admin-grid.md"
import re, statistics, sys, os
path, total, rounds, duration, cpu, stamp = sys.argv[1:]
rows = {}
for line in open(path):
    name, conns, rest = line.split(" ", 2)
    values = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)}
    rows.setdefault((name, int(conns)), []).append(values)
labels = {
    "first_page": "first page: all statuses, newest change first",
    "search_low_stock": "search \"oak lamp\", in stock, active, by price",
    "category_by_name": "a category (with sub-categories), by name, page 3",
    "archived": "archived only",
}
print(f"Run {stamp}: {int(total):,} products, {rounds} round(s) × {duration} per target, on {cpu} ({os.cpu_count()} cores).")
print()
print("| grid page | clients | req/s | p50 ms | p95 ms | p99 ms | errors |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for (name, conns), values in rows.items():
    med = lambda k: statistics.median(v[k] for v in values)
    print(f"| {labels[name]} | {conns} | {med('rps'):,.0f} | {med('p50'):.1f} | {med('p95'):.1f} | {med('p99'):.1f} | {int(sum(v['errors'] for v in values))} |")
PY
echo "Saved: $RESULTS/$STAMP-admin-grid.md"
