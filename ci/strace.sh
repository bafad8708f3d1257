#!/usr/bin/env bash
# strace lets the shim-build test (NativeShimProcessTests) check, by tracing the real program, that the native build
# creates files only in its private directory and its cache. Installed when missing and possible; without it that test
# reports itself as not run, never as passed.
set -uo pipefail
if command -v strace >/dev/null 2>&1; then
  echo "strace: $(strace -V | head -n 1)"
  exit 0
fi
source "$(dirname "$0")/apt-install.sh"
apt_install strace strace "shim-build trace" || exit 0
echo "strace: $(strace -V | head -n 1)"
