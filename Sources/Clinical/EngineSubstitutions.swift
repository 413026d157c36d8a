import Foundation

/// What a speech engine itself changed in one transcript, from a corpus's asr-substitutions.json ("NAME.source" →
/// entries; see the file's `_about`): the engine transcript states a different, plausible value than the crew said,
/// so any reader of that transcript would report it. The scorer counts these as ASR substitutions (still false
/// positives for precision), not as values the extractor invented.
public struct EngineSubstitutions: Sendable {
    /// Path → the number the engine transcript states ("vitals.hr": 100).
    public var numbers: [String: Double] = [:]
    /// List path → items the engine transcript states ("history.allergies": ["sulphur"]).
    public var items: [String: [String]] = [:]
    /// Path → the clock time the engine transcript states ("times.on_scene": "10:48",
    /// "medications_given[morphine].time": "12:06").
    public var times: [String: String] = [:]

    public init() {}

    /// The directory's asr-substitutions.json by "NAME.source"; empty when the file is absent.
    public static func load(from directory: URL) throws -> [String: EngineSubstitutions] {
        let url = directory.appendingPathComponent("asr-substitutions.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        guard let root = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [String: Any] else {
            return [:]
        }
        var all: [String: EngineSubstitutions] = [:]
        for (key, value) in root where key != "_about" {
            var s = EngineSubstitutions()
            for entry in value as? [[String: Any]] ?? [] {
                guard let path = entry["path"] as? String else { continue }
                if let v = entry["value"] as? NSNumber { s.numbers[path] = v.doubleValue }
                if let item = entry["item"] as? String { s.items[path, default: []].append(item) }
                if let time = entry["time"] as? String { s.times[path] = time }
            }
            all[key] = s
        }
        return all
    }
}
