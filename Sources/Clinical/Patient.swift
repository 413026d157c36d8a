/// Who the patient is, as said. NEMSIS: ePatient.15 age (with ePatient.16 units), ePatient.13 gender.
public struct Patient: Codable, Sendable, Equatable {
    public var age: Int?
    /// "years", "months", "weeks" or "days"; nil when the age was not said.
    public var ageUnit: String?
    /// "male" or "female", only from words said ("male", "woman", "boy"…), never from pronouns.
    public var gender: String?

    public init(age: Int? = nil, ageUnit: String? = nil, gender: String? = nil) {
        self.age = age
        self.ageUnit = ageUnit
        self.gender = gender
    }

    enum CodingKeys: String, CodingKey {
        case age
        case ageUnit = "age_unit"
        case gender
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNullable(age, forKey: .age)
        try c.encodeNullable(ageUnit, forKey: .ageUnit)
        try c.encodeNullable(gender, forKey: .gender)
    }
}
