/// One schema step. Versions start at 1 and increase by one; `PRAGMA user_version` records the last applied.
public struct Migration: Sendable {
    public let version: Int
    public let sql: String

    public init(version: Int, sql: String) {
        self.version = version
        self.sql = sql
    }
}
