import Testing
import Clinical

/// What the first measurement of HeldOut24 found, fixed: readings the crew says it threw out (Boston's treadmill,
/// Broken Hill's pub oximeter), Glasgow's "naw, sorry" correction, and the RFDS doctor who "talked about" metoprolol.
@Suite struct HeldOut24FindingsTests {
    @Test func readingsTheCrewThrewOutAreNotItsFirstSet() {
        let boston = Extractor.analyze("The treadmill screen said her heart rate was one sixty-five, but that's off the hand grips, so we didn't use it. First set at eight oh two: heart rate forty-two, BP eighty-four over fifty.").vitalsSeries
        #expect(boston.map(\.values.hr) == [42])
        let brokenHill = Extractor.analyze("The publican clipped the pub's first aid oximeter on her and it said sats seventy-one and a pulse of two hundred and ten, but her hands were freezing off the cold glass and it was flashing, so we binned that. First set at eight oh eight: heart rate one fifty-eight, sats ninety-six on air.").vitalsSeries
        #expect(brokenHill.map(\.values.spo2) == [96])
        #expect(brokenHill.map(\.values.hr) == [158])
        #expect(Extractor.analyze("Mum's oximeter SpO2 71%, HR 210 - disregarded (poor trace). On scene 20:02. HR 158, SpO2 96%.").vitalsSeries.map(\.values.spo2) == [96])
        // The crew's own kit, and what else the crew did not use (review 103).
        for text in ["On the monitor sinus rhythm, heart rate eighty-eight, the splint didn't fit so we didn't use it.",
                     "Monitor HR 88, SpO2 97%, vac mattress, not used.",
                     "Thermometer said temp thirty-eight point nine, the cold pack was in the bag but we didn't use it.",
                     "Monitor HR 120, sats 93% on air. We didn't use it for the transfer as the battery died."] {
            #expect(!Extractor.analyze(text).vitalsSeries.isEmpty, "\(text)")
        }
        #expect(Extractor.analyze("Her watch said pulse 150. We didn't use it. HR 120.").vitalsSeries.map(\.values.hr) == [120])
        // What the crew did not use may be something else than the reading.
        #expect(Extractor.analyze("Sats 88 on air, he has home oxygen but we didn't use it. HR 120.").vitals.spo2 == 88)
    }

    @Test func correctionsConsideredDosesAndJoinedDrugs() {
        #expect(Extractor.analyze("First set at seven thirty: pulse ninety-eight, naw, sorry, eighty-eight, irregular; BP one hundred and eight over sixty-four.").vitals.hr == 88)
        let rfds = Extractor.analyze("We rang the RFDS doctor, who talked about metoprolol five milligrams IV, but it's outside our guidelines, so we didn't give it. Ondansetron four milligrams IV at eight fifteen.").medicationsGiven
        #expect(rfds.map(\.drug) == ["ondansetron"])
        // Talked about, then given (review 103).
        #expect(Extractor.analyze("We spoke about fentanyl 50 mcg IN with the CCP and gave it at 11:05.").medicationsGiven.map(\.drug) == ["fentanyl"])
    }
}
