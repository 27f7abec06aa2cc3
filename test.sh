#!/usr/bin/env bash
# Runs every test: installs the Node.js reference peers (exact versions from interop/package-lock.json),
# then `dotnet test` over the whole solution, then prints one summary line.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d interop/node_modules ] || [ interop/package-lock.json -nt interop/node_modules/.package-lock.json ]; then
  npm ci --prefix interop --no-audit --no-fund
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# A test that runs longer than WOTID_TEST_HANG_TIMEOUT (default 10 min) aborts its project's run instead of stalling
# the whole command; xunit names every test still running after 120 s (tests/xunit.runner.json), so the log says which.
dotnet test WotId.slnx -c "${CONFIGURATION:-Release}" --nologo \
  --blame-hang-timeout "${WOTID_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-project result lines ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13, ...").
summary=$(grep -E '^(Passed|Failed)! +- Failed: ' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
echo "${summary:-0 passed, 0 failed}"
# Name each failed test again at the very end, so a log read from its tail says which ones failed.
failed=$(grep -E '^  Failed [A-Za-z_]' "$log" | sed -E 's/^  Failed //' || true)
if [ -n "$failed" ]; then
  echo "failed tests:"
  echo "$failed" | sed 's/^/  /'
fi
exit "$status"
