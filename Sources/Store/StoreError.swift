/// A SQLite call failed. `code` is stable for callers; `message` is SQLite's text, for logs only — never sent to
/// a client (the HTTP layer answers `internal_error`).
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The database stayed locked past the busy timeout.
        public static let busy = Code("busy")
        /// A UNIQUE, FOREIGN KEY, CHECK or trigger constraint refused the change.
        public static let constraint = Code("constraint")
        /// The file is damaged or is not a database.
        public static let corrupt = Code("corrupt")
        /// Disk full, I/O error, read-only file, cannot open.
        public static let io = Code("io")
        /// The schema is newer than this program understands.
        public static let schemaTooNew = Code("schemaTooNew")
        /// Any other failure (misuse, SQL error).
        public static let other = Code("other")
        public var description: String { name }
    }

    public let code: Code
    /// SQLite's extended result code.
    public let resultCode: Int32
    public let message: String

    public init(_ code: Code, resultCode: Int32, message: String) {
        self.code = code
        self.resultCode = resultCode
        self.message = message
    }

    public var description: String { "StoreError(\(code), \(resultCode)): \(message)" }
}
