#!/usr/bin/env bash
# Installs rota and its holiday calendars: PREFIX/bin/rota and PREFIX/share/rota/calendars/ (where rota looks
# for them next to an installed binary). Usage: scripts/install.sh [PREFIX]   (default /usr/local)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
scripts/install-dependencies.sh
swift build -c release --static-swift-stdlib
install -d "$prefix/bin" "$prefix/share/rota/calendars"
install -m 0755 .build/release/rota "$prefix/bin/rota"
install -m 0644 calendars/*.csv calendars/README.md "$prefix/share/rota/calendars/"
echo "installed $prefix/bin/rota and $prefix/share/rota/calendars/"
