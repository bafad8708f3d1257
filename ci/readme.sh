#!/usr/bin/env bash
# The README's quick look, as a user runs it from the repository: `dotnet run … reproduce --seeds 2` (the main command on
# two seeds: 32 runs), with a fresh, empty run store so everything trains. It must exit 0 and verify every history bit for
# bit against the committed baselines. (The main command without --seeds is what `dotnet test` reproduces through the
# same service; running all 160 runs twice in CI would cost a quarter of an hour for nothing new.)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HARNESS_STORE=$work/store
unset HARNESS_NO_STORE HARNESS_DATA_DIR HARNESS_BASELINES_DIR HARNESS_EXPERIMENTS
start=$SECONDS
dotnet run --project src/Harness.Cli -c Release -- reproduce --seeds 2 --out "$work/artifacts" | tee "$work/reproduce.txt"
grep -q "Exact tier: 32 of 32 histories verified bit for bit" "$work/reproduce.txt" \
  || { echo 'readme: reproduce --seeds 2 did not verify 32 of 32 histories' >&2; exit 1; }
test -f "$work/artifacts/keras-tutorial-05/report.html" || { echo 'readme: no report.html' >&2; exit 1; }
echo "readme: the README's quick look passed in $((SECONDS - start)) s"
