/// An OpenSSL call failed or its input was refused. The `code` is stable; `operation` names the C function.
/// The OpenSSL error queue is drained into `detail` (library/reason text only: never key or plaintext bytes).
public struct CryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case openSSL, authenticationFailed, invalidInput, invalidKey
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// A libcrypto call returned failure.
        public static let openSSL = Code(.openSSL)
        /// An AEAD tag, key-unwrap integrity check or MAC did not verify.
        public static let authenticationFailed = Code(.authenticationFailed)
        /// Input of the wrong size or shape.
        public static let invalidInput = Code(.invalidInput)
        /// A key of the wrong size or kind.
        public static let invalidKey = Code(.invalidKey)
        public var description: String { "\(base)" }
    }

    public let code: Code
    public let operation: String
    public let detail: String

    public init(_ code: Code, operation: String, detail: String = "") {
        self.code = code
        self.operation = operation
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? "CryptoError(\(code), \(operation))" : "CryptoError(\(code), \(operation): \(detail))"
    }
}
