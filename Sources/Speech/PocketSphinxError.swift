/// PocketSphinx could not load its model or decode. The `code` is stable; `operation` names the C function or
/// check; `detail` never contains transcript text, so it is safe to log.
public struct PocketSphinxError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case modelNotFound, initFailed, decodeFailed
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// A model file (acoustic model dir, language model, dictionary) is missing or unreadable.
        public static let modelNotFound = Code(.modelNotFound)
        /// `cmd_ln_parse_r` or `ps_init` refused the configuration.
        public static let initFailed = Code(.initFailed)
        /// An utterance call (`ps_start_utt`, `ps_process_raw`, `ps_end_utt`) failed.
        public static let decodeFailed = Code(.decodeFailed)
        public var description: String {
            switch base {
            case .modelNotFound: "model_not_found"
            case .initFailed: "init_failed"
            case .decodeFailed: "decode_failed"
            }
        }
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
        detail.isEmpty ? "PocketSphinxError(\(code), \(operation))"
            : "PocketSphinxError(\(code), \(operation): \(detail))"
    }
}
