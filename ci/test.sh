#!/usr/bin/env bash
# The README's test command, as CI runs it: `dotnet test`, plus a trx logger so the results can be
# uploaded, and a closing "N passed, N failed, N skipped" line summed over the test assemblies.
set -euo pipefail
cd "$(dirname "$0")/.."

# CI's run-store policy: every run trains from scratch. A fresh, empty store rather than none, so the store's code runs
# too (each run is written, and reused by the tests that share it within the session), yet no run stored by an
# earlier job or commit can stand in for training and hide a regression.
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
export HARNESS_STORE="$store"
unset HARNESS_NO_STORE

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test --logger trx --results-directory "$results" "$@" || status=$?

passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get total) - $(get executed)))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
