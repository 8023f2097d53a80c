#!/usr/bin/env bash
# What rate limiting costs: the same build started twice from one publish — A with RateLimiting:Enabled=false, B with
# the rate limits on (every plan raised, so that wrk's one client is counted but never refused) — each on its own
# data folder with the same generated catalog. Every target runs on A, then on B, round after round, so the machine's
# noise falls on both alike; the report gives medians and the B/A ratio per target.
#
#   benchmarks/rate-limit-ab.sh                  # 10,000 products, 5 rounds of 10 s per target and store
#   ROUNDS=3 DURATION=5s benchmarks/rate-limit-ab.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRODUCTS=${PRODUCTS:-10000}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
PORT_A=${PORT_A:-5096}
PORT_B=${PORT_B:-5097}

source "$ROOT/benchmarks/lib.sh"
ensure_wrk

WORK=$(mktemp -d /tmp/ecommerce-ab.XXXXXX)
RESULTS="$ROOT/benchmarks/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

publish_store "$WORK/app"
launch_store "$WORK/app" "$WORK/data-a" "$PORT_A" "$PRODUCTS" RateLimiting__Enabled=false
PIDS+=("$APP_PID")
launch_store "$WORK/app" "$WORK/data-b" "$PORT_B" "$PRODUCTS"
PIDS+=("$APP_PID")

# The API (where the plans apply: cached and uncached), a page (never limited) as a control, and a 404 in the envelope.
NOCACHE="Cookie: store.cart=00000000-0000-0000-0000-000000000001"
CATEGORY=$(curl -fs "http://127.0.0.1:$PORT_A/api/v1/categories" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(max(d, key=lambda c: c["productCount"])["slug"])')
declare -A URLS=(
  [api_list]="/api/v1/products?pageSize=20"
  [api_list_render]="/api/v1/products?pageSize=20"
  [api_product]="/api/v1/products/1"
  [api_not_found]="/api/v1/nothing-here"
  [category]="/c/$CATEGORY"
)
ORDER=(api_list api_list_render api_product api_not_found category)

# B must count (headers present) and never refuse; A must not count.
curl -fsI "http://127.0.0.1:$PORT_B/api/v1/products?pageSize=1" | grep -qi '^x-ratelimit-remaining' || { echo "B does not rate-limit" >&2; exit 1; }
if curl -fsI "http://127.0.0.1:$PORT_A/api/v1/products?pageSize=1" | grep -qi '^x-ratelimit-remaining'; then echo "A rate-limits" >&2; exit 1; fi

echo "Warming up…"
for name in "${ORDER[@]}"; do
  for port in "$PORT_A" "$PORT_B"; do wrk -t1 -c4 -d3s "http://127.0.0.1:$port${URLS[$name]}" >/dev/null; done
done

: >"$WORK/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    for side in A B; do
      port=$PORT_A; [ "$side" = B ] && port=$PORT_B
      header=(); [[ "$name" == *_render ]] && header=(-H "$NOCACHE")
      echo "round $round/$ROUNDS: $name on $side"
      out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" -s "$ROOT/benchmarks/percentiles.lua" "http://127.0.0.1:$port${URLS[$name]}")
      echo "$name $side $(echo "$out" | grep '^RESULT')" >>"$WORK/results.txt"
    done
  done
done

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
python3 - "$WORK/results.txt" "$PRODUCTS" "$ROUNDS" "$DURATION" "$CONNECTIONS" "$CATEGORY" "$CPU" "$STAMP" <<'PY' | tee "$RESULTS/$STAMP-rate-limit-ab.md"
import re, statistics, sys
path, products, rounds, duration, conns, category, cpu, stamp = sys.argv[1:]
rows = {}
for line in open(path):
    name, side, rest = line.split(" ", 2)
    values = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)}
    rows.setdefault((name, side), []).append(values)
med = lambda name, side, key: statistics.median(r[key] for r in rows[(name, side)])
labels = {
    "api_list": "`/api/v1/products?pageSize=20` (cached)",
    "api_list_render": "API list, cache bypassed",
    "api_product": "`/api/v1/products/1` (cached)",
    "api_not_found": "`/api/v1/nothing-here` (404 envelope)",
    "category": f"`/c/{category}` page (not limited; control)",
}
print(f"Run {stamp}: {products} products, {rounds} rounds × {duration} per target and store, interleaved, wrk -t1 -c{conns}, on {cpu}.")
print("A: RateLimiting:Enabled=false. B: rate limits on (plans raised so the one client is counted, never refused).")
print()
print("| target | A req/s | B req/s | B/A | A p95 ms | B p95 ms | non-2xx/404 on B |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, label in labels.items():
    a, b = med(name, "A", "rps"), med(name, "B", "rps")
    refused = int(sum(r["non2xx"] for r in rows[(name, "B")])) if name != "api_not_found" else "—"
    print(f"| {label} | {a:,.0f} | {b:,.0f} | {b/a:.0%} | {med(name,'A','p95'):.2f} | {med(name,'B','p95'):.2f} | {refused} |")
PY
echo
echo "Saved: $RESULTS/$STAMP-rate-limit-ab.md"
