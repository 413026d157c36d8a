import Store

/// An account as the rest of the product sees it (never the password hash).
public struct User: Sendable, Equatable, Codable {
    public let id: Int64
    public let username: String
    public let role: Role
    public let teams: [String]
    public let disabled: Bool
    public let mustChangePassword: Bool
    public let tokenVersion: Int64
    public let createdAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, username, role, teams, disabled
        case mustChangePassword = "must_change_password"
        case tokenVersion = "token_version"
        case createdAt = "created_at"
    }

    init(row: Row, teams: [String]) {
        id = row.int("id") ?? 0
        username = row.string("username") ?? ""
        role = Role(rawValue: row.string("role") ?? "") ?? .paramedic
        self.teams = teams
        disabled = (row.int("disabled") ?? 0) != 0
        mustChangePassword = (row.int("must_change_password") ?? 0) != 0
        tokenVersion = row.int("token_version") ?? 0
        createdAt = row.int("created_at") ?? 0
    }

    /// Usernames are normalized to lowercase and must be 3–64 of `[a-z0-9._-]`.
    public static func normalize(_ username: String) -> String? {
        let lowered = username.lowercased()
        guard (3...64).contains(lowered.utf8.count),
              lowered.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39)
                                        || $0 == 0x2e || $0 == 0x5f || $0 == 0x2d }) else { return nil }
        return lowered
    }

    /// Team names: 1–64 of `[A-Za-z0-9._ -]`.
    public static func validTeam(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                                                              || ". _-".unicodeScalars.contains($0)) }
    }
}
