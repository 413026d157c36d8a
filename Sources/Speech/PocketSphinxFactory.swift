/// Makes one `PocketSphinxEngine` per worker thread, all from the same model directory and handover model.
public struct PocketSphinxFactory: SpeechEngineFactory {
    public let name: String
    /// The model directory every engine loads (see `PocketSphinxEngine.init(modelDirectory:handoverModel:)`).
    public let modelDirectory: String
    /// Added to the stock model; nil runs the stock model alone (the benchmarks' baseline).
    public let handoverModel: HandoverModel?

    public init(modelDirectory: String = PocketSphinxEngine.defaultModelDirectory,
                handoverModel: HandoverModel? = HandoverModel.bundled) {
        self.modelDirectory = modelDirectory
        self.handoverModel = handoverModel
        name = handoverModel == nil ? "pocketsphinx-stock" : "pocketsphinx"
    }

    public func makeEngine() throws -> any SpeechEngine {
        try PocketSphinxEngine(modelDirectory: modelDirectory, handoverModel: handoverModel)
    }
}
