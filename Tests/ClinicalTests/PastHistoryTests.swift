import Testing
@testable import Clinical

/// Past history said without "history of" (`HandoverScanner.matchCondition`): found on the held-out sets' typed
/// handovers, where it was the most common miss after onset times.
@Suite struct PastHistoryTests {
    @Test func conditionsWithACue() {
        #expect(Extractor.analyze("Seventy year old female with COPD.").history.pastHistory == ["COPD"])
        #expect(Extractor.analyze("Known heart failure.").history.pastHistory == ["heart failure"])
        let af = Extractor.analyze("Takes apixaban for AF and amlodipine.")
        #expect(af.history.pastHistory == ["AF"])
        #expect(af.history.medications == ["apixaban", "amlodipine"])
        #expect(Extractor.analyze("He has Parkinson's and takes ropinirole.").history.pastHistory == ["Parkinson's"])
        #expect(Extractor.analyze("She's got dementia and that's her normal.").history.pastHistory == ["dementia"])
        #expect(Extractor.analyze("Known asthmatic.").history.pastHistory == ["asthmatic"])
        #expect(Extractor.analyze("She's asthmatic.").history.pastHistory == ["asthmatic"])
        #expect(Extractor.analyze("History A-fib, on apixaban.").history.pastHistory?.first?.contains("fib") == true)
        // Evidence is the condition's own words.
        #expect(Extractor.analyze("Known COPD.").evidence.contains { $0.path == "history.past_history[0]" && $0.text == "COPD" })
        // Said twice, listed once.
        #expect(Extractor.analyze("History of COPD. Known COPD.").history.pastHistory == ["COPD"])
    }

    @Test func nearMissesStayEmpty() {
        for text in ["No known COPD.", "Not diabetic.", "Non-diabetic.", "Pulse 140 in AF.", "Asthma attack today.",
                     "merci general is asthmatic fourteen we're inbound", "COPD exacerbation suspected."] {
            #expect(Extractor.analyze(text).history.pastHistory == nil, "\(text)")
        }
        // A reading right after the condition's words belongs to the vitals.
        let bp = Extractor.analyze("Patient with high blood pressure 180 over 100.")
        #expect(bp.vitals.bpSystolic == 180)
        #expect(bp.vitals.bpDiastolic == 100)
    }
}
