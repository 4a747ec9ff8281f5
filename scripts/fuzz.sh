#!/usr/bin/env bash
# Mutation-fuzzes Rota's readers (scenario YAML, .ics, schedule CSV) for longer than the test suite does:
#   scripts/fuzz.sh [ITERATIONS] [FIRST_SEED]     (default 20000 per reader from seed 0; the suite runs seeds 0–149)
# Seeds already fuzzed: 0–59,999; start later runs after them.
# Each input is a random mutation of a valid file, deterministic per seed (Tests/RotaCoreTests/ReaderFuzzTests.swift).
# A crash or hang fails the run; turn the failing seed's input into a corpus test.
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-20000}
first=${2:-0}
start=$(date +%s)
ROTA_FUZZ_ITERATIONS="$iterations" ROTA_FUZZ_FIRST="$first" swift test --filter ReaderFuzzTests 2>&1 | grep -E '✔|✘|crash|error' || true
echo "fuzzed $iterations inputs per reader (seeds $first–$((first + iterations - 1))) in $(( $(date +%s) - start )) s"
