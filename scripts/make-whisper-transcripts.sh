#!/usr/bin/env bash
# Writes the clinical corpus's Whisper transcripts, NAME.whisper-festival.txt and NAME.whisper-espeak.txt, with the
# PRODUCT's pipeline: each typed handover is spoken by Festival (cmu_us_slt_arctic_hts) and espeak-ng (en-us+klatt2,
# the voices of make-engine-transcripts.sh), converted by sox to 16 kHz mono s16, decoded by Audio.AudioDecoder and
# transcribed by Speech.WhisperEngine (bench-e2e --write-transcripts; it prints the corpus scores too).
#
# Whisper's output is not bit-for-bit repeatable across runs (threaded int8 decoding), so after regenerating,
# re-check Tests/ClinicalTests/Corpus/asr-substitutions.json: CorpusTests requires every listed "heard" text to be
# in the engine transcript.
#
# Needs: festival festvox-us-slt-hts espeak-ng sox (apt), the venv of scripts/setup-whisper.sh.
# Usage: scripts/make-whisper-transcripts.sh [NAME,NAME...]   (run from the repository root; default: all cases)
# Exit status 2: the transcripts were written but the extractor invented a value on one (listed in the output).
set -euo pipefail
cd "$(dirname "$0")/.."
export PARAMEDIC_WHISPER_VENV="${PARAMEDIC_WHISPER_VENV:-$PWD/.venv-whisper}"
args=(--engines whisper --no-live --write-transcripts --corpus Tests/ClinicalTests/Corpus)
if [ "$#" -gt 0 ]; then args+=(--only "$1"); fi
swift run -c release bench-e2e "${args[@]}"
