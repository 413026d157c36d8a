import CALSA
import Glibc
import Synchronization

/// Server-side capture from a named ALSA PCM (`default`, `plughw:1,0`, a config-defined device) as canonical
/// audio: S16_LE, 16 kHz, mono. A dedicated thread reads one period at a time and hands each block to a handler.
///
/// Single use: `init` opens and configures the device, `start` launches the thread, `stop` ends it, delivers the
/// residual frames, joins the thread and closes the device. Create a new instance for the next capture.
///
/// `@unchecked Sendable`: `start`/`stop` may come from different threads; the thread handle and lifecycle state
/// live in a `Mutex`, the PCM is used only by the capture thread between `start` and the join in `stop`.
public final class ALSACapture: @unchecked Sendable {
    /// The canonical capture rate in Hz.
    public static let sampleRate = 16_000

    /// The ALSA device name this capture opened.
    public let device: String
    /// Frames per delivered block (the period ALSA granted; the last block after end of input may be shorter).
    public var periodFrames: Int { session.periodFrames }
    /// How many overruns (-EPIPE) were recovered so far; each one lost samples.
    public var overruns: Int { session.overrunCount.load(ordering: .relaxed) }

    private let session: CaptureSession
    private let lifecycle = Mutex<Lifecycle>(.ready)

    private enum Lifecycle: Sendable {
        case ready, running(pthread_t), stopped
    }

    /// Opens `device` for capture and configures S16_LE / 16 kHz / mono with a period near `periodFrames`
    /// (1,600 frames = 100 ms). The device must offer 16 kHz; `default` and `plughw:` devices convert.
    ///
    /// - Throws: `AudioError(.captureFailed)` naming the failing `snd_*` call.
    public init(device: String = "default", periodFrames: Int = 1_600) throws {
        precondition(periodFrames > 0, "periodFrames must be positive")
        self.device = device
        session = try CaptureSession(device: device, sampleRate: Self.sampleRate, periodFrames: periodFrames)
    }

    deinit {
        stop()
    }

    /// Starts the capture thread. `onSamples` receives each block on that thread (keep it quick: a slow handler
    /// causes overruns). `onEnd` runs once on that thread when capture ends: `nil` after `stop()` or at end of
    /// input, otherwise the error that ended it.
    ///
    /// - Throws: `AudioError(.captureFailed)` when already started or when the thread cannot be created.
    public func start(onSamples: @escaping @Sendable ([Int16]) -> Void,
                      onEnd: @escaping @Sendable (AudioError?) -> Void = { _ in }) throws {
        try lifecycle.withLock { state in
            guard case .ready = state else {
                throw AudioError(.captureFailed, operation: "start", detail: "capture already started")
            }
            session.onSamples = onSamples
            session.onEnd = onEnd
            let context = Unmanaged.passRetained(session).toOpaque()
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, captureThreadMain, context)
            guard status == 0 else {
                Unmanaged<CaptureSession>.fromOpaque(context).release()
                throw AudioError(.captureFailed, operation: "pthread_create", detail: "error \(status)")
            }
            state = .running(thread)
        }
    }

    /// Stops capturing: asks the thread to stop (it drains and delivers the residual frames), joins it, and closes
    /// the device. Returns within about one period. Idempotent; also called by deinit.
    public func stop() {
        let thread: pthread_t? = lifecycle.withLock { state in
            defer { state = .stopped }
            if case .running(let thread) = state { return thread }
            return nil
        }
        if let thread {
            session.stopRequested.store(true, ordering: .releasing)
            if pthread_equal(thread, pthread_self()) != 0 {
                // Called from a handler on the capture thread (or the last reference dropped there): it cannot
                // join itself; it ends after this block, and the session closes the PCM when released.
                let status = pthread_detach(thread)
                precondition(status == 0, "pthread_detach failed: \(status)")
                return
            }
            let status = pthread_join(thread, nil)
            precondition(status == 0, "pthread_join failed: \(status)")
        }
        // snd_pcm_close's result is checked inside close(); after a finished capture a failure has nothing left to
        // lose (the handle is released either way), so stop() stays non-throwing like a deinit path.
        try? session.close()
    }
}

/// The capture thread's entry point: non-capturing, balanced with the `passRetained` in `start`.
private func captureThreadMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let session = Unmanaged<CaptureSession>.fromOpaque(context!).takeRetainedValue()
    session.run()
    return nil
}
