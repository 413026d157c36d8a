/// SAMPLE history. NEMSIS: eHistory.06 medication allergies, eHistory.12 current medications.
public struct History: Codable, Sendable, Equatable {
    /// Allergies as said (lowercased); [] when "NKDA" was said; nil when allergies were not mentioned.
    public var allergies: [String]?
    /// True when "NKDA" / "no known (drug) allergies" was said; nil when not said.
    public var nkda: Bool?
    /// The patient's own (current) medications, canonical names; nil when none were mentioned. Never the
    /// medications the crew gave: those are `medications_given`.
    public var medications: [String]?
    public var pastHistory: [String]?
    public var lastMeal: String?
    public var events: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case allergies, nkda, medications
        case pastHistory = "past_history"
        case lastMeal = "last_meal"
        case events
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNullable(allergies, forKey: .allergies)
        try c.encodeNullable(nkda, forKey: .nkda)
        try c.encodeNullable(medications, forKey: .medications)
        try c.encodeNullable(pastHistory, forKey: .pastHistory)
        try c.encodeNullable(lastMeal, forKey: .lastMeal)
        try c.encodeNullable(events, forKey: .events)
    }
}
