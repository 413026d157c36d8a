import Foundation
import Testing
import Clinical

/// How the benchmark tells an extractor's invention from what a speech engine changed or a later reading lost.
@Suite struct CorpusScorerTests {
    private func expected(_ fields: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: fields)
    }

    /// "on scene at ten forty eight" heard for "two forty-eight": listed, the engine's; unlisted, invented.
    @Test func aTimeTheEngineStatesIsNoInvention() throws {
        let analysis = Extractor.analyze("On scene at 10:48. Morphine 5 mg IV at 10:55.")
        let exp = try expected(["times.on_scene": "02:48", "medications_given.count": 1,
                                "medications_given[0].drug": "morphine", "medications_given[0].dose": 5,
                                "medications_given[0].unit": "mg", "medications_given[0].route": "IV",
                                "medications_given[0].time": "02:55"])
        let unlisted = try CorpusScorer.score(analysis, expected: exp)
        #expect(unlisted.invented == 2 && unlisted.asrSubstitutions == 0)
        var engine = EngineSubstitutions()
        engine.times = ["times.on_scene": "10:48", "medications_given[morphine].time": "10:55"]
        let listed = try CorpusScorer.score(analysis, expected: exp, engine: engine)
        #expect(listed.invented == 0 && listed.asrSubstitutions == 2)
        #expect(listed.falsePositives == unlisted.falsePositives)
        // A listed time that is not the one read is no excuse.
        engine.times = ["times.on_scene": "10:40"]
        #expect(try CorpusScorer.score(analysis, expected: exp, engine: engine).invented == 2)
    }

    /// The latest oxygen context from an earlier set, when the later reading was lost: stale, not invented.
    @Test func anEarlierSetsOxygenIsStaleNotInvented() throws {
        let analysis = Extractor.analyze("Sats 93 on air. Put on 15 litres non-rebreather.")
        let exp = try expected(["vitals.spo2": 97, "vitals.spo2_on": "15 L/min non-rebreather",
                                "vitals_series.count": 2,
                                "vitals_series[0].values.spo2": 93, "vitals_series[0].values.spo2_on": "room air",
                                "vitals_series[1].values.spo2": 97,
                                "vitals_series[1].values.spo2_on": "15 L/min non-rebreather"])
        let s = try CorpusScorer.score(analysis, expected: exp)
        #expect(analysis.vitals.spo2On == "room air")
        #expect(s.staleLatest == 2 && s.invented == 0)
    }

    /// asr-substitutions.json's three kinds of entry.
    @Test func loadsEveryKindOfEntry() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scorer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try EngineSubstitutions.load(from: dir).isEmpty)
        let json = """
            {"_about": "…", "a.pocketsphinx-festival": [
              {"path": "vitals.hr", "value": 100, "heard": "x", "said": "y"},
              {"path": "history.allergies", "item": "sulphur", "heard": "x", "said": "y"},
              {"path": "times.on_scene", "time": "10:48", "heard": "x", "said": "y"}]}
            """
        try Data(json.utf8).write(to: dir.appendingPathComponent("asr-substitutions.json"))
        let all = try EngineSubstitutions.load(from: dir)
        let s = try #require(all["a.pocketsphinx-festival"])
        #expect(all.count == 1 && s.numbers == ["vitals.hr": 100] && s.items == ["history.allergies": ["sulphur"]])
        #expect(s.times == ["times.on_scene": "10:48"])
        try Data("[not json".utf8).write(to: dir.appendingPathComponent("asr-substitutions.json"))
        #expect(throws: (any Error).self) { try EngineSubstitutions.load(from: dir) }
    }
}
