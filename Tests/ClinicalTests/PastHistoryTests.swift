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
                     "merci general is asthmatic we're inbound", "COPD exacerbation suspected.",
                     // Denied anywhere in the sentence, also in a contraction.
                     "She doesn't have asthma.", "He hasn't got diabetes.", "He's never been diagnosed with epilepsy.",
                     "Denied any known COPD.", "Nil known heart failure.",
                     // Someone else's, or a finding now.
                     "His wife has dementia.", "Family have diabetes.", "We got AF on the ECG.", "He has new AF.",
                     "Pulse irregular with AF on the monitor.", "Chest pain consistent with angina.",
                     "Patient with ?AF.",
                     // The cue more than three words before.
                     "Has lots of stairs at home, COPD."] {
            #expect(Extractor.analyze(text).history.pastHistory == nil, "\(text)")
        }
        // A reading right after the condition's words belongs to the vitals.
        for text in ["Patient with high blood pressure 180 over 100.", "Patient with high blood pressure of 180 over 100.",
                     "Known high blood pressure-180 over 100."] {
            let bp = Extractor.analyze(text)
            #expect(bp.vitals.bpSystolic == 180, "\(text)")
            #expect(bp.vitals.bpDiastolic == 100, "\(text)")
        }
    }

    @Test func moreCues() {
        #expect(Extractor.analyze("Background COPD.").history.pastHistory == ["COPD"])
        #expect(Extractor.analyze("Diagnosed with epilepsy as a child.").history.pastHistory == ["epilepsy"])
        #expect(Extractor.analyze("He is epileptic.").history.pastHistory == ["epileptic"])
        #expect(Extractor.analyze("Patient diabetic.").history.pastHistory == ["diabetic"])
    }
}
