import Testing
import Clinical

/// What the first measurement of HeldOut17 found, fixed: a time glossed with midnight, a dose corrected by a
/// crewmate, and an animal's reading.
@Suite struct HeldOut17FindingsTests {
    /// "Morphine five milligrams IV at twelve oh six, that's six minutes past midnight": the gloss says which side of
    /// midnight it is, for the times said before it and after it.
    @Test func aTimeGlossedWithMidnight() {
        let a = Extractor.analyze("A banger went off in his hand. We were on scene at eleven fifty-eight. Pulse one hundred and twelve. Morphine five milligrams IV at twelve oh six, that's six minutes past midnight. Paracetamol one gram IV at twelve twenty. Left the scene at twelve twenty-five. Latest at twelve forty, pulse ninety-six.")
        #expect(a.times.onScene == "23:58" && a.times.leftScene == "00:25")
        #expect(a.medicationsGiven.map(\.time) == ["00:06", "00:20"])
        #expect(a.vitalsSeries.last?.time == "00:40")
        // Said out of order: "we left at twelve twenty-five, so just after midnight. First set at eleven fifty-eight".
        let b = Extractor.analyze("We left at twelve twenty-five, so just after midnight. First set at eleven fifty-eight: pulse seventy-two.")
        #expect(b.times.leftScene == "00:25" && b.vitalsSeries.first?.time == "23:58")
        #expect(Extractor.analyze("On scene at eleven fifty, ten to midnight. Left at twelve ten.").times.onScene == "23:50")
        // The story's gloss reads its own time only, and anchors nothing (review 50): a morning job stays a morning's.
        let story = Extractor.analyze("He says the pain started at twelve forty, just after midnight. We were called at nine forty and on scene at ten oh five.")
        #expect(story.times.onset == "00:40" && story.times.onScene == "10:05")
        #expect(Extractor.analyze("His mum gave him Calpol 5 ml at twelve ten, just after midnight. We were on scene at two forty.").times.onScene == "02:40")
        // Midday, or no gloss: the times keep their reading.
        let noon = Extractor.analyze("On scene at twelve ten, just after midday. Left at twelve forty.")
        #expect(noon.times.onScene != "00:10" && noon.times.leftScene != "00:40")
    }

    /// "We gave Benadryl fifty milligrams, sorry, Lisa's correcting me, twenty-five milligrams IV".
    @Test func aDoseCorrectedByACrewmate() {
        let a = Extractor.analyze("We gave Benadryl fifty milligrams, sorry, Lisa's correcting me, twenty-five milligrams IV at twenty-one twenty.")
        #expect(a.medicationsGiven.first?.dose == 25 && a.medicationsGiven.first?.route == "IV")
        let b = Extractor.analyze("We gave morphine 10 mg, sorry, my partner's correcting me, 5 mg IV.")
        #expect(b.medicationsGiven.first?.dose == 5)
        // Something else after it, or a number of another shape: nothing is dropped (review 50).
        #expect(Extractor.analyze("Pulse 110, sorry, Dave's correcting me, sats 94.").vitals.hr == 110)
        #expect(Extractor.analyze("Called at 10:30, pulse 88, sorry, Dave's correcting me, 10:40.").vitals.hr == 88)
    }

    /// "She says the dog's HR was 140 at the time": the dog's reading is not the patient's.
    @Test func anAnimalsReadingIsNotThePatients() {
        let a = Extractor.analyze("She was restraining a Labrador for sedation. She says the dog's HR was 140 at the time. Our vitals: HR 118, BP 148/92.")
        #expect(a.vitals.hr == 118 && a.vitalsSeries.count == 1)
        // A patient called Cat (review 50).
        #expect(Extractor.analyze("Cat's BP is 120 over 80, sats 91%.").vitals.bpSystolic == 120)
    }
}
