#!/usr/bin/env bash
# Exit 0 when the experiment folder $1 is declared "explicit" (its tests run only when a filter selects them, as
# keras-mnist-cnn's do: too long for the default `dotnet test`), 1 otherwise. A top-level key of experiment.json; the
# harness's loader is what reads it, this only spares the scripts from training or expecting what the default skips.
set -euo pipefail
grep -Eq '^  "explicit"[[:space:]]*:' "${1:?usage: ci/explicit.sh EXPERIMENT_FOLDER}/experiment.json"
