#!/usr/bin/env bash
# The README's test command, as CI runs it: `dotnet test`, plus a trx logger so the results can be uploaded (and, on
# GitHub Actions, failed tests as annotations and each experiment's conclusions in the job summary), and a closing
# "N passed, N failed, N skipped" line summed over the test assemblies.
set -euo pipefail
cd "$(dirname "$0")/.."

# CI's run-store policy: every run trains from scratch in this CI run, once. A fresh, empty store rather than none, so the
# store's code runs too (each run is written, and reused by the tests that share it), yet no run stored by an earlier job
# or commit can stand in for training and hide a regression. The one exception is HARNESS_CI_SHARDS: a folder of run
# stores that this same workflow run's shard jobs trained from empty stores (ci/train-shard.sh); they are copied in
# (entries are independent files, so stores merge by copying), and the tests read those runs instead of training them
# a second time. The exact tier still compares every one with its baseline, and retrains any that differs.
store=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$store" "$log"' EXIT
export HARNESS_STORE="$store"
unset HARNESS_NO_STORE
if [[ -n "${HARNESS_CI_SHARDS:-}" ]]; then
  for shard in "$HARNESS_CI_SHARDS"/*/; do cp -R "$shard". "$store"/; done
  echo "run store: $(find "$store" -name '*.json' | wc -l) run(s) from the shard jobs in $HARNESS_CI_SHARDS"
fi

loggers=(--logger trx)
if [[ "${GITHUB_ACTIONS:-}" == "true" ]]; then loggers+=(--logger "GitHubActions;summary-include-passed=false"); fi

# Results and reports of this run only: a report left by an earlier run must not reach the job summary.
results=artifacts/test-results
rm -rf "$results" artifacts/test-report
dotnet test "${loggers[@]}" --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The README's promise, checked on every unfiltered run: the console shows each shipped experiment's conclusions (but an
# explicit experiment's, whose tests a plain `dotnet test` leaves out).
if [[ $# -eq 0 ]]; then
  for experiment in src/Harness/experiments/*/; do
    name=$(basename "$experiment")
    if bash ci/explicit.sh "$experiment"; then continue; fi
    if ! grep -q "^\[harness\] Conclusions of $name " "$log"; then
      echo "ci/test.sh: dotnet test printed no conclusions for $name (see src/Harness.TestLogger and tests/harness.runsettings)" >&2
      status=1
    fi
    # The block is brief by default: when everything holds, the tutorial's five claims fit a screen (the block's lines
    # are its first, with the marker, and those after it indented by two spaces, as dotnet test's own "  Failed x" is not).
    block=$(awk -v head="[harness] Conclusions of $name " \
      'index($0, head) == 1 { on = 1; print; next } on && /^  / && !/^  (Passed|Failed|Skipped) / { print; next } { on = 0 }' \
      "$log")
    lines=$(wc -l <<<"$block")
    if [[ $name == keras-tutorial-05 ]] && grep -q "^  Everything holds" <<<"$block" && ((lines > 25)); then
      echo "ci/test.sh: $name's conclusions took $lines lines though everything holds; brief, they fit in 25" >&2
      status=1
    fi
  done
fi

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

# The job summary: each experiment's summary and conclusions, from the report the tests wrote.
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  for report in artifacts/test-report/*/report.md; do bash ci/summary.sh "$report" >> "$GITHUB_STEP_SUMMARY"; done
fi
exit "$status"
