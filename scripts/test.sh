#!/usr/bin/env bash
# README command 2: install what the tests need, then build and run the whole suite (real server over loopback,
# real SQLite, OpenSSL, PocketSphinx, Whisper, ALSA file plugin, synthesized speech).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/deps.sh --test
bash scripts/setup-whisper.sh
swift build --build-tests
swift test --skip-build
