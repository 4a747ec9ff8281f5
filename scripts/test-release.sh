#!/usr/bin/env bash
# Proves the release tarball self-contained: in a clean Debian root (debootstrap --variant=minbase: no Swift, no
# GLPK, no compiler), unpack it, then plan and check its bundled example there, and compare the schedule with the
# committed one byte for byte.
#
# Usage: scripts/test-release.sh TARBALL
# Needs root (debootstrap, chroot, mounting /proc) and Debian's archive. ROTA_TEST_ROOT=DIR reuses a root made
# before (it is made there when missing), so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(readlink -f "${1:?usage: scripts/test-release.sh TARBALL}")
[ -f "$tarball" ] || { echo "test-release.sh: no tarball $tarball" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "test-release.sh: needs root (debootstrap, chroot)" >&2; exit 2; }
name=$(basename "$tarball" .tar.gz)

command -v debootstrap >/dev/null 2>&1 || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
}
root=${ROTA_TEST_ROOT:-$(mktemp -d)}
[ -n "${ROTA_TEST_ROOT:-}" ] || trap 'rm -rf "$root"' EXIT
if [ ! -x "$root/bin/sh" ]; then
    echo "Making a clean Debian root in $root ..."
    debootstrap --variant=minbase "$(. /etc/os-release && echo "$VERSION_CODENAME")" "$root" \
        http://deb.debian.org/debian >"$root.debootstrap.log" 2>&1 ||
        { tail -20 "$root.debootstrap.log" >&2; exit 1; }
    rm -f "$root.debootstrap.log"
fi

# What the root must not have: Swift's runtime or GLPK, so the tarball alone can make rota run.
for absent in usr/lib/x86_64-linux-gnu/libglpk.so.40 usr/lib/swift usr/bin/swift usr/bin/cc; do
    if [ -e "$root/$absent" ]; then echo "test-release.sh: the root is not clean: it has /$absent" >&2; exit 1; fi
done

work=/opt/release-test
rm -rf "${root:?}$work"
mkdir -p "$root$work"
tar -xzf "$tarball" -C "$root$work"
cp reports/xyz-tech-2027q1/rotation.csv "$root$work/committed-rotation.csv"
cp reports/xyz-tech-2027q1/ownership.csv "$root$work/committed-ownership.csv"

mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true; [ -n "${ROTA_TEST_ROOT:-}" ] || rm -rf "$root"' EXIT
# A clean environment: no PATH into this machine's toolchain, no calendars from outside the tarball.
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 /bin/bash -euo pipefail -c "
    cd $work
    rota=$work/$name/bin/rota
    # Every library resolves, and none from outside the tarball but glibc's and the C++ runtime.
    if ldd \$rota | grep -q 'not found'; then ldd \$rota; exit 1; fi
    ldd \$rota | awk '\$3 ~ /^\\// && \$3 !~ /^$(echo "$work/$name" | sed 's|/|\\/|g')/ { print \$1 }' >outside.txt
    if grep -vE '^(libc|libm|ld-linux|libstdc\+\+|libgcc_s)' outside.txt; then echo 'loaded from the system:'; exit 1; fi
    \$rota --version
    \$rota holidays --region MY-10 --year 2027 >holidays.txt
    head -3 holidays.txt
    \$rota plan $name/share/rota/examples/xyz-tech-2027q1.yaml -o xyz -q
    \$rota check $name/share/rota/examples/xyz-tech-2027q1.yaml --schedule xyz
    cmp xyz/rotation.csv committed-rotation.csv
    cmp xyz/ownership.csv committed-ownership.csv
    test -s $name/share/man/man1/rota.1
    test -s $name/share/bash-completion/completions/rota
"
echo "release test: ok ($name runs in a clean Debian root; its plan of the example equals the committed schedule)"
