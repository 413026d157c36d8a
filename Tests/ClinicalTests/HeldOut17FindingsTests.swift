import Testing
import Clinical

/// What the measurements of HeldOut17 found, fixed: a time glossed with midnight, a dose corrected by a crewmate, an
/// animal's reading, a past reading in someone else's words, the physio's reading and the home help's dose.
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

    /// "Her cousin's a retired GP and he says her pulse was a hundred and forty at the start", "The dentist's note
    /// says his blood pressure was one thirty-eight over eighty": someone else's words about a past reading.
    @Test func aPastReadingInSomeoneElsesWords() {
        let a = Extractor.analyze("Her cousin's a retired GP and he says her pulse was a hundred and forty at the start. Our obs, pulse one hundred and four, BP one hundred and eight over sixty-eight.")
        #expect(a.vitals.hr == 104 && a.vitalsSeries.count == 1)
        let b = Extractor.analyze("Pulse eighty-four, BP one forty-six over eighty-eight. The dentist's note says his blood pressure was one thirty-eight over eighty before the extraction.")
        #expect(b.vitals.bpSystolic == 146 && b.vitalsSeries.count == 1)
        #expect(Extractor.analyze("The carers told us her BP was 90/50.").vitalsSeries.isEmpty)
        #expect(Extractor.analyze("Wife says his sugar was 3, pain 6 out of 10 in his chest.").vitals.glucoseMmolL == nil)
        // Review 65: the crew's own words, a crewmate's, a device's, a recap with no speaker, readings passed on,
        // pain, and a crew word later in the sentence all still read.
        for text in ["As mentioned his BP was 90/50 and he was clammy.", "My colleague says his BP was 90/50 when she first got to him.",
                     "Mike said his BP was 90/50 on the first set.", "The monitor says his BP was 90/50 for a bit.",
                     "Pre-alerted ED, told them his BP was 90/50.", "No allergies reported his BP was 90/50",
                     "Wife says his BP was 90/50 when we arrived."] {
            #expect(Extractor.analyze(text).vitals.bpSystolic == 90, "\(text)")
        }
        #expect(Extractor.analyze("She says her pain was eight out of ten.").vitals.painScale0To10 == 8)
    }

    /// "The physio got a pulse of about forty while he was on the ground": not the crew's reading.
    @Test func thePhysiosReading() {
        let a = Extractor.analyze("The physio got a pulse of about forty while he was on the ground. Our obs: pulse sixty-six and regular.")
        #expect(a.vitals.hr == 66 && a.vitalsSeries.count == 1)
        // The physio as the patient, or getting him up: the reading is the crew's.
        #expect(Extractor.analyze("Physio got him up, pulse 120.").vitals.hr == 120)
    }

    /// "The home help gave her two paracetamol when she found her, so we didn't give any more": a carer's dose.
    @Test func theHomeHelpsDose() {
        #expect(Extractor.analyze("The home help gave her two paracetamol when she found her, so we didn't give any more.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Paracetamol 1 g given by the home help at 7.").medicationsGiven.isEmpty)
        let a = Extractor.analyze("The home help gave her two paracetamol at 8 and we gave morphine 5 mg IV at 10.")
        #expect(a.medicationsGiven.map(\.drug) == ["morphine"])
        // "Help" alone is no one (review 52).
        #expect(Extractor.analyze("We called for help, gave him aspirin 300 mg.").medicationsGiven.map(\.drug) == ["aspirin"])
    }

    /// "Sats ninety-one on the probe, ninety-three on room air after we repositioned it": two saturations side by
    /// side, each with its own oxygen; the second was lost.
    @Test func twoSaturationsSideBySide() {
        let a = Extractor.analyze("Sats ninety-one on the probe, ninety-three on room air after we repositioned it on a warmer finger. Pulse ninety-four.")
        #expect(a.vitals.spo2 == 93 && a.vitals.spo2On == "room air" && a.vitalsSeries.count == 1)
        let b = Extractor.analyze("Sats 91 on air, 96 on 2 litres. RR 24.")
        #expect(b.vitalsSeries.map(\.values.spo2) == [91, 96] && b.vitals.spo2On == "2 L/min")
        #expect(Extractor.analyze("sats ninety one on air, ninety six on two litres, resps twenty").vitals.spo2 == 96)
        // Review 67: an oxygen setting, a target, a usual value, an earlier reading stay out.
        for text in ["Sats 91% RA, 60% on venturi.", "Sats 88 on 2 litres, 80 on oxygen is her target.",
                     "Sats 91 on 2 litres, 88 on air normally.", "Sats 93 on 15 litres, 88 on air before.",
                     "Sats 91 on 2 litres, 85 on room air at the GP surgery yesterday."] {
            let v = Extractor.analyze(text).vitals.spo2
            #expect(v == 91 || v == 88 || v == 93, "\(text)")
            #expect(Extractor.analyze(text).vitalsSeries.count == 1, "\(text)")
        }
    }

    /// "the carer gave her two paracetamol morphine five milligrams i v given": in unpunctuated engine text, a second
    /// drug with its own "given" straight after its dose is the crew's, not the first giver's.
    @Test func aSecondDrugWithItsOwnGiven() {
        let a = Extractor.analyze("the carer gave her two paracetamol morphine five milligrams i v given")
        #expect(a.medicationsGiven.map(\.drug) == ["morphine"] && a.medicationsGiven.first?.route == "IV")
        // Review 67: "and" before it, a first drug with its own dose, more of the giving after "given", a route a
        // relative gives by: still theirs.
        for text in ["his wife gave him aspirin and GTN given at six", "wife gave him aspirin 300 mg GTN 400 micrograms given",
                     "the nurse gave paracetamol morphine 10 mg IV given earlier", "mum gave calpol 5 ml given at 6",
                     "his wife gave him aspirin GTN 400 micrograms given", "the carer gave her paracetamol morphine 5 mg IV given by the GP"] {
            #expect(Extractor.analyze(text).medicationsGiven.isEmpty, "\(text)")
        }
    }
}
