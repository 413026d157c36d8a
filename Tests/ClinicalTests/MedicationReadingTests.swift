import Testing
@testable import Clinical

/// Drug names as engines misspell them (read by sound, flagged), and drugs named but not given by the crew.
@Suite struct MedicationReadingTests {
    @Test func soundKeysOfEngineSpellings() {
        #expect(SoundAlike.key("On Dancy Tron") == SoundAlike.key("ondansetron"))
        #expect(SoundAlike.key("NALOC SONE") == SoundAlike.key("naloxone"))
        #expect(SoundAlike.key("Fent annual") == SoundAlike.key("fentanyl"))
        #expect(SoundAlike.key("Salbutam all") == SoundAlike.key("salbutamol"))
        #expect(SoundAlike.key("phenytoin") == SoundAlike.key("fenitoin"))
    }

    @Test func misheardNameWithADoseIsReadAndFlagged() {
        let a = Extractor.analyze("On Dancy Tron 4 milligrams IV for nausea.")
        #expect(a.medicationsGiven.map(\.drug) == ["ondansetron"])
        #expect(a.medicationsGiven.first?.dose == 4)
        #expect(a.medicationsGiven.first?.route == "IV")
        #expect(a.evidence.contains { $0.path == "medications_given[0].drug" && $0.text == "On Dancy Tron" })
        #expect(a.flags.contains { $0.code == "drug_name_by_sound" && $0.text == "On Dancy Tron" })
        // One misspelt word may be an edit away: "levothroxine", "morphing".
        #expect(Extractor.analyze("Meds include levothroxine.").history.medications == ["levothyroxine"])
        #expect(Extractor.analyze("Gave morphing 5 milligrams IV.").medicationsGiven.map(\.drug) == ["morphine"])
        // The exact spelling raises no flag.
        #expect(!Extractor.analyze("Ondansetron 4 mg IV.").flags.contains { $0.code == "drug_name_by_sound" })
    }

    @Test func soundAloneIsNotEnough() {
        // No dose beside it and no history clause: not a medication.
        #expect(Extractor.analyze("On Dancy Tron for nausea.").medicationsGiven.isEmpty)
        // Several dictionary words must sound exactly like the drug: "let the pine" (said: amlodipine) is one edit
        // from quetiapine, and "the zone" one from thiamine.
        let a = Extractor.analyze("He's on let the pine and ramipril.")
        #expect(a.history.medications == ["ramipril"])
        #expect(Extractor.analyze("To examine the zone 3 milligrams orally.").medicationsGiven.isEmpty)
    }

    @Test func twoEditsNeedTheSameFirstSound() {
        // Look-alike, sound-alike drugs differ at the start (beclometasone, dexamethasone).
        #expect(SoundAlike.drug(forKey: SoundAlike.key("dexametasome"))?.drug == "dexamethasone")
        #expect(SoundAlike.drug(forKey: SoundAlike.key("mexametasome")) == nil)
        // Short keys are never read by sound.
        #expect(SoundAlike.drug(forKey: SoundAlike.key("epy")) == nil)
    }

    @Test func whatThePatientSwallowedIsNotGiven() {
        let a = Extractor.analyze("Intentional overdose, took thirty-two paracetamol five hundred milligram tablets.")
        #expect(a.medicationsGiven.isEmpty)
        #expect(a.history.medications == nil)
        let b = Extractor.analyze("She'd taken ten puffs of her salbutamol inhaler before we got there.")
        #expect(b.medicationsGiven.isEmpty)
        #expect(b.history.medications == ["salbutamol"])
        // "gave her morphine": the crew's.
        #expect(Extractor.analyze("We gave her morphine 5 mg IV.").medicationsGiven.map(\.drug) == ["morphine"])
    }

    @Test func namedButNotGiven() {
        #expect(Extractor.analyze("GTN withheld because his systolic's eighty-eight.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("I discussed morphine five milligrams IV with the advice line and they declined it.")
            .medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Aspirin would normally be three hundred milligrams.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Didn't give morphine 5 mg.").medicationsGiven.isEmpty)
        // Another drug in the sentence limits where the words count.
        let a = Extractor.analyze("Aspirin 300 mg given, GTN withheld.")
        #expect(a.medicationsGiven.map(\.drug) == ["aspirin"])
        // "no change" after a comma does not undo a dose.
        #expect(Extractor.analyze("Adenosine 6 mg IV, no change.").medicationsGiven.map(\.drug) == ["adenosine"])
    }

    @Test func takenBeforeTheCrewOrOnlyAdvised() {
        let a = Extractor.analyze("Before we arrived he'd taken two puffs of his own GTN spray and a three hundred milligram aspirin, with partial relief.")
        #expect(a.medicationsGiven.isEmpty)
        #expect(Extractor.analyze("The GP told us to give prednisolone thirty milligrams orally, but we haven't given it.")
            .medicationsGiven.isEmpty)
        // "on arrival" is not "before we arrived".
        #expect(Extractor.analyze("On arrival we gave aspirin 300 mg chewed.").medicationsGiven.map(\.drug) == ["aspirin"])
    }

    @Test func thousandsInADose() {
        let a = Extractor.analyze("Heparin five thousand units IV.")
        #expect(a.medicationsGiven.first?.dose == 5000)
        #expect(a.medicationsGiven.first?.unit == "units")
    }

    @Test func splitDigitsAreNoDose() {
        // Whisper wrote "three twenty-four milligrams" as "320 4 mg".
        let a = Extractor.analyze("We gave 320 4 mg of aspirin PO.")
        #expect(a.medicationsGiven.map(\.drug) == ["aspirin"])
        #expect(a.medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("Aspirin 320 4 mg PO.").medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("We gave 324 mg of aspirin PO.").medicationsGiven.first?.dose == 324)
    }

    @Test func correctedNumbers() {
        let a = Extractor.analyze("Pulse one ten, sorry, one hundred, irregular. BP one twenty-six over eighty, no wait, one twenty-six over seventy-eight.")
        #expect(a.vitals.hr == 100)
        #expect(a.vitals.bpSystolic == 126)
        #expect(a.vitals.bpDiastolic == 78)
        #expect(a.vitalsSeries.count == 1)
        // The evidence still holds what was said, the correction included.
        #expect(a.evidence.contains { $0.path.hasSuffix(".hr") && $0.text == "Pulse one ten, sorry, one hundred" })
        // "sorry" without a number after it changes nothing.
        #expect(Extractor.analyze("Sorry, bear with me. Pulse ninety.").vitals.hr == 90)
        #expect(Extractor.analyze("Pulse ninety, sorry about that.").vitals.hr == 90)
    }

    @Test func readingAfterAChange() {
        let a = Extractor.analyze("Sats eighty-six percent on air. Put her on fifteen litres via non-rebreather and sats came up to ninety-three.")
        #expect(a.vitals.spo2 == 93)
        #expect(a.vitalsSeries.count == 2)
    }

    @Test func vitalNamesAsEnginesWriteThem() {
        #expect(Extractor.analyze("Piles 122, irregular.").vitals.hr == 122)
        #expect(Extractor.analyze("History of piles, 2 years.").vitals.hr == nil)
        #expect(Extractor.analyze("Piles about 90.").vitals.hr == nil, "an English word needs digits straight after")
        #expect(Extractor.analyze("Cystolic 90 by PALP.").vitals.bpSystolic == 90)
        #expect(Extractor.analyze("and title 35, pain 8 out of 10.").vitals.etco2 == 35)
        #expect(Extractor.analyze("Narrow complex tachycardia at two hundred and ten.").vitals.hr == 210)
        #expect(Extractor.analyze("Laceration to left wrist 3 cm.").vitals.rr == nil)
    }
}
