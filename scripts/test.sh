#!/usr/bin/env bash
# Sets up, builds with AddressSanitizer, UBSan and -Werror, and runs every
# test: unit tests, golden screens, end-to-end runs in tmux, fuzz corpora
# and the layer check. The benchmarks are built, not run (tests/bench/README).
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DTUWEI_SANITIZE=ON -DTUWEI_WERROR=ON >/dev/null
cmake --build build-test -j"$(nproc)"
cd build-test
ctest --output-on-failure -j"$(nproc)"
