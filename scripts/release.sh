#!/usr/bin/env bash
# Builds the self-contained release: dist/rota-VERSION-linux-x86_64.tar.gz and its .sha256.
#
# The tarball runs on an x86_64 Debian or Ubuntu machine (glibc 2.35 or later) with neither Swift nor GLPK
# installed: the Swift runtime is linked statically, and GLPK with its dependencies (SuiteSparse AMD/COLAMD, GMP,
# zlib, libltdl) ships in lib/rota/ beside the binary, found through a relative rpath ($ORIGIN/../lib/rota). From the
# system come glibc and the C++ runtime (libstdc++6, libgcc-s1: every Debian and Ubuntu has them, apt needs them);
# bundling bookworm's libstdc++ would demand glibc 2.36. scripts/test-release.sh proves it in a clean Debian root.
#
# Contents: bin/rota; lib/rota/*.so.*; share/rota/calendars/ (where rota looks next to its binary);
# share/rota/examples/ (a scenario to try); shell completions for bash, zsh and fish; share/man/man1/rota.1 and
# share/doc/rota/ (README, LICENSE, each command's --help). The archive is reproducible: sorted names, fixed
# owner and mtime (SOURCE_DATE_EPOCH, default the last commit's time), gzip without a timestamp.
#
# Usage: scripts/release.sh [OUTPUT_DIR]   (default dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${1:-dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)

scripts/install-dependencies.sh
version=$(sed -n 's/^ *static let release = "\([0-9.]*\)"$/\1/p' Sources/rota/Version.swift)
[ -n "$version" ] || { echo "release.sh: no release version in Sources/rota/Version.swift" >&2; exit 1; }
machine=$(uname -m)
name="rota-$version-linux-$machine"
scratch=${ROTA_RELEASE_SCRATCH:-.build/release-bundle}

echo "Building $name (release, static Swift runtime) ..."
swift build -c release --product rota --static-swift-stdlib --scratch-path "$scratch" \
    -Xlinker -rpath -Xlinker '$ORIGIN/../lib/rota' -Xlinker --disable-new-dtags
binary="$scratch/release/rota"
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct)}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top="$stage/$name"
install -d "$top/bin" "$top/lib/rota" "$top/share/rota/calendars" "$top/share/rota/examples" \
    "$top/share/doc/rota/help" "$top/share/man/man1" "$top/share/bash-completion/completions" \
    "$top/share/zsh/site-functions" "$top/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$top/bin/rota"
strip --strip-unneeded "$top/bin/rota"

# Every shared library the binary loads, directly or not, except glibc's own (libc, libm, the loader, ...) and the
# C++ runtime, which every Debian and Ubuntu machine has.
glibc='^(linux-vdso\.so|ld-linux|libc\.so|libm\.so|libpthread\.so|libdl\.so|librt\.so|libresolv\.so|libutil\.so|libstdc\+\+\.so|libgcc_s\.so)'
ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 }' | while read -r soname path; do
    if [[ "$soname" =~ $glibc ]]; then continue; fi
    install -m 0644 "$(readlink -f "$path")" "$top/lib/rota/$soname"
done
if ldd "$binary" | grep -q 'not found'; then
    echo "release.sh: the binary has unresolved libraries:" >&2
    ldd "$binary" | grep 'not found' >&2
    exit 1
fi

# The newest glibc symbol version anything in the tarball needs: at most 2.35 (Ubuntu 22.04's).
newest=$(for file in "$top/bin/rota" "$top"/lib/rota/*; do objdump -T "$file"; done | grep -o 'GLIBC_2\.[0-9]*' |
    sort -t. -k2 -n -u | tail -1)
if [ "${newest#GLIBC_2.}" -gt 35 ]; then
    echo "release.sh: the tarball needs $newest; Ubuntu 22.04 has GLIBC_2.35" >&2
    exit 1
fi

install -m 0644 calendars/*.csv calendars/README.md "$top/share/rota/calendars/"
install -m 0644 scenarios/xyz-tech-2027q1.yaml "$top/share/rota/examples/"
install -m 0644 README.md LICENSE "$top/share/doc/rota/"
install -m 0644 LICENSE "$top/LICENSE"

"$top/bin/rota" --generate-completion-script bash >"$top/share/bash-completion/completions/rota"
"$top/bin/rota" --generate-completion-script zsh >"$top/share/zsh/site-functions/_rota"
"$top/bin/rota" --generate-completion-script fish >"$top/share/fish/vendor_completions.d/rota.fish"
commands=$("$top/bin/rota" --help | awk '/^SUBCOMMANDS:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
"$top/bin/rota" --help >"$top/share/doc/rota/help/rota.txt"
for command in $commands; do
    "$top/bin/rota" help "$command" >"$top/share/doc/rota/help/rota-$command.txt"
done
# The man page from the same command definitions, by swift-argument-parser's own plugin, dated by the commit. The
# plugin builds every product first; the debug build (the one `swift test` made) is enough to read the definitions.
manual=$(mktemp -d)
swift package --allow-writing-to-directory "$manual" generate-manual --configuration debug \
    --date "$(date -u -d "@$epoch" +%Y-%m-%d)" --output-directory "$manual" >/dev/null
install -m 0644 "$manual/rota.1" "$top/share/man/man1/rota.1"
rm -rf "$manual"

cat >"$top/README" <<EOF
Rota $version for Linux ($machine): on-call rotations and pipeline ownership planned with GLPK.

Run it where it is:   ./bin/rota --help
Or install it:        sudo cp -r bin lib share /usr/local/
Try the example:      ./bin/rota plan share/rota/examples/xyz-tech-2027q1.yaml -o /tmp/xyz

Needs only glibc 2.35 or later and the C++ runtime (Debian 12, Ubuntu 22.04 or later). GLPK is in lib/rota/.
Rota is GPL-3.0-or-later (LICENSE); it links GLPK (GPL-3.0). Documentation: share/doc/rota/, man rota.
EOF

tarball="$out/$name.tar.gz"
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --mode='u+rwX,go+rX,go-w' \
    -C "$stage" -cf - "$name" | gzip -9n >"$tarball.partial"
mv "$tarball.partial" "$tarball"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "wrote $tarball ($(du -h "$tarball" | cut -f1)), sha256 $(cut -d' ' -f1 "$tarball.sha256")"
