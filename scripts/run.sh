#!/usr/bin/env bash
# README command 1: install what is missing, build in release mode, start the server with its embedded defaults
# (data in this directory: paramedic.db, keys/, output/; keys made on first start; the first admin's one-time
# password printed once). Extra arguments go to `paramedic serve` (e.g. --port 8080).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/deps.sh
if [[ "${PARAMEDIC_ASR:-auto}" != "pocketsphinx" ]]; then
    bash scripts/setup-whisper.sh || echo "run: Whisper not installed; falling back to PocketSphinx" >&2
fi
swift build -c release --product paramedic
exec .build/release/paramedic serve "$@"
