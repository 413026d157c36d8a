/// Something the reader must notice, with the rule that raised it.
public struct Flag: Codable, Sendable, Equatable {
    /// How much a flag weighs in `severity`.
    public enum Level: String, Codable, Sendable {
        /// A dangerous finding: hypoxia, hypoglycaemia, GCS ≤ 8, glucometer LO.
        case critical
        /// An abnormal finding: reduced GCS, hyperglycaemia, glucometer HI, severe pain, a NEWS2 parameter scoring 3.
        case warning
        /// About the data, not the patient: an implausible or ambiguous value left out, an incomplete NEWS2.
        case info
    }

    /// Stable identifier: "hypoxia", "hypoglycaemia", "hyperglycaemia", "gcs_reduced", "gcs_severe",
    /// "glucose_meter_high", "glucose_meter_low", "glucose_ambiguous_unit", "implausible_value", "bp_ambiguous",
    /// "news2_red_parameter", "news2_incomplete", "gcs_inconsistent", "allergy_conflict", "allergy_unrecognised",
    /// "bp_incomplete", "severe_pain", "spo2_digit_joined", "drug_name_by_sound", "nkda_contradicted".
    public var code: String
    /// The rule that fired, e.g. "spo2 < 90", "plausible range hr 20...250".
    public var rule: String
    public var level: Level
    public var message: String
    /// The analysis.json path the flag is about, when there is one.
    public var path: String?
    /// The transcript words behind the flag (for values left out: what was said).
    public var text: String?

    public init(code: String, rule: String, level: Level, message: String, path: String? = nil, text: String? = nil) {
        self.code = code
        self.rule = rule
        self.level = level
        self.message = message
        self.path = path
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case code, rule, level, message, path, text
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(rule, forKey: .rule)
        try c.encode(level, forKey: .level)
        try c.encode(message, forKey: .message)
        try c.encodeNullable(path, forKey: .path)
        try c.encodeNullable(text, forKey: .text)
    }
}
