/// Overall severity, from NEWS2 and the flags (see `SeverityRules`).
public enum Severity: String, Codable, Sendable, CaseIterable {
    case veryHigh = "Very High"
    case high = "High"
    case medium = "Medium"
    case low = "Low"
    case veryLow = "Very Low"
}
