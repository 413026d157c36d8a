/// Why `JWT.verify` refused a token. The `code` is stable; `reason` is a short English phrase for logs that
/// never contains the token, a key or any value taken from the token.
///
/// The app maps `.expired` to 401 `token_expired` and every other code to 401 `invalid_token`; on `.unknownKey`
/// it may reload the keyring from disk once and verify again.
public struct JWTError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case malformed, unsupportedAlgorithm, unknownKey, badSignature, expired, notYetValid, invalidClaims
            case tooLarge
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// Not three base64url segments of strict JSON objects, or a forbidden/duplicate header member.
        public static let malformed = Code(.malformed)
        /// The header's `alg` is not exactly `HS256`.
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)
        /// The header's `kid` names no configured key.
        public static let unknownKey = Code(.unknownKey)
        /// The MAC does not verify.
        public static let badSignature = Code(.badSignature)
        /// `exp` has passed (beyond the leeway).
        public static let expired = Code(.expired)
        /// `nbf` or `iat` lies in the future (beyond the leeway).
        public static let notYetValid = Code(.notYetValid)
        /// A claim is missing, mistyped, or `iss`/`aud` does not match.
        public static let invalidClaims = Code(.invalidClaims)
        /// The token is longer than `JWT.maximumTokenByteCount`.
        public static let tooLarge = Code(.tooLarge)
        public var description: String { "\(base)" }
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "JWTError(\(code): \(reason))" }
}
