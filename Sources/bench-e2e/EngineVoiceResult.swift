import Clinical

/// Totals of one engine on one voice over the corpus.
struct EngineVoiceResult {
    var cases = 0
    var audioSeconds = 0.0
    var referenceWords = 0
    var wordEdits = 0
    var referenceNumbers = 0
    var numbersRight = 0
    var vitalsExpected = 0
    var vitalsRight = 0
    var score = CorpusScore()
    var transcribeWall = 0.0
    var transcribeCPU = 0.0
    var decodeWall = 0.0
    var decodeCPU = 0.0
    var engineStartWall = 0.0
    var engineStartCPU = 0.0
    /// Engine transcripts already in the corpus (made by another tool) compared with this run's.
    var committedCompared = 0
    var committedIdentical = 0
    var invented: [String] = []

    var wordErrorRate: Double { referenceWords == 0 ? 0 : Double(wordEdits) / Double(referenceWords) }
    var numberShare: Double { referenceNumbers == 0 ? 0 : Double(numbersRight) / Double(referenceNumbers) }
}
