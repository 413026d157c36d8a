// Benchmark for the clinical extractor (run: swift run -c release bench-clinical [CORPUS_DIR]).
//
// For every source in the corpus — the typed transcripts (NAME.txt) and each engine's (NAME.<engine>.txt) — prints
// field-level precision, recall and invented values against NAME.expected.json, and the time analyze() takes per
// handover against a baseline measured in the same run (lowercasing and whitespace-tokenizing the same text).
import Clinical
import Foundation

let arguments = CommandLine.arguments.dropFirst()
let verbose = arguments.contains("--verbose")
let corpus = URL(fileURLWithPath: arguments.first { !$0.hasPrefix("--") } ?? "Tests/ClinicalTests/Corpus")
let files: [String]
do {
    files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
} catch {
    FileHandle.standardError.write(Data("cannot read corpus \(corpus.path): \(error)\n".utf8))
    exit(1)
}

// "NAME.source" → what the engine transcript itself states instead of what was said (asr-substitutions.json)
let substitutions: [String: EngineSubstitutions]
do {
    substitutions = try EngineSubstitutions.load(from: corpus)
} catch {
    FileHandle.standardError.write(Data("cannot read \(corpus.path)/asr-substitutions.json: \(error)\n".utf8))
    exit(1)
}

// source name → [(case name, transcript)]
var sources: [String: [(String, String)]] = [:]
var expected: [String: Data] = [:]
for file in files where file.hasSuffix(".expected.json") {
    let name = String(file.dropLast(".expected.json".count))
    expected[name] = try Data(contentsOf: corpus.appendingPathComponent(file))
}
for file in files where file.hasSuffix(".txt") {
    let stem = String(file.dropLast(4))
    let parts = stem.split(separator: ".", maxSplits: 1)
    let name = String(parts[0])
    let source = parts.count == 2 ? String(parts[1]) : "typed"
    guard expected[name] != nil else { continue }
    let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
    sources[source, default: []].append((name, text))
}

// --dump NAME[.source]: print that case's analysis.json and report.txt instead of measuring.
if let i = arguments.firstIndex(of: "--dump"), arguments.index(after: i) < arguments.endIndex {
    let name = arguments[arguments.index(after: i)]
    let text = try String(contentsOf: corpus.appendingPathComponent(name + ".txt"), encoding: .utf8)
    let analysis = Extractor.analyze(text)
    print(String(decoding: try analysis.jsonData(), as: UTF8.self))
    print(ReportWriter.report(analysis, transcript: text, header: ReportHeader(
        recordingID: "corpus", sessionShort: "00000000", recordedAt: "1970-01-01T00:00:00Z", crew: "corpus",
        engine: name.contains(".") ? String(name.split(separator: ".")[1]) : "typed")))
    exit(0)
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

print(pad("source", 24) + pad("cases", 7) + pad("precision", 11) + pad("recall", 9) + pad("TP", 6) + pad("FP", 6)
      + pad("FN", 6) + pad("invented", 10) + pad("asr-subst", 11) + pad("stale", 7) + pad("µs/handover", 13) + pad("baseline µs", 13) + "ratio")
var failed = false
for source in sources.keys.sorted(by: { ($0 == "typed" ? "" : $0) < ($1 == "typed" ? "" : $1) }) {
    let cases = sources[source]!.sorted { $0.0 < $1.0 }
    var total = CorpusScore()
    for (name, text) in cases {
        let s = try CorpusScorer.score(Extractor.analyze(text), expected: expected[name]!,
                                       engine: substitutions["\(name).\(source)"] ?? EngineSubstitutions())
        total = total + s
        if verbose, !s.mismatches.isEmpty {
            print("  [\(source)] \(name)" + (s.invented > 0 ? " INVENTED \(s.invented)" : "")
                  + (s.asrSubstitutions > 0 ? " ASR-SUBSTITUTION \(s.asrSubstitutions)" : "") + ": "
                  + s.mismatches.joined(separator: "; "))
        }
    }
    // Timing: repeat the whole source until at least 0.3 s has passed, for both analyze() and the baseline.
    var rounds = 0
    var sink = 0
    var analyzeTime = 0.0
    repeat {
        analyzeTime += seconds { for (_, text) in cases { sink &+= Extractor.analyze(text).evidence.count } }
        rounds += 1
    } while analyzeTime < 0.3
    var baseTime = 0.0
    var baseRounds = 0
    repeat {
        baseTime += seconds {
            for (_, text) in cases { sink &+= text.lowercased().split(whereSeparator: { $0.isWhitespace }).count }
        }
        baseRounds += 1
    } while baseTime < 0.3
    let perAnalyze = analyzeTime / Double(rounds * cases.count) * 1e6
    let perBase = baseTime / Double(baseRounds * cases.count) * 1e6
    print(pad(source, 24) + pad("\(cases.count)", 7) + pad(String(format: "%.3f", total.precision), 11)
          + pad(String(format: "%.3f", total.recall), 9) + pad("\(total.truePositives)", 6)
          + pad("\(total.falsePositives)", 6) + pad("\(total.falseNegatives)", 6) + pad("\(total.invented)", 10) + pad("\(total.asrSubstitutions)", 11) + pad("\(total.staleLatest)", 7)
          + pad(String(format: "%.1f", perAnalyze), 13) + pad(String(format: "%.2f", perBase), 13)
          + String(format: "%.0fx", perAnalyze / perBase) + (sink == 42 ? " " : ""))
    if total.invented > 0 { failed = true }
}
exit(failed ? 2 : 0)
