#!/usr/bin/env bash
# One share of every shipped experiment's runs, trained into a run store: the GitHub workflow's shard jobs, whose stores
# the test job then reads, so each run trains once per push. Usage: ci/train-shard.sh I/N STORE [EXPERIMENT]
# Without EXPERIMENT, every shipped experiment but the explicit ones (ci/explicit.sh), which have jobs of their own.
# Built in the configuration `dotnet test` uses (Debug; the harness is compiled optimised in both), so the test job reads
# runs trained by the very build it tests.
set -euo pipefail
cd "$(dirname "$0")/.."
shard=${1:?usage: ci/train-shard.sh I/N STORE}
store=${2:?usage: ci/train-shard.sh I/N STORE}
only=${3:-}
for experiment in src/Harness/experiments/*/; do
  name=$(basename "$experiment")
  if [[ -n "$only" ]]; then [[ "$name" == "$only" ]] || continue
  elif bash ci/explicit.sh "$experiment"; then continue; fi
  echo "== $name, shard $shard"
  dotnet run --project src/Harness.Cli -- reproduce --experiment "$name" --shard "$shard" --store "$store"
done
