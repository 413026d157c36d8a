/// A user's role. Checked against the database on every request, never taken from a token.
public enum Role: String, Sendable, Codable, CaseIterable {
    case paramedic
    case supervisor
    case auditor
    case admin
}
