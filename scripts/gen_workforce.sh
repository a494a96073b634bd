#!/usr/bin/env bash
# Generates a labelled synthetic workforce and scans it.
# Usage: scripts/gen_workforce.sh [WORKERS] [SEED] [OUT] [extra scan options…]
# (e.g. --catalog FILE). The scan prints recall and precision per scheme
# because the generated folder holds labels.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKERS=${1:-10000}
SEED=${2:-1}
OUT=${3:-build/workforce-demo}
shift $(( $# < 3 ? $# : 3 ))
VIGIL=${VIGIL:-build/release/vigil}
if [ ! -x "$VIGIL" ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target vigil
fi
"$VIGIL" workforce generate --workers "$WORKERS" --seed "$SEED" -o "$OUT/data"
"$VIGIL" workforce scan "$OUT/data" --report "$OUT/report" "$@"
echo "open $OUT/report/report.html"
