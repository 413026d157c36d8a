/// A failure of the application layer that is not an HTTP answer: setup, keys, data directory.
public struct AppError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// A key file or keys/ is readable by others, or owned by someone else.
        public static let insecurePermissions = Code("insecurePermissions")
        /// A directory or file could not be created or read.
        public static let io = Code("io")
        /// A key file is malformed.
        public static let badKeyFile = Code("badKeyFile")
        /// The audit chain does not verify.
        public static let auditBroken = Code("auditBroken")
        /// A user-supplied argument is invalid (CLI).
        public static let invalidArgument = Code("invalidArgument")
        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
