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

    /// "He's on no regular meds", "No medicines of his own", "no regular meds" (HeldOut24, and 23 cases of HeldOut8 …
    /// 17): the patient takes none, an empty list. A bare "no meds" is mostly about the crew or an unknown list, and
    /// stays null (review 104).
    @Test func noRegularMedicinesIsAnEmptyList() {
        for text in ["No regular meds. NKDA.", "He's not on any medicines.", "He's on no regular meds, no allergies.",
                     "No medicines of his own.", "Allergies nil, nil regular meds."] {
            #expect(Extractor.analyze(text).history.medications == [], "\(text)")
        }
        for text in ["No meds en route.", "No meds with him.", "Non-compliant, no meds.", "No regular meds, just the pill.",
                     "No regular meds given by us.", "Any regular meds? No.", "His wife is on no regular meds."] {
            #expect(Extractor.analyze(text).history.medications == nil, "\(text)")
        }
        #expect(Extractor.analyze("No regular meds, takes aspirin occasionally.").history.medications == ["aspirin"])
    }

    /// Manila's "the barangay health worker who came counted his breathing at sixty", Phoenix's "Mom's home pulse ox
    /// read SpO2 88% before we arrived, …; not used", Iqaluit's "SAR volunteer's oral thermometer read 33.0 …; not
    /// used": someone else's readings before the crew's first set.
    @Test func othersReadingsBeforeTheCrewsFirstSet() throws {
        let manila = Extractor.analyze("His lola gave him gripe water, one teaspoon, at about five this morning, and the barangay health worker who came counted his breathing at sixty and said the soft spot was sunken.\n\nWe arrived at the house at six forty-eight and were with him at six fifty, in his mother's arms. First set at six fifty-four: heart rate one hundred and seventy-two, respiratory rate forty-eight, sats ninety-nine on room air.").vitalsSeries
        #expect(manila.map(\.values.rr) == [48])
        let phoenix = Extractor.analyze("Pt: 20 mo M, found face down in the pool by Mom at ~14:05.\nMom's home pulse ox read SpO2 88% before we arrived, probe on his toe while he was kicking; not used.\nArr scene 14:16. With pt 14:17 on the patio. 14:20: HR 164, RR 44, SpO2 93% RA.").vitalsSeries
        #expect(phoenix.map(\.values.spo2) == [93])
        let iqaluit = Extractor.analyze("Pt: 45 y/o M, hunter.\nSAR volunteer's oral thermometer read 33.0 just after he drank hot tea; not used.\nArr scene 07:12. With pt 07:14 in the cabin. 07:20: HR 58, BP 148/92, T 34.8.").vitalsSeries
        #expect(iqaluit.map(\.values.temp) == [34.8])
        // The patient may be the worker; the kit or the drug is what was not used (review 105).
        #expect(Extractor.analyze("Injured worker had his sats at 88 on air, HR 110, GCS 15.").vitals.spo2 == 88)
        #expect(Extractor.analyze("Wife had his GTN spray out before we arrived, HR 88, BP 150/90; not used.").vitals.hr == 88)
        let corrected = Extractor.analyze("Morphine 5 mg IV at 1400. Another 5 mg IV at 1410, sorry, he was still 8 out of 10.").medicationsGiven
        #expect(corrected.count == 2)
    }
}
