#!/usr/bin/env bash
# Checkout throughput: 16 buyers at once, each with its own account, each putting a product into the cart and placing
# the order again and again (benchmarks/CheckoutLoad). Three set-ups from one publish, measured round after round so
# that the machine's noise falls on all alike:
#   sqlite    one instance on SQLite (the embedded default)
#   pg-1      one instance on PostgreSQL (a throwaway local cluster, durability off like the test cluster)
#   pg-2      two instances on that PostgreSQL database, the buyers spread over both
# Two workloads: "hot" — every buyer orders the same product (every checkout updates one row); "spread" — each buyer
# its own product (as orders spread over a catalog). The report (benchmarks/results/<stamp>-checkout.md) gives the
# median of the rounds for each workload and set-up.
#
#   benchmarks/checkout.sh                       # 3 rounds of 20 s (after 5 s of warm-up) per set-up
#   ROUNDS=5 DURATION=30 BUYERS=32 benchmarks/checkout.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20}
BUYERS=${BUYERS:-16}

source "$ROOT/benchmarks/lib.sh"
source "$ROOT/tools/throwaway-postgres.sh"

WORK=$(mktemp -d /tmp/ecommerce-checkout.XXXXXX)
RESULTS="$ROOT/benchmarks/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_throwaway_postgres; rm -rf "$WORK"; }
trap cleanup EXIT

publish_store "$WORK/app"
echo "Building the load client…"
dotnet build "$ROOT/benchmarks/CheckoutLoad" -c Release -o "$WORK/load" --nologo -v quiet >/dev/null
start_throwaway_postgres
trap cleanup EXIT
postgres_sql "CREATE DATABASE bench"

ADMIN_EMAIL=admin@bench.example
ADMIN_PASSWORD=Bench-Admin-Pass1!
# Rate limits off: 16 accounts registering and ordering from one address would meet the per-address action limits,
# and their cost is measured on its own (rate-limit-ab.sh).
COMMON=(Admin__Email=$ADMIN_EMAIL Admin__Password=$ADMIN_PASSWORD RateLimiting__Enabled=false)
PG=(Database__Provider=Postgres "ConnectionStrings__Ecommerce=$POSTGRES;Database=bench;Maximum Pool Size=100")

launch_store "$WORK/app" "$WORK/sqlite" 5131 0 "${COMMON[@]}"; PIDS+=("$APP_PID")
launch_store "$WORK/app" "$WORK/pg-a" 5132 0 "${COMMON[@]}" "${PG[@]}"; PIDS+=("$APP_PID")
launch_store "$WORK/app" "$WORK/pg-b" 5133 0 "${COMMON[@]}" "${PG[@]}"; PIDS+=("$APP_PID")

declare -A URLS=(
  [sqlite]="http://127.0.0.1:5131"
  [pg-1]="http://127.0.0.1:5132"
  [pg-2]="http://127.0.0.1:5132,http://127.0.0.1:5133"
)
ORDER=(sqlite pg-1 pg-2)
RAW="$RESULTS/$STAMP-checkout.raw.txt"
: >"$RAW"
for round in $(seq 1 "$ROUNDS"); do
  for workload in hot spread; do
    for setup in "${ORDER[@]}"; do
      echo "Round $round, $workload, $setup…"
      line=$(dotnet "$WORK/load/CheckoutLoad.dll" --url "${URLS[$setup]}" --buyers "$BUYERS" --seconds "$DURATION" \
        --admin "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" $([ "$workload" = spread ] && echo --spread))
      echo "$workload/$setup $line" | tee -a "$RAW"
    done
  done
done

# Medians per set-up.
REPORT="$RESULTS/$STAMP-checkout.md"
python3 - "$RAW" "$REPORT" "$BUYERS" "$DURATION" "$ROUNDS" <<'PY'
import statistics, sys
raw, report, buyers, duration, rounds = sys.argv[1:]
runs = {}
for line in open(raw):
    setup, *pairs = line.split()
    runs.setdefault(setup, []).append({k: float(v) for k, v in (p.split("=") for p in pairs)})
names = {"sqlite": "SQLite, 1 instance", "pg-1": "PostgreSQL, 1 instance", "pg-2": "PostgreSQL, 2 instances"}
workloads = {"hot": "one product for all", "spread": "a product per buyer"}
out = [f"Checkout throughput: {buyers} buyers, {rounds} rounds of {duration} s per workload and set-up (medians of the rounds).", "",
       "| workload | set-up | orders/s | order p50 ms | order p95 ms | order p99 ms | cycle p50 ms | cycle p95 ms | errors |",
       "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for workload in ["hot", "spread"]:
    for setup in ["sqlite", "pg-1", "pg-2"]:
        key = f"{workload}/{setup}"
        m = lambda k: statistics.median(r[k] for r in runs[key])
        out.append(f"| {workloads[workload]} | {names[setup]} | {m('orders_per_s'):.0f} | {m('order_p50_ms'):.0f} | {m('order_p95_ms'):.0f} | "
                   f"{m('order_p99_ms'):.0f} | {m('cycle_p50_ms'):.0f} | {m('cycle_p95_ms'):.0f} | {sum(r['errors'] for r in runs[key]):.0f} |")
open(report, "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
echo "Report: $REPORT"
