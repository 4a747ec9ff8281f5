#!/usr/bin/env bash
# Mutation-fuzzes Rota's readers (scenario YAML, .ics, schedule CSV) for longer than the test suite does:
#   scripts/fuzz.sh [ITERATIONS]     (default 20000 per reader; the suite runs 150)
# Each input is a random mutation of a valid file, deterministic per seed (Tests/RotaCoreTests/ReaderFuzzTests.swift).
# A crash or hang fails the run; turn the failing seed's input into a corpus test.
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-20000}
start=$(date +%s)
ROTA_FUZZ_ITERATIONS="$iterations" swift test --filter ReaderFuzzTests 2>&1 | grep -E '✔|✘|crash|error' || true
echo "fuzzed $iterations inputs per reader in $(( $(date +%s) - start )) s"
