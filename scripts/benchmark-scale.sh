#!/usr/bin/env bash
# The scale benchmark: `rota plan` on generated S/M/L/XL teams (release build), its schedules against round robin and
# LinkedIn Oncall's default scheduler, and GLPK against CBC, HiGHS and CP-SAT on the same exported models. Prints the figures and
# writes benchmarks/results.md; asserts nothing (machines here are shared and noisy).
#   scripts/benchmark-scale.sh [rota-benchmark options]    e.g. --sizes s,m --runs 5 --external-time-limit 30
#   scripts/benchmark-scale.sh --hard [--hard-seeds 5]      the hard set, to benchmarks/hard-results.md
# CBC (apt-get install coinor-cbc), HiGHS (pip install highspy) and CP-SAT (pip install ortools highspy) are used
# when installed, skipped with a note otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
for product in rota rota-benchmark; do
    if ! log=$(swift build -c release --static-swift-stdlib --product "$product" 2>&1); then
        printf '%s\n' "$log" >&2
        exit 1
    fi
done
exec .build/release/rota-benchmark "$@"
