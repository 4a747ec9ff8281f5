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
        # Bad input or a solver error: rota wrote no verdict, so each message (`error: FILE:LINE:COL: …` with its
        # hint lines) becomes an annotation on its line, and the section shows them all.
        awk -v status="$status" '
            function esc(text) {
                gsub(/%/, "%25", text)
                gsub(/\r/, "%0D", text)
                return text
            }
            function flush() {
                if (message == "") return
                location = ""
                if (match(message, /^[^:]+:[0-9]+:/)) {
                    head = substr(message, 1, RLENGTH - 1)
                    split(head, parts, ":")
                    location = "file=" parts[1] ",line=" parts[2] ","
                }
                printf "::error %stitle=rota check (exit %s)::%s\n", location, status, message
                message = ""
            }
            /^error: / { flush(); message = esc(substr($0, 8)); next }
            message != "" { message = message "%0A" esc($0); next }
            { message = esc($0) }
            END { flush() }
        ' "$errors"
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
