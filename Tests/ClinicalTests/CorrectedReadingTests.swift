import Testing
import Clinical

/// A correction whose new reading has more than one number ("150 over 90", "14:15") or words after it ("on air"):
/// the whole new reading must end the clause, and then the corrected value is not reported.
@Suite struct CorrectedReadingTests {
    @Test func aWeakLeadInCorrectsAPairOrAClockTime() {
        let bp = Extractor.analyze("BP 140 over 90, sorry, it's 150 over 90. Pulse 88.")
        #expect(bp.vitals.bpSystolic == 150 && bp.vitals.bpDiastolic == 90)
        #expect(bp.vitalsSeries.count == 1)
        #expect(bp.vitals.hr == 88)
        let time = Extractor.analyze("Morphine 5 mg IV at 14:10, sorry, it's 14:15.")
        #expect(time.medicationsGiven.first?.time == "14:15")
        let sats = Extractor.analyze("Sats 91, sorry, it's 96 on air.")
        #expect(sats.vitals.spo2 == 96)
    }

    @Test func actuallyNoIsAStrongMarker() {
        for text in ["Pulse is 110, actually no, it's 100.", "Pulse 110 actually no 100.", "Pulse 110, no, actually 100."] {
            #expect(Extractor.analyze(text).vitals.hr == 100, "\(text)")
        }
    }

    @Test func nearMissesStayAsTheyWere() {
        // An earlier reading, or words after the new number: no correction, the first value stays.
        #expect(Extractor.analyze("Sats 91, sorry, it was 96 a minute ago.").vitals.spo2 == 91)
        #expect(Extractor.analyze("BP 95 over 60, actually 120 over 80 at 14:10.").vitalsSeries.first?.values.bpSystolic == 95)
        #expect(Extractor.analyze("BP 140 over 90, sorry, it's 150 over 90 standing up.").vitals.bpSystolic == 140)
        // Not a number after "actually no".
        let a = Extractor.analyze("Sats 94 on air, actually no oxygen needed. Pulse 80.")
        #expect(a.vitals.spo2 == 94 && a.vitals.hr == 80)
        // "actually no" corrects only a number straight before it with the same shape.
        let other = Extractor.analyze("BP 140 over 90 pulse 88 actually no 150 over 90")
        #expect(other.vitals.hr == 88)
        #expect(Extractor.analyze("Sats 94 on air, actually no, 2 litres").vitals.spo2 == 94)
        // "it was" with a different shape (minutes after a pulse) is no correction.
        #expect(Extractor.analyze("Pulse 110. Sorry, it was 20 minutes before we got to him.").vitals.hr == 110)
    }
}
