/// An offline speech-to-text engine. Every engine takes the product's canonical audio: 16 kHz, mono, signed
/// 16-bit samples.
///
/// Engines hold a loaded model and are NOT safe to use from two threads at once: the processing pipeline gives
/// each worker thread its own instance (see `SpeechEngineFactory`), so no engine needs a lock.
public protocol SpeechEngine: AnyObject {
    /// A stable name for logs and the API: "pocketsphinx", "whisper".
    var name: String { get }
    /// The transcript of `samples` (16 kHz mono s16). Silence yields "" (never invented words).
    func transcribe(samples: [Int16]) throws -> String
}

/// Makes one engine per worker thread.
public protocol SpeechEngineFactory: Sendable {
    var name: String { get }
    func makeEngine() throws -> any SpeechEngine
}
