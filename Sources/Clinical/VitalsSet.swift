/// One set of vital signs in the order the crew said them (a value said again starts a new set).
public struct VitalsSet: Codable, Sendable, Equatable {
    /// 0-based position in `vitals_series`.
    public var index: Int
    /// "HH:MM" when the crew said when the set was taken, else nil.
    public var time: String?
    public var values: Vitals
    /// Keys of `values` said with "about", "around", "approximately"… (sorted).
    public var approximate: [String]
    /// True when the systolic pressure was taken by palpation ("ninety by palp"): no diastolic exists.
    public var bpPalpated: Bool

    public init(index: Int, time: String? = nil, values: Vitals = Vitals(), approximate: [String] = [],
                bpPalpated: Bool = false) {
        self.index = index
        self.time = time
        self.values = values
        self.approximate = approximate
        self.bpPalpated = bpPalpated
    }

    enum CodingKeys: String, CodingKey {
        case index, time, values, approximate
        case bpPalpated = "bp_palpated"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encodeNullable(time, forKey: .time)
        try c.encode(values, forKey: .values)
        try c.encode(approximate, forKey: .approximate)
        try c.encode(bpPalpated, forKey: .bpPalpated)
    }
}
