#!/usr/bin/env bash
# A Chromium-family browser lets the report tests (category Browser) open report.html headless and check what a reader sees.
# Debian's chromium is installed when no browser is found and it is possible; without one those tests report themselves as
# not run, never as passed. HARNESS_BROWSER, when set, names the browser the tests use.
set -uo pipefail
find_browser() {
  if [ -n "${HARNESS_BROWSER:-}" ]; then
    if [ -x "$HARNESS_BROWSER" ]; then echo "$HARNESS_BROWSER"; else command -v "$HARNESS_BROWSER" 2>/dev/null; fi
    return
  fi
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  done
}
report() { echo "browser: $1 ($("$1" --version 2>/dev/null | head -n 1))"; }

browser=$(find_browser)
if [ -n "$browser" ]; then
  report "$browser"
  exit 0
fi
if [ -n "${HARNESS_BROWSER:-}" ]; then
  echo "browser: HARNESS_BROWSER=$HARNESS_BROWSER is not a program; the Browser tests will report themselves as not run."
  exit 0
fi
source "$(dirname "$0")/apt-install.sh"
apt_install chromium browser Browser || exit 0
report "$(command -v chromium)"
