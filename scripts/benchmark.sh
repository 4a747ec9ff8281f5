#!/usr/bin/env bash
# End-to-end benchmark of `rota plan` on the seed scenarios (release build): wall time over repeated runs
# (median, min, max) and peak memory. It prints figures and asserts nothing: machines here are shared and noisy.
#   scripts/benchmark.sh [RUNS]      (default 31 runs per scenario)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-31}

swift build -c release --static-swift-stdlib >/dev/null   # as scripts/setup-and-demo.sh builds it
bin=.build/release/rota
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

printf '%-28s %8s %8s %8s %10s\n' scenario "median" "min" "max" "peak RSS"
for scenario in scenarios/*.yaml; do
    name=$(basename "$scenario" .yaml)
    "$bin" plan "$scenario" -o "$out/$name" -q    # warm the file cache
    times=()
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        "$bin" plan "$scenario" -o "$out/$name" -q
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    median=${sorted[$(( runs / 2 ))]}
    rss=$(/usr/bin/time -f '%M' "$bin" plan "$scenario" -o "$out/$name" -q 2>&1 >/dev/null | tail -1)
    printf '%-28s %6d.%01d ms %5d.%01d ms %5d.%01d ms %7d KiB\n' "$name" \
        $((median / 1000)) $((median % 1000 / 100)) $((sorted[0] / 1000)) $((sorted[0] % 1000 / 100)) \
        $((sorted[runs - 1] / 1000)) $((sorted[runs - 1] % 1000 / 100)) "$rss"
done
echo "($runs runs each, release build, $(nproc) cores; target: seed scenarios under 50 ms median)"
