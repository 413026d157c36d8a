/// A medication the crew gave. NEMSIS: eMedications.01 time, .03 drug, .04 route, .05 dose, .06 unit.
public struct MedicationGiven: Codable, Sendable, Equatable {
    /// Canonical drug name ("epinephrine" for "epi"/"adrenaline", "nitroglycerin" for "nitro"/"GTN").
    public var drug: String
    public var dose: Double?
    /// "mg", "mcg", "g", "ml" or "units" (with "/kg" for weight-based doses); nil when no unit was said (never
    /// assumed).
    public var unit: String?
    /// "IV", "IO", "IM", "SL", "PO", "IN", "SC", "NEB", "PR" or "INH".
    public var route: String?
    /// "HH:MM" when said.
    public var time: String?

    public init(drug: String, dose: Double? = nil, unit: String? = nil, route: String? = nil, time: String? = nil) {
        self.drug = drug
        self.dose = dose
        self.unit = unit
        self.route = route
        self.time = time
    }

    enum CodingKeys: String, CodingKey {
        case drug, dose, unit, route, time
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(drug, forKey: .drug)
        try c.encodeNullable(dose, forKey: .dose)
        try c.encodeNullable(unit, forKey: .unit)
        try c.encodeNullable(route, forKey: .route)
        try c.encodeNullable(time, forKey: .time)
    }
}
