/// Field-level agreement between one analysis and the expected values of a corpus case.
public struct CorpusScore: Sendable, Equatable {
    /// Expected values found.
    public var truePositives = 0
    /// Values extracted that were not expected (wrong, or expected null).
    public var falsePositives = 0
    /// Expected values not found.
    public var falseNegatives = 0
    /// False positives on clinical values (vitals, patient, history lists, times, medications): the extractor
    /// reported a value that differs from what was said, or one that was not said. Target: 0.
    public var invented = 0
    /// Wrong values that the speech engine's transcript itself states (listed in the corpus's
    /// asr-substitutions.json): counted as false positives, not as `invented`.
    public var asrSubstitutions = 0
    /// Latest values (`vitals.*`) that are the expected value of an earlier set: a later reading was lost, so an
    /// older, correctly read value is shown as the latest. Counted as false positives, not as `invented`.
    public var staleLatest = 0
    /// One line per disagreement, "path: expected X, got Y" (for diagnostics; contains corpus text, not PHI).
    public var mismatches: [String] = []
    /// `flags_include` codes the analysis did not raise.
    public var missingFlags: [String] = []

    public init() {}

    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    public static func + (a: CorpusScore, b: CorpusScore) -> CorpusScore {
        var s = a
        s.truePositives += b.truePositives
        s.falsePositives += b.falsePositives
        s.falseNegatives += b.falseNegatives
        s.invented += b.invented
        s.asrSubstitutions += b.asrSubstitutions
        s.staleLatest += b.staleLatest
        s.mismatches += b.mismatches
        s.missingFlags += b.missingFlags
        return s
    }
}
