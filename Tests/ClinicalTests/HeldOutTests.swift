import Foundation
import Testing
import Clinical

/// Handovers written by people who had not read the extractor (HeldOut, HeldOut2, HeldOut3), with both engines'
/// transcripts of them. Typed text must invent nothing; every value's evidence must be exact transcript text on
/// every source. Precision and recall are bench-clinical's to report.
@Suite struct HeldOutTests {
    static let directories = ["HeldOut", "HeldOut2", "HeldOut3"]

    static func cases(in directory: String) throws -> [CorpusTests.Case] {
        let url = try #require(Bundle.module.url(forResource: directory, withExtension: nil))
        var result: [CorpusTests.Case] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where file.hasSuffix(".txt") {
            let stem = String(file.dropLast(4))
            let parts = stem.split(separator: ".", maxSplits: 1)
            let expectedURL = url.appendingPathComponent(parts[0] + ".expected.json")
            guard FileManager.default.fileExists(atPath: expectedURL.path) else { continue }
            result.append(CorpusTests.Case(name: String(parts[0]), source: parts.count == 2 ? String(parts[1]) : "typed",
                                           transcript: try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8),
                                           expected: try Data(contentsOf: expectedURL)))
        }
        return result
    }

    @Test(arguments: directories) func typedTextInventsNothing(_ directory: String) throws {
        let typed = try Self.cases(in: directory).filter { $0.source == "typed" }
        #expect(typed.count >= 20)
        for c in typed {
            let s = try CorpusScorer.score(Extractor.analyze(c.transcript), expected: c.expected)
            #expect(s.invented == 0, "\(directory)/\(c.name): \(s.mismatches)")
        }
    }

    @Test(arguments: directories) func evidenceIsExactOnEverySource(_ directory: String) throws {
        for c in try Self.cases(in: directory) {
            let scalars = Array(c.transcript.unicodeScalars)
            for e in Extractor.analyze(c.transcript).evidence {
                #expect(e.start >= 0 && e.start < e.end && e.end <= scalars.count, "\(c.name).\(c.source) \(e.path)")
                guard e.start >= 0, e.start < e.end, e.end <= scalars.count else { continue }
                #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.text, "\(c.name).\(c.source) \(e.path)")
            }
        }
    }
}
