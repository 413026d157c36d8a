/// The Whisper engine could not produce a transcript. The `code` is stable (logs, the API's job status);
/// `operation` names the step or system call that failed, and `detail` adds errno text, an exit status or the
/// worker's own error code. Never transcript text: a detail is safe to log.
public struct WhisperError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case notInstalled, startFailed, workerDied, timeout, protocolViolation, audioTooLong, system
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// The venv or the worker script is missing: run scripts/setup-whisper.sh.
        public static let notInstalled = Code(.notInstalled)
        /// The worker could not be spawned, or it exited or reported an error before its model was loaded.
        public static let startFailed = Code(.startFailed)
        /// The worker died during a request, and again after one restart.
        public static let workerDied = Code(.workerDied)
        /// The worker did not load its model or answer a request in time; it has been killed.
        public static let timeout = Code(.timeout)
        /// The worker sent a frame or JSON the engine does not understand, or refused a request.
        public static let protocolViolation = Code(.protocolViolation)
        /// The audio is longer than one request may carry (`WhisperConfiguration.maxAudioSeconds`).
        public static let audioTooLong = Code(.audioTooLong)
        /// A system call (socketpair, poll, waitpid) failed.
        public static let system = Code(.system)
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
        detail.isEmpty ? "WhisperError(\(code), \(operation))" : "WhisperError(\(code), \(operation): \(detail))"
    }
}
