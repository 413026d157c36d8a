#!/usr/bin/env bash
# Synthesizes every typed handover in the clinical corpus with espeak-ng (and Festival's us-slt-hts voice when
# installed), converts the audio to 16 kHz mono s16 WAV with sox, and transcribes it with PocketSphinx's
# command-line decoder and its en-us model. The transcripts are written next to the typed case as
#   NAME.pocketsphinx-espeak.txt and NAME.pocketsphinx-festival.txt
# so tests and the benchmark measure the extractor on real engine output without re-running speech recognition.
#
# Needs (Debian 12): espeak-ng sox pocketsphinx pocketsphinx-en-us, optionally festival festvox-us-slt-hts.
# Usage: scripts/make-engine-transcripts.sh [CORPUS_DIR] [NAME ...]   (default: Tests/ClinicalTests/Corpus, all)
set -euo pipefail

corpus="${1:-Tests/ClinicalTests/Corpus}"
shift || true
model=/usr/share/pocketsphinx/model/en-us

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing $1 (apt-get install $2)" >&2; exit 1; }; }
need espeak-ng espeak-ng
need sox sox
need pocketsphinx_continuous pocketsphinx
[ -d "$model/en-us" ] || { echo "missing $model (apt-get install pocketsphinx-en-us)" >&2; exit 1; }

have_festival=0
if command -v text2wave >/dev/null 2>&1 && [ -d /usr/share/festival/voices/us/cmu_us_slt_arctic_hts ]; then
    have_festival=1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

decode() { # $1 = 16 kHz mono s16 wav, prints the transcript on one line
    pocketsphinx_continuous -infile "$1" -hmm "$model/en-us" -lm "$model/en-us.lm.bin" \
        -dict "$model/cmudict-en-us.dict" -logfn /dev/null 2>/dev/null | tr '\n' ' ' | sed 's/  */ /g; s/^ //; s/ $//'
    echo
}

if [ "$#" -gt 0 ]; then names=("$@"); else
    names=()
    for f in "$corpus"/*.txt; do
        base="$(basename "$f" .txt)"
        case "$base" in *.*) continue ;; esac   # NAME.<engine>.txt are outputs, not inputs
        names+=("$base")
    done
fi

for name in "${names[@]}"; do
    text="$corpus/$name.txt"
    [ -f "$text" ] || { echo "no $text" >&2; exit 1; }
    espeak-ng -v en-us+klatt2 -s 150 -w "$work/e.wav" -f "$text"
    sox "$work/e.wav" -r 16000 -c 1 -b 16 -e signed-integer "$work/e16.wav"
    decode "$work/e16.wav" > "$corpus/$name.pocketsphinx-espeak.txt"
    if [ "$have_festival" = 1 ]; then
        text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$work/f.wav" "$text"
        sox "$work/f.wav" -r 16000 -c 1 -b 16 -e signed-integer "$work/f16.wav"
        decode "$work/f16.wav" > "$corpus/$name.pocketsphinx-festival.txt"
    fi
    echo "$name done" >&2
done
