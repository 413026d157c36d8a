/// Where an extracted value came from: the exact transcript text and its offsets.
///
/// `start` and `end` are Unicode scalar offsets into the transcript (end exclusive), so
/// `Array(transcript.unicodeScalars)[start..<end]` is exactly `text`.
public struct Evidence: Codable, Sendable, Equatable {
    /// The analysis.json path of the value, e.g. "vitals.hr", "vitals_series[1].values.spo2",
    /// "medications_given[0].dose", "history.allergies[0]".
    public var path: String
    public var text: String
    public var start: Int
    public var end: Int
    /// The NEMSIS v3.5 element the value maps to, when there is one ("eVitals.10").
    public var nemsis: String?

    public init(path: String, text: String, start: Int, end: Int, nemsis: String? = nil) {
        self.path = path
        self.text = text
        self.start = start
        self.end = end
        self.nemsis = nemsis
    }

    enum CodingKeys: String, CodingKey {
        case path, text, start, end, nemsis
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encodeNullable(nemsis, forKey: .nemsis)
    }
}
