/// The role × action table of DESIGN.md, in one place. Deny by default: an action missing here is refused for
/// every role. Admins and auditors never reach patient data through this table.
public enum Policy {
    static let table: [Action: Set<Role>] = [
        .identify: [.paramedic, .supervisor, .auditor, .admin],
        .record: [.paramedic, .supervisor],
        .readOwnRecordings: [.paramedic, .supervisor],
        .cleanupOwnSession: [.paramedic, .supervisor, .admin],
        .readAudit: [.auditor],
        .administer: [.admin],
    ]

    public static func allows(_ role: Role, _ action: Action) -> Bool {
        table[action]?.contains(role) ?? false
    }
}
