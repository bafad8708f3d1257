#!/usr/bin/env bash
# qemu-user lets the cross-CPU tests (category CrossCpu) run the harness on an emulated Intel Haswell and AMD EPYC-Rome.
# Installed when missing and possible; without it those tests report themselves as not run, never as passed.
set -uo pipefail
if command -v qemu-x86_64 >/dev/null 2>&1; then
  echo "qemu-user: $(qemu-x86_64 --version | head -n 1)"
  exit 0
fi
source "$(dirname "$0")/apt-install.sh"
apt_install qemu-user qemu-user CrossCpu || exit 0
echo "qemu-user: $(qemu-x86_64 --version | head -n 1)"
