#!/usr/bin/env bash
# Measures `vigil serve` with wrk on loopback: single-query POST /match at 1, 8
# and 64 connections, then the same while the catalog is swapped every second
# (SIGHUP), and reports requests/s, p50/p99 latency and failed requests.
#
#   scripts/server_bench.sh [VIGIL_BINARY] [CATALOG] [SECONDS]
#
# VIGIL_BINARY defaults to build/release/vigil; CATALOG to the default catalog
# (pass a snapshot or list file to bench another); SECONDS per run to 10.
# Only 127.0.0.1 is contacted; every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
VIGIL=${1:-build/release/vigil}
CATALOG=${2:-}
SECS=${3:-10}
PORT=${VIGIL_BENCH_PORT:-18080}
WORK=$(mktemp -d)
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

cat > "$WORK/match.lua" <<'LUA'
-- One single-query yente /match request per call, cycling through names.
local names = {"Kim Jong Un", "Abdul Rahim Hamdan Dagalo", "Ri Won Ho", "Acme Trading Limited",
               "Vladimir Petrov", "Korea Mining Development Trading Corporation",
               "Maria Gonzalez", "Ali Hassan Mohamed", "Zhang Wei", "Ocean Maritime Management"}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  local body = '{"queries":{"q1":{"schema":"LegalEntity","properties":{"name":["' ..
               names[(i % #names) + 1] .. '"]}}}}'
  return wrk.format(nil, "/match/default", nil, body)
end
LUA

ARGS=(serve --listen "127.0.0.1:$PORT" --db "$WORK/bench.db" --rate 0 --threads 128)
[[ -n "$CATALOG" ]] && ARGS+=(--catalog "$CATALOG" --no-watch)
"$VIGIL" "${ARGS[@]}" 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || { cat "$WORK/serve.log"; exit 1; }
echo "catalog: $(curl -s "http://127.0.0.1:$PORT/readyz")"
echo "machine: $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"

run() {  # label connections
  local label=$1 conns=$2 threads=$(( $2 < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$conns" -d"${SECS}s" --timeout 10s --latency -s "$WORK/match.lua" \
      "http://127.0.0.1:$PORT" > "$WORK/wrk.txt"
  local rps p50 p99 non2xx errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.txt")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$WORK/wrk.txt")
  grep -E "Socket errors" "$WORK/wrk.txt" >&2 || true
  printf '| %-22s | %5s | %10s | %9s | %9s | %6s | %6s |\n' "$label" "$conns" "$rps" "$p50" "$p99" \
         "${non2xx:-0}" "${errors:-0}"
}

echo
echo "| run                    | conns |      req/s |       p50 |       p99 | non-2xx | socket errors |"
echo "|------------------------|-------|------------|-----------|-----------|---------|---------------|"
for c in ${VIGIL_BENCH_CONNS:-1 8 64}; do run "match" "$c"; done

swaps_before=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^vigil_catalog_swaps_total/ {print $2}')
for c in ${VIGIL_BENCH_CONNS:-1 8 64}; do
  # A reload (SIGHUP) every second while wrk runs: bounded to the run's length.
  ( for _ in $(seq 1 "$SECS"); do kill -HUP "$SERVER_PID" 2>/dev/null || exit 0; sleep 1; done ) &
  SWAPPER=$!
  run "match + swap every 1 s" "$c"
  wait "$SWAPPER" || true
done
sleep 3  # let the last reload finish
swaps_after=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^vigil_catalog_swaps_total/ {print $2}')
failures=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^vigil_catalog_load_failures_total/ {print $2}')
echo
echo "catalog swaps during the swap runs: $(( swaps_after - swaps_before )) (load failures: $failures)"
