#!/usr/bin/env bash
# CI: a short coverage-guided run of three targets under AFL++ (25 s each, one per area: a protobuf decoder, the
# CESR stream codec and the BCS decoder); fails on any crash. The long campaign is fuzz/run-afl.sh (fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v afl-fuzz >/dev/null; then
  apt-get install -y -qq afl++ >/dev/null || { apt-get update -qq && apt-get install -y -qq afl++ >/dev/null; }
fi
exec fuzz/run-afl.sh signal-message,tsp-cesr,mailbox-bcs "${WOTID_FUZZ_CI_SECONDS:-25}" "$@"
