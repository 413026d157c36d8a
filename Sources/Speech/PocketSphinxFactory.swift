/// Makes one `PocketSphinxEngine` per worker thread, all from the same model directory.
public struct PocketSphinxFactory: SpeechEngineFactory {
    public let name = "pocketsphinx"
    /// The model directory every engine loads (see `PocketSphinxEngine.init(modelDirectory:)`).
    public let modelDirectory: String

    public init(modelDirectory: String = PocketSphinxEngine.defaultModelDirectory) {
        self.modelDirectory = modelDirectory
    }

    public func makeEngine() throws -> any SpeechEngine {
        try PocketSphinxEngine(modelDirectory: modelDirectory)
    }
}
