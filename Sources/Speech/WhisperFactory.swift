import Foundation

/// Makes `WhisperEngine`s, one per worker thread (each runs its own worker process and model).
public struct WhisperFactory: SpeechEngineFactory {
    /// "whisper".
    public let name = "whisper"
    /// The configuration every engine of this factory gets.
    public let configuration: WhisperConfiguration

    /// A factory for `configuration`; by default the venv of `WhisperConfiguration.defaultVenv`.
    public init(configuration: WhisperConfiguration = WhisperConfiguration(venv: WhisperConfiguration.defaultVenv)) {
        self.configuration = configuration
    }

    /// A new `WhisperEngine` with its own worker, started and ready (throws its start errors).
    public func makeEngine() throws -> any SpeechEngine {
        try WhisperEngine(configuration: configuration)
    }

    /// True when `scripts/setup-whisper.sh` completed for `venv`: its Python and worker are there and the setup
    /// stamp, written only after the offline model check passed, exists. Starts no process; `--asr auto` uses it to
    /// choose Whisper over PocketSphinx.
    public static func isInstalled(venv: URL = WhisperConfiguration.defaultVenv) -> Bool {
        let configuration = WhisperConfiguration(venv: venv)
        let fileManager = FileManager.default
        return fileManager.isExecutableFile(atPath: configuration.python.path)
            && fileManager.fileExists(atPath: configuration.workerScript.path)
            && fileManager.fileExists(atPath: configuration.setupStamp.path)
    }
}
