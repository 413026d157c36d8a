import Clinical
import Foundation

/// The vitals (`vitals.*` in NAME.expected.json with a value) an analysis got exactly right.
enum VitalFields {
    /// (expected vitals with a value, how many of them the analysis reports with that value).
    static func count(_ analysis: Analysis, expected: Data) throws -> (expected: Int, right: Int) {
        guard let want = try JSONSerialization.jsonObject(with: expected) as? [String: Any],
              let got = (try JSONSerialization.jsonObject(with: analysis.jsonData()) as? [String: Any])?["vitals"]
                as? [String: Any] else {
            throw BenchError(.corpus, operation: "vital fields", detail: "not a JSON object")
        }
        var total = 0
        var right = 0
        for (path, value) in want where path.hasPrefix("vitals.") && !(value is NSNull) {
            total += 1
            let actual = got[String(path.dropFirst("vitals.".count))]
            if let e = value as? NSNumber, let a = actual as? NSNumber, abs(e.doubleValue - a.doubleValue) < 0.051 {
                right += 1
            } else if let e = value as? String, let a = actual as? String, e.lowercased() == a.lowercased() {
                right += 1
            }
        }
        return (total, right)
    }
}
