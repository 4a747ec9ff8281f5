#!/usr/bin/env bash
# The action's check step: `rota check` on every scenario named by ROTA_SCENARIOS (files or globs), printing
# GitHub annotations, writing one JUnit file per scenario into ROTA_JUNIT_DIR and appending each verdict to the job
# summary. It always succeeds and records the worst exit status as the `status` output, so the JUnit upload runs
# before the verdict step fails the job.
set -uo pipefail

summary=${GITHUB_STEP_SUMMARY:?}
output=${GITHUB_OUTPUT:?}
junit_dir=${ROTA_JUNIT_DIR:-rota-check}
mkdir -p "$junit_dir"
read -r -a extra <<<"${ROTA_ARGS:-}"
[ "${ROTA_OPTIMALITY:-false}" = true ] && extra+=(--optimality)

# Severity, to report the worst of several: an error to fix before judging (bad input, GLPK) over stale over
# findings over fair.
severity() {
    case "$1" in
        0) echo 0 ;; 1) echo 1 ;; 3) echo 2 ;; 2) echo 3 ;; *) echo 4 ;;
    esac
}
worst=0
record() {
    if [ "$(severity "$1")" -gt "$(severity "$worst")" ]; then worst=$1; fi
}

# Split on blanks and new lines without globbing, then glob each pattern on its own, to tell which matched nothing.
set -f
patterns=(${ROTA_SCENARIOS:-scenarios/*.yaml})
set +f
scenarios=()
shopt -s nullglob
for pattern in "${patterns[@]}"; do
    matches=($pattern)
    if [ ${#matches[@]} -eq 0 ]; then
        echo "::error title=rota check::no scenario matches '$pattern'"
        record 2
    fi
    scenarios+=("${matches[@]}")
done
shopt -u nullglob

{
    echo "## rota check"
    echo
    echo "$(rota --version), ${#scenarios[@]} scenario(s)"
    echo
} >>"$summary"

errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
for scenario in "${scenarios[@]}"; do
    name=$(basename "$scenario")
    name=${name%.*}
    echo "::group::rota check $scenario"
    rota check "$scenario" --format github --junit "$junit_dir/$name.xml" --summary "$summary" "${extra[@]}" \
        2>"$errors"
    status=$?
    cat "$errors" >&2
    echo "::endgroup::"
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 3 ]; then
        # Bad input or a solver error: rota wrote no verdict, so the message becomes the annotation and section.
        message=$(sed -n 's/^error: //p' "$errors" | head -1)
        [ -n "$message" ] || message=$(head -1 "$errors")
        location=$(printf '%s' "$message" | sed -nE 's/^([^:]+):([0-9]+):.*/file=\1,line=\2,/p')
        escaped=$(printf '%s' "$(cat "$errors")" | sed -e 's/%/%25/g' | awk 'BEGIN { ORS = "%0A" } { print }')
        echo "::error ${location}title=rota check (exit $status)::${escaped%\%0A}"
        {
            echo "### rota check: $name — ❌ exit $status"
            echo
            echo '```text'
            cat "$errors"
            echo '```'
            echo
        } >>"$summary"
    fi
    record "$status"
done
echo "status=$worst" >>"$output"
echo "rota check: worst exit status $worst over ${#scenarios[@]} scenario(s)"
