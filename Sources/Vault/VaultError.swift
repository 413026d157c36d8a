/// A vault operation failed. `code` is stable and safe to map to an HTTP status or an audit entry; `operation`
/// names the step (a syscall or a format check); `detail` never contains key or plaintext bytes.
public struct VaultError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case integrity, truncated, notFound, alreadyExists, invalidName, io, unsupportedVersion, invalidState,
                 tooLarge, invalidKey, keyUnwrapFailed, crypto
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// A tag did not verify, the header does not belong to the expected recording and type, or the bytes are
        /// not a vault file. Nothing from the failing segment was returned.
        public static let integrity = Code(.integrity)
        /// The file ends before its final segment (or in the middle of one).
        public static let truncated = Code(.truncated)
        /// The file does not exist.
        public static let notFound = Code(.notFound)
        /// `create` found a file with that name already.
        public static let alreadyExists = Code(.alreadyExists)
        /// The file name is empty, too long, or contains `/`, NUL, or is `.`/`..`.
        public static let invalidName = Code(.invalidName)
        /// A system call failed; `errno` says why.
        public static let io = Code(.io)
        /// A vault file of a newer format version.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// The appender is finished, or a segment count is out of range.
        public static let invalidState = Code(.invalidState)
        /// More segments than the 32-bit counter allows.
        public static let tooLarge = Code(.tooLarge)
        /// A master key of the wrong size, or an unusable key id.
        public static let invalidKey = Code(.invalidKey)
        /// A wrapped data key did not unwrap: wrong master key, or the stored bytes were altered.
        public static let keyUnwrapFailed = Code(.keyUnwrapFailed)
        /// OpenSSL failed for a reason other than authentication (see `detail`).
        public static let crypto = Code(.crypto)
        public var description: String { "\(base)" }
    }

    /// What went wrong, stable across releases.
    public let code: Code
    /// The step that failed: a system call (`pwrite`, `fdatasync`), `header`, `segment N`, ...
    public let operation: String
    /// The C `errno` for `.io` (and `.notFound`/`.alreadyExists` from a syscall), otherwise 0.
    public let errno: Int32
    /// Human-readable context for logs (never key or plaintext bytes).
    public let detail: String

    /// Creates an error; the vault's own code builds these.
    public init(_ code: Code, operation: String, errno: Int32 = 0, detail: String = "") {
        self.code = code
        self.operation = operation
        self.errno = errno
        self.detail = detail
    }

    public var description: String {
        var text = "VaultError(\(code), \(operation)"
        if errno != 0 { text += ", errno \(errno)" }
        if !detail.isEmpty { text += ": \(detail)" }
        return text + ")"
    }
}
