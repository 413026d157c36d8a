/// The server could not start or stop cleanly.
public struct HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// MHD refused to start (address in use, bad option, out of resources).
        public static let startFailed = Code("startFailed")
        /// The listen address is not an IPv4 or IPv6 literal.
        public static let invalidAddress = Code("invalidAddress")
        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "HTTPServerError(\(code)): \(message)" }
}
