/// National Early Warning Score 2 (Royal College of Physicians, 2017), SpO2 scale 1, from the latest vitals.
///
/// A parameter that was not said is missing, never assumed normal. While any is missing the score is a lower
/// bound: `risk` is "high" when that lower bound already reaches 7, otherwise "incomplete" — never "low".
public struct NEWS2: Codable, Sendable, Equatable {
    /// Parameter names, as used in `missing` and `subscores`.
    public enum Parameter: String, Codable, Sendable, CaseIterable {
        case respirationRate = "respiration_rate"
        case spo2 = "spo2"
        case airOrOxygen = "air_or_oxygen"
        case systolicBP = "systolic_bp"
        case pulse = "pulse"
        case consciousness = "consciousness"
        case temperature = "temperature"
    }

    /// Sum of the scored parameters (a lower bound when `complete` is false).
    public var score: Int
    /// "low", "low-medium" (a single parameter scoring 3), "medium", "high", or "incomplete".
    public var risk: String
    public var complete: Bool
    /// Parameters that were not said (raw values, in table order).
    public var missing: [String]
    /// True when at least one parameter scores 3 (the RCP "red score").
    public var redParameter: Bool
    /// Each parameter's score, nil when missing.
    public var subscores: [String: Int?]

    enum CodingKeys: String, CodingKey {
        case score, risk, complete, missing
        case redParameter = "red_parameter"
        case subscores
    }

    public init(score: Int, risk: String, complete: Bool, missing: [String], redParameter: Bool,
                subscores: [String: Int?]) {
        self.score = score
        self.risk = risk
        self.complete = complete
        self.missing = missing
        self.redParameter = redParameter
        self.subscores = subscores
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(score, forKey: .score)
        try c.encode(risk, forKey: .risk)
        try c.encode(complete, forKey: .complete)
        try c.encode(missing, forKey: .missing)
        try c.encode(redParameter, forKey: .redParameter)
        var sub = c.nestedContainer(keyedBy: DynamicKey.self, forKey: .subscores)
        for p in Parameter.allCases {
            try sub.encodeNullable(subscores[p.rawValue] ?? nil, forKey: DynamicKey(p.rawValue))
        }
    }

    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    // MARK: - Scoring (the table in CLINICAL.md, scale 1)

    static func respirationRate(_ v: Int) -> Int {
        switch v {
        case ...8: 3
        case 9...11: 1
        case 12...20: 0
        case 21...24: 2
        default: 3
        }
    }

    static func spo2Scale1(_ v: Int) -> Int {
        switch v {
        case ...91: 3
        case 92...93: 2
        case 94...95: 1
        default: 0
        }
    }

    static func systolicBP(_ v: Int) -> Int {
        switch v {
        case ...90: 3
        case 91...100: 2
        case 101...110: 1
        case 111...219: 0
        default: 3
        }
    }

    static func pulse(_ v: Int) -> Int {
        switch v {
        case ...40: 3
        case 41...50: 1
        case 51...90: 0
        case 91...110: 1
        case 111...130: 2
        default: 3
        }
    }

    /// Temperature in °C, read at one decimal as the table is written.
    static func temperature(_ celsius: Double) -> Int {
        let tenths = Int((celsius * 10).rounded())
        switch tenths {
        case ...350: return 3
        case 351...360: return 1
        case 361...380: return 0
        case 381...390: return 1
        default: return 2
        }
    }

    /// ACVPU: alert scores 0; new confusion, voice, pain or unresponsive scores 3. Without AVPU, GCS 15 is taken as
    /// alert and GCS below 15 as a new reduction in consciousness (3).
    static func consciousness(avpu: String?, gcs: Int?) -> Int? {
        if let avpu { return avpu == "A" ? 0 : 3 }
        if let gcs { return gcs == 15 ? 0 : 3 }
        return nil
    }

    /// "room air" scores 0, any oxygen 2, nothing said → missing.
    static func airOrOxygen(_ spo2On: String?) -> Int? {
        guard let spo2On else { return nil }
        return spo2On == "room air" ? 0 : 2
    }

    /// Scores the latest value of each vital.
    public static func score(_ v: Vitals) -> NEWS2 {
        let subs: [(Parameter, Int?)] = [
            (.respirationRate, v.rr.map(respirationRate)),
            (.spo2, v.spo2.map(spo2Scale1)),
            (.airOrOxygen, airOrOxygen(v.spo2On)),
            (.systolicBP, v.bpSystolic.map(systolicBP)),
            (.pulse, v.hr.map(pulse)),
            (.consciousness, consciousness(avpu: v.avpu, gcs: v.gcs)),
            (.temperature, v.temp.map(temperature)),
        ]
        var total = 0
        var missing: [String] = []
        var red = false
        var map: [String: Int?] = [:]
        for (p, s) in subs {
            map[p.rawValue] = s
            if let s {
                total += s
                if s == 3 { red = true }
            } else {
                missing.append(p.rawValue)
            }
        }
        let complete = missing.isEmpty
        let risk: String
        if total >= 7 {
            risk = "high"
        } else if !complete {
            risk = "incomplete"
        } else if total >= 5 {
            risk = "medium"
        } else if red {
            risk = "low-medium"
        } else {
            risk = "low"
        }
        return NEWS2(score: total, risk: risk, complete: complete, missing: missing, redParameter: red,
                     subscores: map)
    }
}
