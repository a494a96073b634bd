#!/usr/bin/env bash
# Sets up, builds vigil and runs its main job on the bundled default data:
# builds the default catalog from data/ and prints its summary, then screens a
# few sample names.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target vigil >/dev/null
mkdir -p build
./build/release/vigil catalog build -o build/default.vcat
if ./build/release/vigil screen --help >/dev/null 2>&1; then
  for name in "Kim Jong Un" "김정은" "Chinyong Information Technology Cooperation" "Ri Song Gwon" "John Smith"; do
    echo
    ./build/release/vigil screen --catalog build/default.vcat --limit 3 "$name"
  done
fi
