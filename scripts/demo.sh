#!/usr/bin/env bash
# Sets up, builds vigil and runs its main job on the bundled default data:
# builds the default catalog from data/ and prints its summary, then screens
# sample names (Latin, Hangul, a company, an ordinary name).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target vigil >/dev/null
mkdir -p build
./build/release/vigil catalog build -o build/default.vcat
screen() { echo; ./build/release/vigil screen --catalog build/default.vcat --limit 3 "$@"; }
screen --schema Person "Kim Jong Un"
screen --schema Person "김정은"
screen --schema Person "Choi Ryong-hae" --birth-date 1950
screen --schema Company "Chinyong Information Technology Cooperation Co."
screen --schema Person "John Smith"
screen --id cryptoWallet:12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h --explain
