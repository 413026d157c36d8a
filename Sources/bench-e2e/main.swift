// End-to-end benchmark of the processing pipeline with real audio:
//   swift run -c release bench-e2e [--corpus DIR] [--engines pocketsphinx,whisper] [--voices festival,espeak]
//                                  [--handover-weight W] [--only NAME,...] [--write-transcripts] [--no-corpus] [--no-live]
//                                  [--live-rounds N] [--realtime] [--verbose]
//   Engines: pocketsphinx (with its handover model), pocketsphinx-stock (without it: the baseline the model is
//   measured against; its transcripts are never written), whisper.
//
// 1. Corpus: every typed handover NAME.txt (with NAME.expected.json; the negatives too — they are where an
//    engine's mishearing could make the extractor invent a value) is spoken by each voice (Festival
//    cmu_us_slt_arctic_hts via text2wave, espeak-ng en-us+klatt2), converted by sox to 16 kHz mono s16 WAV,
//    decoded by the product's AudioDecoder and transcribed by the product's engine (PocketSphinxFactory,
//    WhisperFactory). Per engine × voice: WER against the typed text (TranscriptNormalizer: lowercase, no
//    punctuation, number words → digits the way crews say them, applied to both sides), share of the typed
//    text's numbers found with the same value in the same order, vital fields right, CorpusScorer's precision /
//    recall / invented, and the real-time factor (wall and CPU) with AudioDecoder.decode of the same WAV as the
//    in-run baseline. --write-transcripts writes each engine's transcripts as NAME.<engine>-<voice>.txt.
// 2. Live: a ~2-minute handover (Festival, typed cases joined) streamed in 250 ms chunks to an Application
//    started in this process, then stop → ready (polled every 20 ms), for each engine. --realtime sends a chunk
//    every 250 ms (as a tablet does) and runs each engine with live transcription off, then on.
// Whisper needs the venv of scripts/setup-whisper.sh (PARAMEDIC_WHISPER_VENV, default ./.venv-whisper).
// Exit status 2 when any value was invented, 1 when a live run failed.
import App
import Audio
import Clinical
import Foundation
import Speech

/// Progress on stderr (stdout carries the results).
func progress(_ message: String) {
    FileHandle.standardError.write(Data(("bench-e2e: " + message + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("bench-e2e: " + message + "\n").utf8))
    exit(1)
}

func option(_ name: String) -> String? {
    guard let i = CommandLine.arguments.firstIndex(of: name), i + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[i + 1]
}

func flag(_ name: String) -> Bool { CommandLine.arguments.contains(name) }
func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
func now() -> ContinuousClock.Instant { ContinuousClock.now }
func since(_ start: ContinuousClock.Instant) -> Double { LiveHandover.seconds(ContinuousClock.now - start) }

let corpus = URL(fileURLWithPath: option("--corpus") ?? "Tests/ClinicalTests/Corpus")
let engineNames = (option("--engines") ?? "pocketsphinx,whisper").split(separator: ",").map(String.init)
let voices = (option("--voices") ?? "festival,espeak").split(separator: ",").map { name -> Voice in
    guard let voice = Voice(rawValue: String(name)) else { fail("unknown voice \(name) (festival, espeak)") }
    return voice
}
let only = option("--only").map { Set($0.split(separator: ",").map(String.init)) }
let verbose = flag("--verbose")
let liveRounds = Int(option("--live-rounds") ?? "2") ?? 2
for engine in engineNames where !["pocketsphinx", "pocketsphinx-stock", "whisper"].contains(engine) { fail("unknown engine \(engine)") }
let missing = Synthesizer.missingTools(for: voices.isEmpty ? [.festival] : voices)
guard missing.isEmpty else {
    fail("missing \(missing.joined(separator: ", ")) (apt-get install --no-install-recommends festival "
         + "festvox-us-slt-hts espeak-ng sox)")
}

/// "pocketsphinx-stock" is PocketSphinx without the handover model: the baseline its model is measured against.
/// `--handover-weight W` sets the handover model's share (to re-tune `HandoverModel.defaultWeight`).
func factory(_ name: String) -> any SpeechEngineFactory {
    switch name {
    case "whisper": return WhisperFactory()
    case "pocketsphinx-stock": return PocketSphinxFactory(handoverModel: nil)
    default:
        var model = HandoverModel.bundled
        if let weight = option("--handover-weight").flatMap(Float.init) { model?.weight = weight }
        return PocketSphinxFactory(handoverModel: model)
    }
}

// MARK: corpus

struct Case {
    let name: String
    let text: String
    let expected: Data
}

var cases: [Case] = []
do {
    let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    for file in files where file.hasSuffix(".txt") && file.split(separator: ".").count == 2 {
        let name = String(file.dropLast(4))
        if let only, !only.contains(name) { continue }
        let expectedURL = corpus.appendingPathComponent(name + ".expected.json")
        guard let expected = try? Data(contentsOf: expectedURL) else { continue }
        cases.append(Case(name: name, text: try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8),
                          expected: expected))
    }
} catch {
    fail("cannot read corpus \(corpus.path): \(error)")
}
guard !cases.isEmpty else { fail("no NAME.txt with NAME.expected.json in \(corpus.path)") }

// "NAME.source" → what the engine transcript itself states instead of what was said (asr-substitutions.json)
let substitutions: [String: EngineSubstitutions]
do {
    substitutions = try EngineSubstitutions.load(from: corpus)
} catch {
    fail("cannot read \(corpus.path)/asr-substitutions.json: \(error)")
}

let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
    .joined(separator: " ") ?? "?"
print("bench-e2e (release) — \(ProcessInfo.processInfo.activeProcessorCount) cores, load average at start \(load)")
print("corpus \(corpus.path): \(cases.count) typed handovers (\(cases.filter { $0.name.hasPrefix("neg_") }.count) negatives included)")

let synthesizer = try Synthesizer()
var audio: [Voice: [String: [UInt8]]] = [:]
let corpusWanted = !flag("--no-corpus")
for voice in voices where corpusWanted {
    let start = now()
    for c in cases { audio[voice, default: [:]][c.name] = try synthesizer.speak(c.text, voice: voice) }
    progress("synthesized \(cases.count) handovers with \(voice) in \(format(since(start), 1)) s (not measured further)")
}

var results: [(engine: String, voice: Voice, result: EngineVoiceResult)] = []
var inventedAnywhere = false
var liveFailed = false
for engineName in engineNames where corpusWanted {
    let cpuStart = ProcessCPU.treeSeconds()
    let wallStart = now()
    let engine: any SpeechEngine
    do {
        engine = try factory(engineName).makeEngine()
    } catch {
        synthesizer.removeDirectory()
        fail("cannot start \(engineName): \(error)")
    }
    let startWall = since(wallStart)
    let startCPU = ProcessCPU.treeSeconds() - cpuStart
    for voice in voices {
        var r = EngineVoiceResult()
        r.engineStartWall = startWall
        r.engineStartCPU = startCPU
        let source = "\(engineName)-\(voice.rawValue)"
        for c in cases {
            let wav = audio[voice]![c.name]!
            // Baseline: the product's decode of the same WAV, 5 times.
            var samples: [Int16] = []
            let decodeCPU0 = ProcessCPU.treeSeconds()
            let decodeStart = now()
            for _ in 0..<5 { samples = try AudioDecoder.decode(wav) }
            r.decodeWall += since(decodeStart) / 5
            r.decodeCPU += (ProcessCPU.treeSeconds() - decodeCPU0) / 5
            let seconds = Double(samples.count) / Double(AudioDecoder.sampleRate)

            let cpu0 = ProcessCPU.treeSeconds()
            let start = now()
            let transcript = try engine.transcribe(samples: samples)
            r.transcribeWall += since(start)
            r.transcribeCPU += ProcessCPU.treeSeconds() - cpu0
            r.audioSeconds += seconds
            r.cases += 1

            let reference = TranscriptNormalizer.words(c.text)
            let hypothesis = TranscriptNormalizer.words(transcript)
            let edits = Alignment.editDistance(reference, hypothesis)
            r.referenceWords += reference.count
            r.wordEdits += edits
            let referenceNumbers = TranscriptNormalizer.numbers(in: reference)
            let numbersRight = Alignment.numbersInOrder(referenceNumbers, TranscriptNormalizer.numbers(in: hypothesis))
            r.referenceNumbers += referenceNumbers.count
            r.numbersRight += numbersRight

            let analysis = Extractor.analyze(transcript)
            let score = try CorpusScorer.score(analysis, expected: c.expected,
                                               engine: substitutions["\(c.name).\(source)"] ?? EngineSubstitutions())
            r.score = r.score + score
            let vitals = try VitalFields.count(analysis, expected: c.expected)
            r.vitalsExpected += vitals.expected
            r.vitalsRight += vitals.right
            if score.invented > 0 {
                r.invented.append("[\(source)] \(c.name): \(score.mismatches.joined(separator: "; "))\n    transcript: \(transcript)")
            }

            let committed = corpus.appendingPathComponent("\(c.name).\(source).txt")
            if flag("--write-transcripts") && engineName != "pocketsphinx-stock" {
                try Data((transcript + "\n").utf8).write(to: committed)
            } else if let old = try? String(contentsOf: committed, encoding: .utf8) {
                r.committedCompared += 1
                if old.trimmingCharacters(in: .whitespacesAndNewlines) == transcript.trimmingCharacters(in: .whitespacesAndNewlines) {
                    r.committedIdentical += 1
                }
            }
            if verbose {
                print("  [\(source)] \(pad(c.name, 32)) \(format(seconds, 1)) s  WER \(percent(reference.isEmpty ? 0 : Double(edits) / Double(reference.count)))"
                      + "  numbers \(numbersRight)/\(referenceNumbers.count)  vitals \(vitals.right)/\(vitals.expected)"
                      + "  invented \(score.invented)  RTF \(format(since(start) / seconds))")
            }
        }
        if r.score.invented > 0 { inventedAnywhere = true }
        results.append((engineName, voice, r))
        progress("measured \(source): \(r.cases) handovers, \(format(r.audioSeconds, 0)) s of audio")
    }
}

if !results.isEmpty {
    print("")
    print("Per engine × voice (WER and numbers: TranscriptNormalizer on both sides; fields: CorpusScorer vs NAME.expected.json)")
    print(pad("engine-voice", 22) + pad("audio s", 8) + pad("WER", 7) + pad("numbers right", 18)
          + pad("vitals right", 17) + pad("prec", 6) + pad("recall", 7) + pad("invented", 9) + pad("asr-sub", 8)
          + pad("stale", 6))
    for (engine, voice, r) in results {
        print(pad("\(engine)-\(voice.rawValue)", 22) + pad(format(r.audioSeconds, 0), 8) + pad(percent(r.wordErrorRate), 7)
              + pad("\(r.numbersRight)/\(r.referenceNumbers) \(percent(r.numberShare))", 18)
              + pad("\(r.vitalsRight)/\(r.vitalsExpected) \(percent(Double(r.vitalsRight) / Double(max(1, r.vitalsExpected))))", 17)
              + pad(format(r.score.precision, 3), 6) + pad(format(r.score.recall, 3), 7) + pad("\(r.score.invented)", 9)
              + pad("\(r.score.asrSubstitutions)", 8) + pad("\(r.score.staleLatest)", 6))
    }
    print("")
    print("Speed (RTF = transcribe time / audio time; baseline = AudioDecoder.decode of the same WAV, same run)")
    print(pad("engine-voice", 22) + pad("RTF wall", 9) + pad("RTF CPU", 9) + pad("decode RTF CPU", 15)
          + pad("transcribe/decode CPU", 22) + pad("engine start wall/CPU s", 24) + "same as committed")
    for (engine, voice, r) in results {
        print(pad("\(engine)-\(voice.rawValue)", 22) + pad(format(r.transcribeWall / r.audioSeconds, 3), 9)
              + pad(format(r.transcribeCPU / r.audioSeconds, 3), 9)
              + pad(String(format: "%.5f", r.decodeCPU / r.audioSeconds), 15)
              + pad(format(r.transcribeCPU / max(r.decodeCPU, 1e-9), 0) + "x", 22)
              + pad("\(format(r.engineStartWall, 1)) / \(format(r.engineStartCPU, 1))", 24)
              + (r.committedCompared > 0 ? "\(r.committedIdentical)/\(r.committedCompared)" : "-"))
    }
    let findings = results.flatMap(\.result.invented)
    if !findings.isEmpty {
        print("")
        print("INVENTED VALUES (extractor output that differs from what was said and is not a listed ASR substitution):")
        for f in findings { print("  " + f) }
    }
}

// MARK: live server

if !flag("--no-live") {
    // ~2 minutes of Festival speech: typed cases (not negatives) joined in name order until 120 s.
    var samples: [Int16] = []
    var text: [String] = []
    for c in cases where !c.name.hasPrefix("neg_") {
        let wav = try audio[.festival]?[c.name] ?? synthesizer.speak(c.text, voice: .festival)
        samples += try AudioDecoder.decode(wav)
        samples += [Int16](repeating: 0, count: 8_000)   // half a second between handovers
        text.append(c.text)
        if samples.count >= 120 * AudioDecoder.sampleRate { break }
    }
    let seconds = Double(samples.count) / Double(AudioDecoder.sampleRate)
    let reference = TranscriptNormalizer.words(text.joined(separator: " "))
    print("")
    print("Live server: \(format(seconds, 1)) s handover (Festival, \(text.count) cases joined), 250 ms chunks sent "
          + (flag("--realtime") ? "every 250 ms;" : "as fast as acknowledged;"))
    print("stop → ready polled every 20 ms. Small scrypt parameters (login not measured). Engines load at server start; round 1 may overlap that.")
    print(pad("engine", 14) + pad("round", 7) + pad("stream s", 10) + pad("stop→ready wall s", 19)
          + pad("CPU s", 8) + pad("WER", 8) + pad("report bytes", 14) + "live pieces")
    // Real-time streaming (--realtime): each engine twice in this run, live transcription off (the baseline: all
    // of it after stop) and on (30 s pieces while streaming), so the two compare under the same conditions.
    let realtime = flag("--realtime")
    let modes: [(String, Int)] = realtime ? [("off", 0), ("30 s", 30)] : [("30 s", 30)]
    if realtime { print("--realtime: chunks every 250 ms as a tablet sends them; live transcription off, then on.") }
    for engineName in engineNames {
        for (modeName, liveSeconds) in modes {
            do {
                let rounds = try LiveHandover.measure(asr: engineName, samples: samples, rounds: max(1, liveRounds),
                                                      realtime: realtime, liveSeconds: liveSeconds)
                for (i, round) in rounds.enumerated() {
                    let hypothesis = TranscriptNormalizer.words(round.transcript)
                    let wer = Double(Alignment.editDistance(reference, hypothesis)) / Double(max(1, reference.count))
                    print(pad(engineName, 14) + pad("\(i + 1)", 7) + pad(format(round.streamWall, 2), 10)
                          + pad(format(round.stopToReadyWall, 2), 19) + pad(format(round.stopToReadyCPU, 2), 8)
                          + pad(percent(wer), 8) + pad("\(round.reportBytes)", 14) + "live " + modeName)
                }
            } catch {
                print("\(engineName): live run failed: \(error)")
                liveFailed = true
            }
        }
    }
}
let endLoad = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
    .joined(separator: " ") ?? "?"
print("load average at end \(endLoad)")
synthesizer.removeDirectory()
exit(inventedAnywhere ? 2 : liveFailed ? 1 : 0)
