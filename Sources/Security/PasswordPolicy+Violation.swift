extension PasswordPolicy {
    /// A broken password rule: a stable machine `code` and an English `message` for the user.
    public struct Violation: Error, Hashable, Sendable, CustomStringConvertible {
        /// Stable codes, safe to return to clients: `too_short`, `too_long`, `contains_username`,
        /// `common_password`.
        public struct Code: Hashable, Sendable, CustomStringConvertible {
            /// The snake_case code.
            public let rawValue: String
            private init(_ rawValue: String) { self.rawValue = rawValue }
            public static let tooShort = Code("too_short")
            public static let tooLong = Code("too_long")
            public static let containsUsername = Code("contains_username")
            public static let commonPassword = Code("common_password")
            public var description: String { rawValue }
        }

        public let code: Code
        /// A short explanation for the user; never contains the password.
        public let message: String

        init(_ code: Code, _ message: String) {
            self.code = code
            self.message = message
        }

        public var description: String { "\(code): \(message)" }
    }
}
