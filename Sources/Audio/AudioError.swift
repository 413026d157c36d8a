/// Audio input was refused or a C audio library call failed.
///
/// `code` is stable and maps onto the API's error codes (`unsupported_media_type` → 415, `invalid_audio`,
/// `decode_failed`, `too_long` → 400/413). `operation` names the check or the C function; `detail` carries the
/// library's own message (never sample data).
public struct AudioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code; `description` is the snake_case string used in API responses.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The bytes are not a container libsndfile reads (HTML renamed to .wav, unknown magic).
        public static let unsupportedMediaType = Code("unsupported_media_type")
        /// A known container whose header is broken or out of range (0 channels, absurd rate, truncated).
        public static let invalidAudio = Code("invalid_audio")
        /// libsndfile could not decode the body (corrupt frames after a valid header).
        public static let decodeFailed = Code("decode_failed")
        /// Longer than the caller's limit.
        public static let tooLong = Code("too_long")
        /// libsamplerate refused a conversion.
        public static let resampleFailed = Code("resample_failed")
        /// An ALSA call failed (device missing, busy, unsupported format, I/O error).
        public static let captureFailed = Code("capture_failed")

        public var description: String { rawValue }
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// The check or C function that failed, e.g. `"sf_open_virtual"`, `"wav_fmt"`.
    public let operation: String
    /// Human-readable detail for logs (library messages, header values); never audio content.
    public let detail: String

    /// Makes an error; `detail` is optional free text for logs.
    public init(_ code: Code, operation: String, detail: String = "") {
        self.code = code
        self.operation = operation
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? "AudioError(\(code), \(operation))" : "AudioError(\(code), \(operation): \(detail))"
    }
}
