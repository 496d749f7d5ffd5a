#!/usr/bin/env bash
# Sets up, builds, and starts tuwei on the default database (created and
# loaded with the 2025 plan on first run). Extra arguments go to tuwei.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTUWEI_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
case "${LANG:-}${LC_ALL:-}" in
    *UTF-8*|*utf8*) ;;
    *) export LANG=C.UTF-8 ;;
esac
exec build/tuwei "$@"
