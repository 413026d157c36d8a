#!/usr/bin/env bash
# Installs the Debian packages the product needs (and, with --test, what its tests need), only when missing.
# Idempotent: packages already installed are not touched; apt-get update runs only when something is missing.
set -euo pipefail

build=(pkg-config libmicrohttpd-dev libgnutls28-dev libssl-dev libsqlite3-dev libasound2-dev libsndfile1-dev
       libsamplerate0-dev libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us)
# Tests: speech synthesis (espeak-ng), sox to convert, jsonschema for the analysis schema test, ALSA's tools,
# python3-venv for the Whisper engine's venv. (bench-e2e also wants festival festvox-us-slt-hts.)
test=(sox python3-jsonschema espeak-ng alsa-utils python3 python3-venv)

want=("${build[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test[@]}"); fi

missing=()
for package in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    echo "deps: installing ${missing[*]}" >&2
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

command -v swift >/dev/null || {
    echo "deps: the Swift 6 toolchain is not on PATH (install it from swift.org into /opt/swift and add /opt/swift/usr/bin)" >&2
    exit 1
}
