#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: an optimized build with
# warnings as errors, the same tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer, then every fuzz target for a short while.
# Usage: scripts/test.sh [--quick]   (--quick: optimized build and tests only)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
JOBS=$(nproc)
export VIGIL_CACHE_DIR="${VIGIL_CACHE_DIR:-$PWD/build/cache}"

echo "== release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release -j "$JOBS"
ctest --test-dir build/release --output-on-failure -j "$JOBS"

if [ "${1:-}" = "--quick" ]; then exit 0; fi

echo "== tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$JOBS"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$JOBS"

echo "== fuzz targets (${VIGIL_FUZZ_SECONDS:-10} s each)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$JOBS"
for target in build/fuzz/*_fuzz; do
  name=$(basename "$target")
  corpus="build/fuzz/corpus-$name"
  mkdir -p "$corpus"
  seeds="fuzz/seeds/${name%_fuzz}"
  [ -d "$seeds" ] || seeds=""
  echo "-- $name"
  "$target" -max_total_time="${VIGIL_FUZZ_SECONDS:-10}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=0 "$corpus" $seeds 2>&1 | tail -n 2
done
echo "fuzz: all targets ran without a crash"
