/// Times said in the handover, "HH:MM" (24-hour). NEMSIS: eTimes.06 on scene, .07 at patient, .09 left scene,
/// .11 at destination, .12 transfer of care; `onset` is the ATMIST "time of onset".
public struct Times: Codable, Sendable, Equatable {
    public var onset: String?
    public var onScene: String?
    public var atPatient: String?
    public var leftScene: String?
    public var atDestination: String?
    public var transferOfCare: String?

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
        case onset
        case onScene = "on_scene"
        case atPatient = "at_patient"
        case leftScene = "left_scene"
        case atDestination = "at_destination"
        case transferOfCare = "transfer_of_care"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNullable(onset, forKey: .onset)
        try c.encodeNullable(onScene, forKey: .onScene)
        try c.encodeNullable(atPatient, forKey: .atPatient)
        try c.encodeNullable(leftScene, forKey: .leftScene)
        try c.encodeNullable(atDestination, forKey: .atDestination)
        try c.encodeNullable(transferOfCare, forKey: .transferOfCare)
    }
}
