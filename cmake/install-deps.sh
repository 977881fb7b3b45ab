#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages econind needs to build and test, when they are missing.
set -euo pipefail

packages=(
  cmake ninja-build g++ gcc pkg-config python3
  libicu-dev icu-devtools libboost-regex-dev libspdlog-dev libfmt-dev
  nlohmann-json3-dev libcli11-dev catch2
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "econind: these packages are missing: ${missing[*]}" >&2
  echo "econind: no apt-get here; install ICU, Boost.Regex, spdlog, fmt, nlohmann-json, CLI11 and Catch2" >&2
  echo "         with your package manager (or vcpkg/Conan, see README) and run cmake yourself." >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "econind: need root to install: ${missing[*]}" >&2
    echo "         run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

echo "econind: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
