#!/usr/bin/env bash
# The action's install step: downloads Rota's release tarball, verifies its SHA-256, unpacks it under RUNNER_TEMP
# and puts its bin/ on the PATH of the job's later steps (GITHUB_PATH). Inputs come as ROTA_* variables from
# action.yml; nothing is installed system-wide and no root is needed.
set -euo pipefail

fail() {
    echo "::error title=rota install::$1"
    exit 1
}
version=${ROTA_VERSION:?}
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "version: expected a release like 0.2.0, found '$version'"
[ "$(uname -s)" = Linux ] || fail "the release tarball is for Linux; this runner is $(uname -s)"
machine=$(uname -m)
[ "$machine" = x86_64 ] || fail "the release tarball is for x86_64; this runner is $machine"
name="rota-$version-linux-$machine"
url=${ROTA_RELEASE_URL:-}
if [ -z "$url" ]; then
    repository=${ROTA_ACTION_REPOSITORY:-}
    [ -n "$repository" ] || fail "release-url is empty and the action's repository is unknown"
    url="https://github.com/$repository/releases/download/v$version/$name.tar.gz"
fi
temp=${RUNNER_TEMP:?RUNNER_TEMP is not set}
download="$temp/rota-download"
rm -rf "$download"
mkdir -p "$download"
echo "Downloading $url"
curl -fsSL --retry 3 -o "$download/$name.tar.gz" "$url" || fail "cannot download $url"

expected=${ROTA_SHA256:-}
if [ -z "$expected" ]; then
    curl -fsSL --retry 3 -o "$download/sha256" "$url.sha256" ||
        fail "cannot download $url.sha256; give the digest as the sha256 input"
    expected=$(cut -d' ' -f1 "$download/sha256")
fi
actual=$(sha256sum "$download/$name.tar.gz" | cut -d' ' -f1)
[ "$actual" = "$expected" ] || fail "$name.tar.gz has SHA-256 $actual, expected $expected"

target="$temp/$name"
rm -rf "$target"
tar -xzf "$download/$name.tar.gz" -C "$temp"
[ -x "$target/bin/rota" ] || fail "$name.tar.gz has no $name/bin/rota"
installed=$("$target/bin/rota" --version) || fail "the installed rota does not run: $installed"
[[ "$installed" == "rota $version "* ]] || fail "expected rota $version, the tarball holds: $installed"
echo "Installed $installed"
echo "$target/bin" >>"${GITHUB_PATH:?}"
echo "rota=$target/bin/rota" >>"${GITHUB_OUTPUT:?}"
