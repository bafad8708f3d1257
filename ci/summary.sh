#!/usr/bin/env bash
# The report's conclusions for a CI job summary ($GITHUB_STEP_SUMMARY): its title, summary and conclusions, up to the
# figures (whose images are files of the artifact, not of the page). Usage: ci/summary.sh artifacts/<experiment>/report.md
set -euo pipefail
report=${1:?usage: ci/summary.sh REPORT.md}
if [[ ! -f "$report" ]]; then
  echo "No report was written ($report): see the job's log."
  exit 0
fi
awk '/^## / && $0 !~ /^## (Summary|Conclusions)$/ { exit } { print }' "$report"
