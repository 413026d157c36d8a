/// One value of each vital sign; nil means it was not said (or was not usable and was flagged instead).
///
/// NEMSIS v3.5: eVitals.06 SBP, .07 DBP, .10 heart rate, .12 SpO2, .14 respiratory rate, .16 EtCO2,
/// .18 glucose, .19–.21 GCS eye/verbal/motor, .23 GCS total, .24 temperature, .26 AVPU, .27 pain score.
public struct Vitals: Codable, Sendable, Equatable {
    public var bpSystolic: Int?
    public var bpDiastolic: Int?
    /// Heart rate / pulse, beats per minute.
    public var hr: Int?
    /// Respiratory rate, breaths per minute.
    public var rr: Int?
    /// Oxygen saturation, percent.
    public var spo2: Int?
    /// Temperature in °C (Fahrenheit readings are converted), one decimal.
    public var temp: Double?
    public var gcs: Int?
    public var painScale0To10: Int?
    public var glucoseMmolL: Double?
    public var glucoseMgDl: Int?
    /// End-tidal CO2, mmHg.
    public var etco2: Int?
    /// What the patient breathed when `spo2` was read: "room air", "15 L/min non-rebreather", "oxygen"…
    public var spo2On: String?
    /// ACVPU level: "A", "C" (new confusion), "V", "P" or "U".
    public var avpu: String?
    public var gcsEye: Int?
    public var gcsVerbal: Int?
    public var gcsMotor: Int?

    public init() {}

    /// The JSON keys, in the order of DESIGN.md.
    public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
        case bpSystolic = "bp_systolic"
        case bpDiastolic = "bp_diastolic"
        case hr, rr, spo2, temp, gcs
        case painScale0To10 = "pain_scale_0_10"
        case glucoseMmolL = "glucose_mmol_l"
        case glucoseMgDl = "glucose_mg_dl"
        case etco2
        case spo2On = "spo2_on"
        case avpu
        case gcsEye = "gcs_eye"
        case gcsVerbal = "gcs_verbal"
        case gcsMotor = "gcs_motor"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNullable(bpSystolic, forKey: .bpSystolic)
        try c.encodeNullable(bpDiastolic, forKey: .bpDiastolic)
        try c.encodeNullable(hr, forKey: .hr)
        try c.encodeNullable(rr, forKey: .rr)
        try c.encodeNullable(spo2, forKey: .spo2)
        try c.encodeNullable(temp, forKey: .temp)
        try c.encodeNullable(gcs, forKey: .gcs)
        try c.encodeNullable(painScale0To10, forKey: .painScale0To10)
        try c.encodeNullable(glucoseMmolL, forKey: .glucoseMmolL)
        try c.encodeNullable(glucoseMgDl, forKey: .glucoseMgDl)
        try c.encodeNullable(etco2, forKey: .etco2)
        try c.encodeNullable(spo2On, forKey: .spo2On)
        try c.encodeNullable(avpu, forKey: .avpu)
        try c.encodeNullable(gcsEye, forKey: .gcsEye)
        try c.encodeNullable(gcsVerbal, forKey: .gcsVerbal)
        try c.encodeNullable(gcsMotor, forKey: .gcsMotor)
    }

    /// True when no value is set.
    public var isEmpty: Bool { self == Vitals() }
}
