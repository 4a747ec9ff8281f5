#!/usr/bin/env bash
# Installs what Rota needs from Debian when it is missing: GLPK's C library and headers (libglpk-dev) and
# glpsol (glpk-utils, used by a test to re-solve exported models). Needs root or sudo for apt-get.
set -euo pipefail

missing=()
[ -f /usr/include/glpk.h ] || missing+=(libglpk-dev)
command -v glpsol >/dev/null 2>&1 || missing+=(glpk-utils)
if [ ${#missing[@]} -eq 0 ]; then
    echo "GLPK is installed."
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
