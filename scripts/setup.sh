#!/usr/bin/env bash
# Installs what tuwei needs to build and test, from Debian's packages.
# As root it runs apt-get; otherwise it prints the exact command to run.
set -eu
pkgs=(gcc make cmake pkg-config libncurses-dev libsqlite3-dev libiniparser-dev
      libcriterion-dev libxlsxwriter-dev tmux unzip)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: run:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
