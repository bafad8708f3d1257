#!/usr/bin/env bash
# A new user's path, as the README's "Your own study" section gives it, outside this repository:
#   every package packed into a local folder feed; the template installed from it (into a hive of its own, so the
#   machine's templates stay as they were); `dotnet new harness` in an empty folder; then
#   1. `dotnet test`: red, every history test failing with a received file, and the way to accept said once;
#   2. accept; `dotnet test`: green, with the experiment's conclusions on the console;
#   3. the model's width edited; `dotnet test`: red, naming the runs whose histories changed.
# Packages come from the feed into a package folder of this script's own (a stale 0.1.0 in the machine's cache cannot stand in
# for what was just packed); everything else (TorchSharp, NUnit) from the machine's cache as a fallback folder, then the
# registry. Each step's time, the package sizes and the generated tree are printed for the record.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed=$work/feed
hive=$work/hive
study=$work/study
log=$work/step.log

step() { # step NAME EXPECTED-EXIT COMMAND...: runs it in the study, prints its output and time, checks its exit code
  local name=$1 expected=$2; shift 2
  local start=$SECONDS status=0
  echo "::: $name: $*"
  (cd "$study" && "$@") >"$log" 2>&1 || status=$?
  cat "$log"
  echo "::: $name: exit $status in $((SECONDS - start)) s"
  if [[ $status -ne $expected ]]; then echo "template: $name: expected exit $expected, got $status" >&2; exit 1; fi
}
expect() { # expect DESCRIPTION PATTERN: the last step's output has the pattern
  grep -qE -- "$2" "$log" || { echo "template: $1: no line matching /$2/ in the output above" >&2; exit 1; }
}
count() { grep -cE -- "$1" "$log" || true; }

start=$SECONDS
for project in src/Harness.Training src/Harness src/Harness.TestLogger src/Harness.NUnit src/Harness.Templates; do
  dotnet pack "$project" -c Release -o "$feed" --nologo -v quiet
done
echo "template: packed in $((SECONDS - start)) s:"
(cd "$feed" && ls -l --block-size=1 ./*.nupkg | awk '{printf "  %s %d bytes\n", $9, $5}')

dotnet new install "$feed"/Harness.Templates.*.nupkg --debug:custom-hive "$hive" >/dev/null
dotnet new harness -n MyStudy -o "$study" --debug:custom-hive "$hive" >/dev/null
cat >"$study/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources><add key="harness-feed" value="$feed" /></packageSources>
  <fallbackPackageFolders><add key="machine" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" /></fallbackPackageFolders>
</configuration>
CONFIG
if compgen -G "${NUGET_PACKAGES:-$HOME/.nuget/packages}/harness.*" >/dev/null; then
  echo "template: the machine's package cache holds harness.* packages, which would stand in for the feed's" >&2; exit 1
fi
echo "template: generated tree:"
(cd "$study" && find . -path ./nuget.config -prune -o -type f -print | sort | sed 's/^/  /')

export HARNESS_STORE=$work/store XDG_CACHE_HOME=$work/cache
unset HARNESS_BASELINES_DIR HARNESS_DATA_DIR HARNESS_EXPERIMENTS HARNESS_NO_STORE HARNESS_ACCEPT
# A new user's own machine, not a CI job: where CI=true, accepting baselines is off by design (HARNESS_ACCEPT is ignored).
unset CI GITHUB_ACTIONS

runs=16 # the experiment's grid: 2 widths x 8 seeds
baselines=$study/baselines/width

step "first test" 1 dotnet test
[[ $(count '^  Failed History_matches_the_verified_baseline\(') -eq $runs ]] || {
  echo "template: first test: expected all $runs history tests to fail" >&2; exit 1; }
[[ $(find "$baselines" -name '*.received.json' | wc -l) -eq $((runs + 1)) ]] || {
  echo "template: first test: expected $runs received histories and the ensemble's in $baselines" >&2; exit 1; }
[[ $(count 'found no verified baseline and wrote a .received.json file') -eq 1 ]] || {
  echo "template: first test: the way to accept must be said exactly once" >&2; exit 1; }
expect "how to accept" "accept them all: HARNESS_ACCEPT=1 dotnet test"

step "accept" 0 env HARNESS_ACCEPT=1 dotnet test
[[ $(find "$baselines" -name '*.verified.json' | wc -l) -eq $((runs + 1)) ]] || {
  echo "template: accept: expected $runs verified histories and the ensemble's in $baselines" >&2; exit 1; }
[[ $(find "$baselines" -name '*.received.json' | wc -l) -eq 0 ]] || { echo "template: accept: received files left" >&2; exit 1; }

step "green" 0 dotnet test
expect "conclusions" "^\[harness\] Conclusions of width "
expect "everything holds" "Everything holds"
expect "every history verified" "Exact tier: $runs of $runs histories verified bit for bit"
expect "the claim" "Supported — 32 hidden units end with a lower training loss than 2 hidden units \(registered Supported\)$"
# Brief by default: the claim as registered is its one line above, and the block says how to see its parts.
[[ $(count ' → (Supported|Refuted|Inconclusive|Negligible)$') -eq 0 ]] || {
  echo "template: green: a claim as registered showed its parts in the brief block" >&2; exit 1; }
expect "how to see every part" "Each claim's parts are in the report, and here with HARNESS_CONCLUSIONS=full dotnet test\.$"

step "full conclusions" 0 env HARNESS_CONCLUSIONS=full dotnet test
expect "the claim's parts" "^        .* → Supported$"

# The model's code, not its settings: every run id stays, so only the run key (which holds the model's code) can tell
# that the stored runs no longer apply, and the history tests must name every run.
sed -i 's/var hidden = context.Int("hidden");/var hidden = 2 * context.Int("hidden");/' "$study/tests/MyStudy.Tests/SmallNet.cs"
grep -q '2 \* context.Int("hidden")' "$study/tests/MyStudy.Tests/SmallNet.cs" || { echo "template: the model edit did not apply" >&2; exit 1; }
step "model edited" 1 dotnet test
[[ $(count '^  Failed History_matches_the_verified_baseline\(n-600_nval-600_epochs-20_batch-32_(hidden-2_)?seed-[1-8]\)') -eq $runs ]] || {
  echo "template: model edited: expected every one of the $runs history tests to fail, naming its run" >&2; exit 1; }
expect "every run trained again" "Run store .*: 0 run\(s\) reused, $runs trained"
echo "template: passed in $((SECONDS - start)) s"
