#!/usr/bin/env bash
# One command from a fresh Debian machine with Swift 6: install GLPK if missing, build Rota (release), and plan
# a bundled scenario. The report lands in reports/xyz-tech-2027q1/ (committed; a re-run gives the same bytes).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh
# Static Swift runtime and Foundation: half the start-up time of a dynamically linked binary (docs/performance.md).
swift build -c release --static-swift-stdlib
.build/release/rota plan scenarios/xyz-tech-2027q1.yaml
echo
echo "Open reports/xyz-tech-2027q1/report.md to read the plan."
