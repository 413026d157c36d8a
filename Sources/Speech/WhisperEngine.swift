import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whisper tiny.en, the accurate offline engine: a long-lived Python worker (faster-whisper, int8 on the CPU)
/// from the venv that `scripts/setup-whisper.sh` installs, fed the audio over a socket pair.
///
/// The worker starts in `init` and keeps its model loaded across calls. When it dies during a call it is
/// restarted once and the call retried; a second death throws `WhisperError.Code.workerDied`. Every call has a
/// deadline proportional to the audio's length; past it the worker is killed (the next call starts a fresh one)
/// and `.timeout` is thrown. Silence and noise yield "" (voice-activity detection and confidence checks in the
/// worker). Like every `SpeechEngine`, one instance serves one thread at a time.
public final class WhisperEngine: SpeechEngine {
    /// "whisper".
    public let name = "whisper"
    /// The installation and limits this engine runs with.
    public let configuration: WhisperConfiguration
    private var worker: WhisperWorker?

    /// Starts the worker and waits until its model is loaded (up to `configuration.startupTimeout`).
    /// Throws `.notInstalled`, `.startFailed`, `.timeout` or `.system`.
    public init(configuration: WhisperConfiguration) throws {
        self.configuration = configuration
        worker = try WhisperWorker.start(configuration)
    }

    deinit {
        worker?.terminate(signal: SIGTERM)
    }

    /// The worker's process id while one runs (tests use it to kill the worker).
    var workerProcessID: pid_t? { worker?.pid }

    /// The transcript of `samples` (16 kHz mono s16), "" for silence or noise. Throws a `WhisperError`:
    /// `.workerDied`, `.timeout`, `.audioTooLong`, `.protocolViolation`, or a start error of a restarted worker.
    public func transcribe(samples: [Int16]) throws -> String {
        if samples.isEmpty { return "" }
        let seconds = Double(samples.count) / 16_000
        guard seconds <= configuration.maxAudioSeconds else {
            throw WhisperError(.audioTooLong, operation: "transcribe",
                               detail: "\(Int(seconds)) s > \(Int(configuration.maxAudioSeconds)) s")
        }
        var firstDeath: WhisperError?
        for _ in 0..<2 {
            let current = try liveWorker()
            let deadline = ContinuousClock.now + configuration.timeout(sampleCount: samples.count)
            do {
                return try current.transcribe(samples, deadline: deadline)
            } catch let error as WhisperError where error.code == .workerDied {
                worker = nil  // already reaped; the next pass starts a new one
                if firstDeath == nil {
                    firstDeath = error
                    continue
                }
                throw WhisperError(.workerDied, operation: "transcribe",
                                   detail: "died again after a restart (\(firstDeath?.detail ?? ""); \(error.detail))")
            } catch {
                // A worker that timed out or broke the protocol is in an unknown state: never reuse it.
                current.terminate(signal: SIGKILL)
                worker = nil
                throw error
            }
        }
        throw WhisperError(.workerDied, operation: "transcribe", detail: firstDeath?.detail ?? "")
    }

    /// The running worker, or a new one when there is none or it exited while idle.
    private func liveWorker() throws -> WhisperWorker {
        if let worker, !worker.hasExited() {
            return worker
        }
        worker?.terminate(signal: SIGKILL)
        worker = nil
        let started = try WhisperWorker.start(configuration)
        worker = started
        return started
    }
}
