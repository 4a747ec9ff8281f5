#!/usr/bin/env bash
# Tests the GitHub Action (action.yml) as pasted: its steps run by scripts/fake-actions-runner.py against a copy of
# this repository's scenarios and reports, with the tarball served as file://. Cases: every schedule fair (exit 0),
# a stale report (3), findings (1), bad input (2), a glob matching nothing, a wrong digest; each judged by its
# annotations, JUnit files, job summary, outputs and the artifact upload it asks for.
#
# Usage: scripts/test-action.sh [TARBALL]
# Without TARBALL, one with the release's layout is made from the debug build (.build/debug/rota), which runs on
# this machine only; CI passes the real release tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
version=$(sed -n 's/^ *static let release = "\([0-9.]*\)"$/\1/p' Sources/rota/Version.swift)
name="rota-$version-linux-$(uname -m)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"

if [ $# -ge 1 ]; then
    tarball=$(readlink -f "$1")
else
    [ -x .build/debug/rota ] || swift build --product rota
    mkdir -p "$scratch/pack/$name/bin" "$scratch/pack/$name/share/rota/calendars"
    cp .build/debug/rota "$scratch/pack/$name/bin/"
    cp calendars/*.csv "$scratch/pack/$name/share/rota/calendars/"
    tar -czf "$scratch/$name.tar.gz" -C "$scratch/pack" "$name"
    tarball="$scratch/$name.tar.gz"
fi
served="$scratch/served"
mkdir -p "$served"
cp "$tarball" "$served/$name.tar.gz"
(cd "$served" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
url="file://$served/$name.tar.gz"

failures=0
expect() { # expect DESCRIPTION COMMAND...
    local description=$1
    shift
    if "$@"; then echo "  ok: $description"; else echo "  FAILED: $description"; failures=$((failures + 1)); fi
}

# run CASE [--input NAME=VALUE]...: the action in a fresh workspace; sets $case_dir, $status, $log, $summary.
run_action() {
    local case=$1
    shift
    case_dir="$scratch/$case"
    mkdir -p "$case_dir/workspace"
    cp -r "$repository/scenarios" "$repository/reports" "$case_dir/workspace/"
    if [ -n "${prepare:-}" ]; then (cd "$case_dir/workspace" && eval "$prepare"); fi
    summary="$case_dir/summary.md"
    log="$case_dir/log.txt"
    set +e
    python3 "$repository/scripts/fake-actions-runner.py" "$repository/action.yml" --workspace "$case_dir/workspace" \
        --summary "$summary" --outputs "$case_dir/outputs.json" --uses-log "$case_dir/uses.jsonl" \
        --input "release-url=$url" "$@" >"$log" 2>&1
    status=$?
    set -e
    echo "case $case: runner exit $status"
}
output() { python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ''))" \
    "$case_dir/outputs.json" "$1"; }
has() { grep -qF -- "$1" "$2"; }
lacks() { ! grep -qF -- "$1" "$2"; }
count() { grep -cF -- "$1" "$2" || true; }

echo "Action test with $(basename "$tarball")"

prepare="" run_action fair --input "scenarios=scenarios/xyz-tech-2027q1.yaml scenarios/week5-*.yaml"
expect "the job passes" test "$status" -eq 0
expect "status output 0" test "$(output status)" = 0
expect "the rota output is the installed binary" test -x "$(output rota)"
expect "rota came from the tarball, not the machine's PATH" has "Installed rota $version " "$log"
expect "a notice per fair scenario" test "$(count '::notice title=rota check::ok: ' "$log")" -eq 2
expect "a JUnit file per scenario" test -s "$case_dir/workspace/rota-check/xyz-tech-2027q1.xml" \
    -a -s "$case_dir/workspace/rota-check/week5-maintenance-2027q1.xml"
expect "the summary heads the job" has "## rota check" "$summary"
expect "a fair section per scenario" test "$(count '— ✅ fair' "$summary")" -eq 2
expect "the JUnit folder is uploaded" has '"path": "rota-check"' "$case_dir/uses.jsonl"
expect "the upload is actions/upload-artifact" has '"uses": "actions/upload-artifact@v4"' "$case_dir/uses.jsonl"

# Whoever is primary in week 1 takes that week off: the committed schedule is stale and breaks leave.
prepare='engineer=$(sed -n 2p reports/xyz-tech-2027q1/rotation.csv | cut -d, -f4)
sed -i "s/{id: $engineer, \(.*\)leave: \[/{id: $engineer, \1leave: [2027-01-04, /" scenarios/xyz-tech-2027q1.yaml' \
    run_action stale --input "scenarios=scenarios/xyz-tech-2027q1.yaml"
expect "the job fails" test "$status" -ne 0
expect "status output 3 (stale)" test "$(output status)" = 3
expect "a stale annotation on the manifest" has "::error file=reports/xyz-tech-2027q1/manifest.json,title=rota check%3A stale::" "$log"
expect "the leave finding annotates its CSV line" has "::error file=reports/xyz-tech-2027q1/rotation.csv,line=2," "$log"
expect "the summary says stale with the command" has "— ⚠️ stale" "$summary"
expect "the summary names the regenerate command" has "Regenerate with rota plan scenarios/xyz-tech-2027q1.yaml" "$summary"
expect "the verdict step fails with the stale message" has "::error title=rota check::a schedule is stale" "$log"
expect "JUnit is still uploaded after a failure" test -s "$case_dir/workspace/rota-check/xyz-tech-2027q1.xml" \
    -a -s "$case_dir/uses.jsonl"

prepare="" run_action findings --input "scenarios=scenarios/xyz-tech-2027q1.yaml" \
    --input "args=--schedule scenarios/hand-made/xyz-tech-2027q1/rotation.csv"
expect "the job fails" test "$status" -ne 0
expect "status output 1 (findings)" test "$(output status)" = 1
expect "two error annotations on the hand-made rows" \
    test "$(count '::error file=scenarios/hand-made/xyz-tech-2027q1/rotation.csv,line=' "$log")" -eq 2
expect "the summary lists the findings" has "**leave**: week 5" "$summary"
expect "the JUnit file has the failing case" has '<failure type="leave"' \
    "$case_dir/workspace/rota-check/xyz-tech-2027q1.xml"

prepare='printf "name: broken\nstart: 2027-01-04\n" > scenarios/broken.yaml' \
    run_action bad-input --input "scenarios=scenarios/broken.yaml scenarios/xyz-tech-2027q1.yaml"
expect "the job fails" test "$status" -ne 0
expect "status output 2 (bad input outranks fair)" test "$(output status)" = 2
expect "the error annotates the scenario's line" has "::error file=scenarios/broken.yaml,line=2,title=rota check (exit 2)::" "$log"
expect "every problem is an annotation of its own (3 in the file)" \
    test "$(count 'title=rota check (exit 2)::' "$log")" -eq 3
expect "a hint stays with its message" has "unknown field%0A  hint: known fields here" "$log"
expect "the summary has the message" has "scenarios/broken.yaml:2:1: start: unknown field" "$summary"
expect "the other scenario is still judged" has "— ✅ fair" "$summary"

prepare="" run_action no-match --input "scenarios=scenarios/nothing-*.yaml"
expect "status output 2 for a glob matching nothing" test "$(output status)" = 2
expect "the annotation names the pattern" has "no scenario matches 'scenarios/nothing-*.yaml'" "$log"

prepare="" run_action wrong-digest --input "sha256=0000000000000000000000000000000000000000000000000000000000000000"
expect "the job fails" test "$status" -ne 0
expect "the install step says why" has "::error title=rota install::$name.tar.gz has SHA-256" "$log"
expect "nothing is checked" lacks "::group::rota check" "$log"

prepare="" run_action bad-version --input "version=1.0; rm -rf /"
expect "a version that is not a release is refused" has "version: expected a release like 0.2.0" "$log"

if [ "$failures" -ne 0 ]; then
    echo "action test: $failures expectation(s) failed"
    exit 1
fi
echo "action test: ok (7 cases)"
