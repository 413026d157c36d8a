import Testing
import Clinical

/// Each text's drugs given and home medicines, sorted (nil: not checked); shared by the findings suites.
func expectSides(_ cases: [(String, given: [String]?, history: [String]?)],
                 sourceLocation: SourceLocation = #_sourceLocation) {
    for c in cases {
        let a = Extractor.analyze(c.0)
        if let g = c.given {
            #expect(a.medicationsGiven.map(\.drug).sorted() == g, "\(c.0)", sourceLocation: sourceLocation)
        }
        if let h = c.history {
            #expect((a.history.medications ?? []).sorted() == h, "\(c.0)", sourceLocation: sourceLocation)
        }
    }
}
