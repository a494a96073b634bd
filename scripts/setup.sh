#!/usr/bin/env bash
# Installs the Debian 12 packages vigil builds with. Idempotent: packages that
# are already present are not touched, and apt is not called at all when
# nothing is missing.
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libpugixml-dev nlohmann-json3-dev zlib1g-dev libssl-dev libsqlite3-dev
  libfmt-dev libcli11-dev libcpp-httplib-dev libzip-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev clang-format
)
missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
