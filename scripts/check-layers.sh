#!/usr/bin/env bash
# Fails when the target graph leaves the flow docs/architecture.md states: each layer depends only on those before
# it, the checker never on planning or the solver, and only RotaPlanning (besides LinearProgramming itself) imports
# the solver — Swift lets a module import its dependencies' dependencies, so imports are checked in the sources too.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-package | python3 -c '
import json, sys
allowed = {
    "CGLPK": set(),
    "LinearProgramming": {"CGLPK"},
    "RotaModel": {"Yams", "CSV", "Crypto"},
    "RotaChecking": {"RotaModel"},
    "RotaPlanning": {"RotaModel", "RotaChecking", "LinearProgramming"},
    "RotaCore": {"RotaModel", "RotaChecking", "RotaPlanning", "Crypto"},
    "rota": {"RotaCore", "RotaModel", "RotaChecking", "RotaPlanning", "ArgumentParser"},
    "BenchmarkSupport": {"RotaModel", "RotaChecking"},
}
package = json.load(sys.stdin)
problems = []
for target in package["targets"]:
    name = target["name"]
    if name not in allowed:
        continue
    deps = {list(d.values())[0][0] for d in target["dependencies"]}
    for extra in sorted(deps - allowed[name]):
        problems.append(f"Package.swift: {name} depends on {extra}, which the flow does not allow")
missing = set(allowed) - {t["name"] for t in package["targets"]}
problems += [f"Package.swift: no target {name}" for name in sorted(missing)]
if problems:
    print("\n".join(problems)); sys.exit(1)
'
status=0
while IFS= read -r line; do
    echo "$line: only RotaPlanning and LinearProgramming import the solver"
    status=1
done < <(grep -rnE '^import (LinearProgramming|CGLPK)$' Sources --include=*.swift \
    | grep -vE '^Sources/(LinearProgramming|RotaPlanning)/' || true)
while IFS= read -r line; do
    echo "$line: only LinearProgramming imports CGLPK"
    status=1
done < <(grep -rnE '^import CGLPK$' Sources --include=*.swift | grep -vE '^Sources/LinearProgramming/' || true)
[ "$status" -eq 0 ] && echo "layers: ok"
exit "$status"
