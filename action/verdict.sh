#!/usr/bin/env bash
# The action's last step: fails the job with the check step's worst exit status, after the JUnit upload.
set -euo pipefail
status=${ROTA_STATUS:-}
case "$status" in
    0) echo "rota check: every schedule is fair and fresh" ;;
    1) echo "::error title=rota check::findings: see the annotations and the job summary" ;;
    3) echo "::error title=rota check::a schedule is stale: regenerate it with the command in the job summary" ;;
    2) echo "::error title=rota check::bad input: see the annotation naming the file and line" ;;
    "") echo "::error title=rota check::the check step recorded no status"; exit 1 ;;
    *) echo "::error title=rota check::rota check failed with exit status $status" ;;
esac
exit "$status"
