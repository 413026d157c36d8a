import Testing
import Clinical

/// What the first measurement of HeldOut21 found, fixed: its six typed inventions (a treatment's start read as the
/// onset, lay people's doses read as the crew's, a sister's age, a passer-by's sex).
@Suite struct HeldOut21FindingsTests {
    /// "Magnesium sulphate four grams IV over fifteen minutes, started at oh five twenty-two" is the dose's start, not
    /// the onset (Kumasi's eclampsia had onset 05:22).
    @Test func aTreatmentsStartIsNoOnset() {
        #expect(Extractor.analyze("Magnesium sulphate four grams IV over fifteen minutes, started at oh five twenty-two.").times.onset == nil)
        // The complaint's own "started at" still is; review 87: also after the patient's medicines, or with the
        // complaint said after it.
        #expect(Extractor.analyze("Central chest pain, started at 14:10.").times.onset == "14:10")
        #expect(Extractor.analyze("The pain started at 14:10.").times.onset == "14:10")
        #expect(Extractor.analyze("Takes ramipril and aspirin, started at 14:00 with central chest pain.").times.onset == "14:00")
        #expect(Extractor.analyze("Paracetamol 1 g at home, started at 10:30 with a headache.").times.onset == "10:30")
    }

    /// "His pal had his buccal midazolam on him and gave him the ten milligrams", "a lady from the next campsite gave
    /// him two Benadryl": not the crew's doses, and the lady is not the patient.
    @Test func layPeoplesDosesAreNotTheCrews() {
        let glasgow = Extractor.analyze("This is Craig, twenty-seven. His pal had his buccal midazolam on him and gave him the ten milligrams at nine twenty-seven.")
        #expect(glasgow.medicationsGiven.isEmpty)
        let kentucky = Extractor.analyze("This is Colton, twelve. A copperhead got him on the hand. His mamaw tied a belt round his arm, and a lady from the next campsite gave him two Benadryl. We gave him fentanyl fifty micrograms intranasal.")
        #expect(kentucky.medicationsGiven.map(\.drug) == ["fentanyl"])
        #expect(kentucky.patient.gender != "female")
        // Review 87: the crew's buddy gives the crew's dose; a lady from the care home who calls us is the patient.
        #expect(Extractor.analyze("Me and my buddy gave him 10 mg morphine IV at 16:40.").medicationsGiven.map(\.drug) == ["morphine"])
        #expect(Extractor.analyze("A lady from the care home called us because she fell in her room, she's 88.").patient.gender == "female")
    }

    /// "4 mo F" is four months; "older sister (6 y/o)" is the sister's age.
    @Test func monthsAndABracketedRelativesAge() {
        let bronx = Extractor.analyze("4 mo F, born at 36 wks, cough x 2 days. Mom and older sister (6 y/o) riding with us.")
        #expect(bronx.patient.age == 4)
        #expect(bronx.patient.ageUnit == "months")
        let sister = Extractor.analyze("Sibling came too. Older sister (6 y/o) riding with us.")
        #expect(sister.patient.age == nil)
        #expect(Extractor.analyze("Pt is a 6 y/o M with asthma.").patient.age == 6)
        // Review 87: the relative who is the patient; months that are no age.
        for (text, age) in [("Grandad (82 y/o) fell in the garden, daughter found him, hip pain.", 82),
                            ("Patient is the older sister (9 y/o), fell off the trampoline.", 9),
                            ("Symptoms for 2 mos, worse today, pt is a 58 yo female with abdominal pain.", 58)] {
            #expect(Extractor.analyze(text).patient.age == age, "\(text)")
        }
        for text in ["Male, on warfarin for 6 mo, no other meds, chest pain since 14:00.",
                     "Female driver, her 6 mo baby in the back seat was unhurt, she has neck pain."] {
            #expect(Extractor.analyze(text).patient.ageUnit != "months", "\(text)")
        }
    }
}
