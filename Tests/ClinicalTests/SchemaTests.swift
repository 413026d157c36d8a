import Foundation
import Testing
import Clinical

/// analysis.json against docs/analysis.schema.json (draft 2020-12), validated by python3's `jsonschema` — the
/// reference implementation — when it is installed; the test records an issue if it is not.
@Suite struct SchemaTests {
    static var schemaURL: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/analysis.schema.json")
    }

    @Test func schemaIsValidJSON() throws {
        let data = try Data(contentsOf: Self.schemaURL)
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func corpusAnalysesValidate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clinical-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var count = 0
        // The team's corpus on every source, and the held-out sets' typed text (their flags differ: "NKDA" then an
        // allergy, readings the crew rejects).
        var transcripts = try CorpusTests.cases().map(\.transcript)
        for directory in HeldOutTests.directories {
            transcripts += try HeldOutTests.cases(in: directory).filter { $0.source == "typed" }.map(\.transcript)
        }
        for transcript in transcripts {
            try Extractor.analyze(transcript).jsonData().write(to: dir.appendingPathComponent("\(count).json"))
            count += 1
        }
        try Extractor.analyze("").jsonData().write(to: dir.appendingPathComponent("empty.json"))
        // A document the schema must reject: proves the validator runs and the schema constrains values.
        var bad = try JSONSerialization.jsonObject(with: Extractor.analyze("pulse 80").jsonData()) as! [String: Any]
        var vitals = bad["vitals"] as! [String: Any]
        vitals["hr"] = 400
        bad["vitals"] = vitals
        try JSONSerialization.data(withJSONObject: bad).write(to: dir.appendingPathComponent("bad-hr.json"))
        let script = """
        import json, sys, glob
        try:
            import jsonschema
        except ImportError:
            print("NO_JSONSCHEMA"); sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        v = jsonschema.Draft202012Validator(schema)
        bad = 0
        rejected = 0
        for f in sorted(glob.glob(sys.argv[2] + "/*.json")):
            errors = list(v.iter_errors(json.load(open(f))))
            if "/bad-" in f:
                rejected += 1 if errors else 0
                continue
            for e in errors:
                bad += 1; print(f, list(e.absolute_path), e.message[:200])
        print("checked", len(glob.glob(sys.argv[2] + "/*.json")), "rejected", rejected)
        sys.exit(1 if bad else 0)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, Self.schemaURL.path, dir.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 3 {
            Issue.record("python3 jsonschema not installed: \(output)")
            return
        }
        #expect(p.terminationStatus == 0, "schema violations:\n\(output)")
        #expect(output.contains("checked \(count + 2) rejected 1"), "\(output)")
    }
}
