#!/usr/bin/env bash
# The provenance tests (tests/Unit/Claims/ShippedRegistrationTests) read the commits that registrations name, so they need
# the repository's history; on CI they fail rather than skip without it. A shallow clone is deepened here; when it cannot
# be (no remote to fetch from), the tests say so and name the fix. On GitHub Actions the workflow checks out with
# fetch-depth: 0 instead.
set -uo pipefail
cd "$(dirname "$0")/.."
if [[ "$(git rev-parse --is-shallow-repository 2>/dev/null)" != "true" ]]; then
  echo "history: full ($(git rev-list --count HEAD) commits)"
  exit 0
fi
if git fetch --quiet --unshallow 2>&1; then
  echo "history: was shallow, fetched the rest ($(git rev-list --count HEAD) commits)"
else
  echo "history: shallow, and git fetch --unshallow failed; the provenance tests will say what is missing."
fi
