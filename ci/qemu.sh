#!/usr/bin/env bash
# qemu-user lets the cross-CPU tests (category CrossCpu) run the harness on an emulated Intel Haswell and AMD EPYC-Rome.
# Installed when missing and possible; without it those tests report themselves as not run, never as passed.
set -uo pipefail
if command -v qemu-x86_64 >/dev/null 2>&1; then
  echo "qemu-user: $(qemu-x86_64 --version | head -n 1)"
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "qemu-user: not installed and no root to install it; the CrossCpu tests will report themselves as not run."
    exit 0
  fi
fi
echo "qemu-user: installing (apt-get install qemu-user)"
if ! { $sudo apt-get install -y -qq qemu-user >/dev/null 2>&1 || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq qemu-user >/dev/null 2>&1; }; }; then
  echo "qemu-user: installation failed; the CrossCpu tests will report themselves as not run."
  exit 0
fi
echo "qemu-user: $(qemu-x86_64 --version | head -n 1)"
