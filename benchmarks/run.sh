#!/usr/bin/env bash
# Storefront and API throughput benchmark.
#
# Publishes the store in Release, starts it in Production on 127.0.0.1 with a generated catalog
# (Seed:SyntheticProducts, 10,000 products by default) and measures, with wrk, requests/second and latency
# percentiles for the home page, a category page, a product page, the API product list and the API search,
# plus a static file of the same size as the category page served by the same Kestrel (the baseline).
# A signed-in shopper with a cart (a customer signed in through the sign-in form at start, see shopper.py) asks for
# the category and product pages and for the per-visitor summary that fills in the personal parts of the page.
# Each target runs ROUNDS times, interleaved; the report gives medians and the ratios to the baseline.
#
#   benchmarks/run.sh                 # 10,000 products, 3 rounds of 15 s per target
#   PRODUCTS=100000 ROUNDS=1 benchmarks/run.sh
#
# Settings (environment): PRODUCTS, ROUNDS, DURATION (wrk -d), CONNECTIONS (wrk -c), THREADS (wrk -t), PORT, and
# STORE_ENV: extra settings for the store, e.g. STORE_ENV="RateLimiting__Enabled=false" to measure without rate limits;
# TARGETS: a subset of the targets below, e.g. TARGETS="static category category_shopper category_render summary";
# APP: an already published store to measure instead of publishing this tree (e.g. an older version, for a
# before/after comparison on the same machine); PROVIDER=postgres: the store on a throwaway local PostgreSQL
# (tools/throwaway-postgres.sh) instead of SQLite.
# Output: a Markdown table on stdout and benchmarks/results/<timestamp>.md; raw wrk output next to it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRODUCTS=${PRODUCTS:-10000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
PORT=${PORT:-5099}
BASE="http://127.0.0.1:$PORT"

source "$ROOT/benchmarks/lib.sh"
ensure_wrk

WORK=$(mktemp -d /tmp/ecommerce-bench.XXXXXX)
RESULTS="$ROOT/benchmarks/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS"
RAW="$RESULTS/$STAMP.raw.txt"

cleanup() { [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true; [ "${PROVIDER:-}" = postgres ] && stop_throwaway_postgres; rm -rf "$WORK"; }
trap cleanup EXIT

if [ "${PROVIDER:-sqlite}" = postgres ]; then
  source "$ROOT/tools/throwaway-postgres.sh"
  start_throwaway_postgres
  trap cleanup EXIT
  postgres_sql "CREATE DATABASE bench"
  STORE_ENV="Database__Provider=Postgres ConnectionStrings__Ecommerce=$POSTGRES;Database=bench ${STORE_ENV:-}"
fi

# shellcheck disable=SC2086 # STORE_ENV holds several assignments
if [ -n "${APP:-}" ]; then
  launch_store "$APP" "$WORK/data" "$PORT" "$PRODUCTS" ${STORE_ENV:-}
else
  start_store "$WORK" "$PORT" "$PRODUCTS" ${STORE_ENV:-}
fi

# Targets: the largest top-level category, a product from it, a search that matches many products.
CATEGORY=$(curl -fs "$BASE/api/v1/categories" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(max(d, key=lambda c: c["productCount"])["slug"])')
PRODUCT=$(curl -fs "$BASE/api/v1/products?category=$CATEGORY&pageSize=1&sortBy=rating" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["items"][0]["slug"])')
SEARCH=lamp

# The baseline: a static file with exactly the category page's size, served from the data folder's media directory.
curl -fs "$BASE/c/$CATEGORY" -o "$WORK/category.html"
PAGE_BYTES=$(stat -c %s "$WORK/category.html")
mkdir -p "$WORK/data/media"
cp "$WORK/category.html" "$WORK/data/media/baseline.html"
curl -fs "$BASE/media/baseline.html" -o /dev/null

# A signed-in shopper with a cart and a favourite; session.lua sends their cookie and follows its renewals.
FIRST_ID=$(grep -o 'name="productId" value="[0-9]*"' "$WORK/category.html" | head -1 | grep -o '[0-9]*')
SHOPPER_COOKIE=$(python3 "$ROOT/benchmarks/shopper.py" "$BASE" "$FIRST_ID")
# The summary a page asks for (the personal parts: cart count, name, favourites among the page's products).
PAGE_IDS=$(grep -o 'name="productId" value="[0-9]*"' "$WORK/category.html" | grep -o '[0-9]*' | awk '!seen[$0]++' | paste -sd, -)
SUMMARY="/me/summary?products=$PAGE_IDS"

# Each target: a path, and how it is asked for. Requests with an Authorization header are never answered from the
# catalog output cache (Caching:CatalogSeconds): the *_render targets send one and measure a full render.
NOCACHE="Authorization: Bearer benchmark-full-render"
declare -A URLS=(
  [static]="/media/baseline.html"
  [home]="/"
  [category]="/c/$CATEGORY"
  [category_render]="/c/$CATEGORY"
  [product]="/products/$PRODUCT"
  [product_render]="/products/$PRODUCT"
  [category_shopper]="/c/$CATEGORY"
  [product_shopper]="/products/$PRODUCT"
  [summary]="$SUMMARY"
  [api_list]="/api/v1/products?pageSize=20"
  [api_list_render]="/api/v1/products?pageSize=20"
  [api_search]="/api/v1/products/search?q=$SEARCH&pageSize=20"
  [api_search_render]="/api/v1/products/search?q=$SEARCH&pageSize=20"
)
ORDER=(static home category category_render category_shopper product product_render product_shopper api_list api_list_render api_search api_search_render)
# The summary endpoint exists from issue 9 on; runs of older versions leave it out.
if curl -fs -H "Cookie: $SHOPPER_COOKIE" "$BASE$SUMMARY" -o /dev/null; then ORDER+=(summary); fi
if [ -n "${TARGETS:-}" ]; then
  wanted=" $TARGETS "; subset=()
  for name in "${ORDER[@]}"; do [[ "$wanted" == *" $name "* ]] && subset+=("$name"); done
  ORDER=("${subset[@]}")
fi

echo "Warming up…"
for name in "${ORDER[@]}"; do wrk -t1 -c4 -d3s "$BASE${URLS[$name]}" >/dev/null; done
export BENCH_DIR="$ROOT/benchmarks" BENCH_COOKIE="$SHOPPER_COOKIE"

: >"$RAW"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    echo "round $round/$ROUNDS: $name"
    header=(); script=percentiles.lua
    [[ "$name" == *_render ]] && header=(-H "$NOCACHE")
    [[ "$name" == *_shopper || "$name" == summary ]] && script=session.lua
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" -s "$ROOT/benchmarks/$script" "$BASE${URLS[$name]}")
    { echo "### round $round $name ${URLS[$name]} ${header[*]}"; echo "$out"; } >>"$RAW"
    line=$(echo "$out" | grep '^RESULT')
    echo "$name $line" >>"$WORK/results.txt"
  done
done

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
python3 - "$WORK/results.txt" "$PRODUCTS" "$ROUNDS" "$DURATION" "$CONNECTIONS" "$THREADS" "$PAGE_BYTES" "$CATEGORY" "$PRODUCT" "$SEARCH" "$CPU" "$STAMP" "${STORE_ENV:-}" <<'PY' | tee "$RESULTS/$STAMP.md"
import re, statistics, sys
path, products, rounds, duration, conns, threads, page_bytes, category, product, search, cpu, stamp, store_env = sys.argv[1:]
rows = {}
for line in open(path):
    name, rest = line.split(" ", 1)
    values = dict(re.findall(r"(\w+)=([\d.]+)", rest))
    rows.setdefault(name, []).append({k: float(v) for k, v in values.items()})
med = lambda name, key: statistics.median(r[key] for r in rows[name])
static = med("static", "rps")
labels = {
    "static": f"static file, {page_bytes} bytes (baseline)",
    "home": "`/` home page",
    "category": f"`/c/{category}` category page",
    "category_render": f"`/c/{category}`, cache bypassed (full render)",
    "category_shopper": f"`/c/{category}`, signed-in shopper with a cart",
    "product": f"`/products/{product}`",
    "product_render": "product page, cache bypassed",
    "product_shopper": "product page, signed-in shopper with a cart",
    "summary": "`/me/summary` (personal parts of a category page), signed-in shopper",
    "api_list": "`/api/v1/products?pageSize=20`",
    "api_list_render": "API list, cache bypassed",
    "api_search": f"`/api/v1/products/search?q={search}`",
    "api_search_render": "API search, cache bypassed",
}
print(f"Run {stamp}: {products} products, {rounds} round(s) × {duration} per target, wrk -t{threads} -c{conns}, on {cpu} ({__import__('os').cpu_count()} cores).")
print(f"Store settings: {store_env or 'defaults (rate limiting on, plans raised for the one load-generating client)'}.")
print()
print("| target | req/s (median) | vs static | p50 ms | p95 ms | p99 ms | errors |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for name in (n for n in labels if n in rows):
    errors = int(sum(r["errors"] for r in rows[name]))
    print(f"| {labels[name]} | {med(name,'rps'):,.0f} | {med(name,'rps')/static:.0%} | {med(name,'p50'):.2f} | {med(name,'p95'):.2f} | {med(name,'p99'):.2f} | {errors} |")
PY
echo
echo "Saved: $RESULTS/$STAMP.md (raw wrk output: $RAW)"
