# Shared helpers of the benchmark scripts (sourced).

ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk from apt…"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk; else sudo apt-get install -y wrk; fi
  fi
}

# start_store WORK PORT PRODUCTS [extra env assignments…]: publishes the store in Release into WORK/app and starts it
# in Production on 127.0.0.1:PORT with PRODUCTS generated products and a fresh data folder WORK/data. Sets APP_PID.
# Rate limiting stays on (its cost is part of the figures), with every plan raised so that wrk's one client address
# (or one admin) measures the endpoints rather than 429 answers. Extra assignments (e.g. RateLimiting__Enabled=false)
# come last and win.
start_store() {
  local work=$1 port=$2 products=$3; shift 3
  publish_store "$work/app"
  launch_store "$work/app" "$work/data" "$port" "$products" "$@"
}

# publish_store DIR: the store in Release, into DIR.
publish_store() {
  echo "Publishing (Release)…"
  dotnet publish "$ROOT/src/Ecommerce.Web" -c Release -o "$1" --nologo -v quiet >/dev/null
}

# launch_store APP DATA PORT PRODUCTS [extra env assignments…]: starts a published store (see start_store) with the
# data folder DATA and waits until it is ready. Sets APP_PID.
launch_store() {
  local app=$1 data=$2 port=$3 products=$4; shift 4
  echo "Starting the store on port $port with $products generated products (the first start generates them)…"
  env ASPNETCORE_ENVIRONMENT=Production Storage__DataPath="$data" Seed__DemoCatalog=true \
      Seed__SyntheticProducts="$products" Logging__LogLevel__Default=Warning \
      RateLimiting__Plans__Guest__RequestsPerHour=2000000000 RateLimiting__Plans__Guest__Burst=2000000000 \
      RateLimiting__Plans__Customer__RequestsPerHour=2000000000 RateLimiting__Plans__Customer__Burst=2000000000 \
      RateLimiting__Plans__Admin__RequestsPerHour=2000000000 RateLimiting__Plans__Admin__Burst=2000000000 "$@" \
      dotnet "$app/Ecommerce.Web.dll" --urls "http://127.0.0.1:$port" >"$data.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 900); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { cat "$data.log"; echo "The store did not start." >&2; exit 1; }
    sleep 1
  done
  echo "The store is not ready." >&2
  exit 1
}
