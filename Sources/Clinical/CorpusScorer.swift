import Foundation

/// Compares an `Analysis` with a corpus case's `NAME.expected.json`, shared by the tests and the benchmark.
///
/// The expected file is a flat JSON object of analysis.json paths → values (`"vitals.hr": 110`,
/// `"history.allergies": ["penicillin"]`, `"medications_given[0].dose": 324`, `"vitals_series.count": 2`).
/// Every path in `nullSet` that the file does not list is expected to be null (counts: 0). `flags_include` lists
/// flag codes that must be raised. Free-text paths (`textPaths`) match when the extracted text contains the
/// expected text. Medications are matched by drug, not by position.
public enum CorpusScorer {
    /// Paths expected null unless the case says otherwise.
    public static let nullSet: [String] =
        Vitals.CodingKeys.allCases.map { "vitals." + $0.rawValue }
        + ["patient.age", "patient.age_unit", "patient.gender", "history.nkda", "history.allergies",
           "history.medications", "vitals_series.count", "medications_given.count"]
        + Times.CodingKeys.allCases.map { "times." + $0.rawValue }

    static let textPaths: Set<String> = ["chief_complaint", "mechanism", "history.last_meal", "history.events",
                                         "history.past_history"]

    enum ScoreError: Error { case notAnObject }

    /// Scores against what one engine transcript itself states instead of what was said (asr-substitutions.json).
    public static func score(_ analysis: Analysis, expected: Data, engine: EngineSubstitutions) throws -> CorpusScore {
        try score(analysis, expected: expected, substitutions: engine.numbers, itemSubstitutions: engine.items,
                  timeSubstitutions: engine.times)
    }

    /// - Parameters:
    ///   - substitutions: path → value the engine transcript itself states instead of the spoken value.
    ///   - itemSubstitutions: list path ("history.allergies") → items the engine transcript itself states instead
    ///     of the spoken ones ("sulphur" for "sulfa"). An extracted item listed here is counted as an ASR
    ///     substitution (still a false positive), not as invented.
    ///   - timeSubstitutions: path → clock time ("HH:MM") the engine transcript itself states instead of the spoken
    ///     one ("ten forty-eight" heard for "two forty-eight"): counted as an ASR substitution, not as invented.
    public static func score(_ analysis: Analysis, expected: Data, substitutions: [String: Double] = [:],
                             itemSubstitutions: [String: [String]] = [:],
                             timeSubstitutions: [String: String] = [:]) throws -> CorpusScore {
        guard var exp = try JSONSerialization.jsonObject(with: expected) as? [String: Any] else {
            throw ScoreError.notAnObject
        }
        let actual = try JSONSerialization.jsonObject(with: try analysis.jsonData())
        var score = CorpusScore()
        if let codes = exp.removeValue(forKey: "flags_include") as? [String] {
            let raised = Set(analysis.flags.map(\.code))
            score.missingFlags = codes.filter { !raised.contains($0) }
        }
        for path in nullSet where exp[path] == nil {
            exp[path] = path.hasSuffix(".count") ? 0 : NSNull()
        }
        // Medications given: matched by drug.
        var expectedMeds: [Int: [String: Any]] = [:]
        for (path, value) in exp where path.hasPrefix("medications_given[") {
            let inner = path.dropFirst("medications_given[".count)
            guard let close = inner.firstIndex(of: "]"), let i = Int(inner[..<close]) else { continue }
            expectedMeds[i, default: [:]][String(inner[inner.index(close, offsetBy: 2)...])] = value
            exp[path] = nil
        }
        for path in exp.keys.sorted() {
            let clinical = !path.hasPrefix("vitals_series") && !path.hasSuffix(".count") && !path.hasPrefix("news2")
                && path != "severity" && !textPaths.contains(path)
            let got = resolve(path, in: actual)
            if let sub = timeSubstitutions[path].map({ $0 as Any }) ?? substitutions[path].map({ NSNumber(value: $0) }),
               let g = got, same(g, sub) {
                countSubstitution(path, expected: exp[path], says: sub, into: &score)
                continue
            }
            // The latest of a vital is an earlier set's reading (a number, or the oxygen it was read on): the later
            // reading was lost, and the one shown was said.
            if path.hasPrefix("vitals."), let g = got, g is NSNumber || g is String, !isNull(exp[path]), !same(exp[path], g),
               exp.contains(where: { k, v in
                   k.hasPrefix("vitals_series[") && k.hasSuffix(".values." + path.dropFirst("vitals.".count)) && same(v, g)
               }) {
                score.falsePositives += 1
                score.falseNegatives += 1
                score.staleLatest += 1
                score.mismatches.append("\(path): expected \(describe(exp[path])), got \(describe(g)) from an earlier set (later reading lost)")
                continue
            }
            compare(path, expected: exp[path]!, actual: got, text: textPaths.contains(path), clinical: clinical,
                    substitutedItems: Set((itemSubstitutions[path] ?? []).map(spelling)), into: &score)
        }
        var unmatched = analysis.medicationsGiven
        for i in expectedMeds.keys.sorted() {
            let fields = expectedMeds[i]!
            guard let drug = fields["drug"] as? String else { continue }
            guard let k = unmatched.firstIndex(where: { $0.drug == drug }) else {
                score.falseNegatives += fields.values.filter { !($0 is NSNull) }.count
                score.mismatches.append("medications_given \(drug): expected, not found")
                continue
            }
            let med = unmatched.remove(at: k)
            let got: [String: Any] = ["drug": med.drug, "dose": med.dose as Any, "unit": med.unit as Any,
                                      "route": med.route as Any, "time": med.time as Any]
            for key in fields.keys.sorted() {
                let path = "medications_given[\(drug)].\(key)"
                if let sub = timeSubstitutions[path], let t = unwrap(got[key]), same(t, sub) {
                    countSubstitution(path, expected: fields[key], says: sub, into: &score)
                    continue
                }
                compare(path, expected: fields[key]!, actual: unwrap(got[key]), text: false, clinical: true, into: &score)
            }
        }
        for med in unmatched {
            score.falsePositives += 1
            score.invented += 1
            score.mismatches.append("medications_given \(med.drug): not expected")
        }
        return score
    }

    /// List items compared case-blind and with one British spelling made American: "ferrous sulphate" is the
    /// extractor's "ferrous sulfate" (drug names are reported in their international spelling).
    private static func spelling(_ item: String) -> String {
        item.lowercased().replacingOccurrences(of: "sulph", with: "sulf")
    }

    /// Equal readings: numbers within rounding, or the same text.
    private static func same(_ a: Any?, _ b: Any) -> Bool {
        if let x = a as? NSNumber, let y = b as? NSNumber { return abs(x.doubleValue - y.doubleValue) < 0.051 }
        if let x = a as? String, let y = b as? String { return x == y }
        return false
    }

    /// What the engine transcript itself states instead of what was said: wrong, but not invented.
    private static func countSubstitution(_ path: String, expected: Any?, says sub: Any, into score: inout CorpusScore) {
        score.falsePositives += 1
        score.falseNegatives += 1
        score.asrSubstitutions += 1
        score.mismatches.append("\(path): expected \(describe(expected)), engine transcript says \(describe(sub))")
    }

    private static func unwrap(_ v: Any?) -> Any? {
        guard let v else { return nil }
        if case Optional<Any>.none = v { return nil }
        if case Optional<Any>.some(let inner) = v { return inner }
        return v
    }

    private static func isNull(_ v: Any?) -> Bool { v == nil || v is NSNull }

    private static func compare(_ path: String, expected: Any, actual: Any?, text: Bool, clinical: Bool,
                                substitutedItems: Set<String> = [], into s: inout CorpusScore) {
        func miss(_ fp: Int, _ fn: Int) {
            s.falsePositives += fp
            s.falseNegatives += fn
            if clinical { s.invented += fp }
            s.mismatches.append("\(path): expected \(describe(expected)), got \(describe(actual))")
        }
        if let items = expected as? [Any] {
            let want = items.map { spelling("\($0)") }
            guard let got = (actual as? [Any])?.map({ spelling("\($0)") }) else {
                want.isEmpty ? miss(0, 1) : miss(0, want.count)
                return
            }
            if want.isEmpty, got.isEmpty {
                s.truePositives += 1
                return
            }
            var found = 0
            for w in want where got.contains(where: { text ? $0.contains(w) : $0 == w }) { found += 1 }
            let extras = got.filter { g in !want.contains { text ? g.contains($0) : g == $0 } }
            // Items the engine transcript itself states instead of the spoken ones: wrong, but not invented.
            let substituted = extras.filter { substitutedItems.contains($0) }.count
            s.truePositives += found
            if substituted > 0 {
                s.falsePositives += substituted
                s.asrSubstitutions += substituted
                s.mismatches.append("\(path): engine transcript says \(extras.filter { substitutedItems.contains($0) })")
            }
            let extra = extras.count - substituted
            if found < want.count || extra > 0 { miss(extra, want.count - found) }
            return
        }
        if isNull(expected) {
            if let n = actual as? NSNumber, path.hasSuffix(".count"), n.intValue == 0 { return }
            if !isNull(actual) { miss(1, 0) }
            return
        }
        guard !isNull(actual) else {
            if let n = expected as? NSNumber, path.hasSuffix(".count"), n.intValue == 0 { return }
            miss(0, 1)
            return
        }
        var equal = false
        if let e = expected as? String, let a = actual as? String {
            equal = text ? a.lowercased().contains(e.lowercased()) : a.lowercased() == e.lowercased()
        } else if let e = expected as? NSNumber, let a = actual as? NSNumber {
            equal = abs(e.doubleValue - a.doubleValue) < 0.051
        }
        if path.hasSuffix(".count"), let e = expected as? NSNumber, let a = actual as? NSNumber {
            if a.intValue < e.intValue { miss(0, 1) } else if a.intValue > e.intValue { miss(1, 0) } else {
                s.truePositives += 1
            }
            return
        }
        if !equal, !text, let e = expected as? String, let a = actual as? String,
           e.lowercased().hasPrefix(a.lowercased() + " ") {
            // "15 L/min" for "15 L/min non-rebreather": right but less specific — a miss, not a wrong value.
            miss(0, 1)
            return
        }
        equal ? (s.truePositives += 1) : miss(1, 1)
    }

    private static func describe(_ v: Any?) -> String {
        guard let v, !(v is NSNull) else { return "null" }
        return "\(v)"
    }

    /// Resolves "a.b[1].c" and "a.count" in a JSONSerialization tree.
    static func resolve(_ path: String, in root: Any) -> Any? {
        var node: Any? = root
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var index: Int?
            if let open = part.firstIndex(of: "["), let close = part.firstIndex(of: "]") {
                name = part[..<open]
                index = Int(part[part.index(after: open)..<close])
            }
            if name == "count", let array = node as? [Any] {
                node = array.count
                continue
            }
            guard let dict = node as? [String: Any] else { return nil }
            node = dict[String(name)]
            if let index {
                guard let array = node as? [Any], index < array.count else { return nil }
                node = array[index]
            }
        }
        return node
    }
}
