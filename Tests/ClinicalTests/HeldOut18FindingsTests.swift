import Testing
import Clinical

/// What the first measurement of HeldOut18 found, fixed: a one-medicine header, and a sex word of someone else's.
@Suite struct HeldOut18FindingsTests {
    /// "Her only medicine is aspirin, seventy-five milligrams, since twelve weeks": the patient's medicine, not a dose.
    @Test func aOneMedicineHeader() {
        let a = Extractor.analyze("Paracetamol one gram orally at fourteen fifty. Her only medicine is aspirin, seventy-five milligrams, since twelve weeks.")
        #expect(a.medicationsGiven.map(\.drug) == ["paracetamol"] && a.history.medications == ["aspirin"])
        #expect(Extractor.analyze("Her only tablet is aspirin 75 mg.").medicationsGiven.isEmpty)
        // Review 70: anything of the crew's giving in the rest of its sentence keeps the dose the crew's.
        for text in ["Her medicine is paracetamol 1 g which we gave at 10:10.",
                     "Her only medicine is aspirin 75 mg, ondansetron 4 mg IV at 10:12.",
                     "His medicine is insulin, glucagon 1 mg IM at 10:20.",
                     "His medicine: aspirin 300 mg given at 10:10."] {
            #expect(!Extractor.analyze(text).medicationsGiven.isEmpty, "\(text)")
        }
    }

    /// "A security man with first aid got her BP as eighty over forty-five": a pregnant woman was read as male.
    @Test func someoneElsesSexWord() {
        let a = Extractor.analyze("This is Aoife, twenty-nine, thirty weeks pregnant. A security man with first aid got her BP as eighty over forty-five. She's on labetalol.")
        #expect(a.patient.gender != "male")
        #expect(Extractor.analyze("The cleaning lady found him on the floor. He's 80, his hip is sore.").patient.gender != "female")
        #expect(Extractor.analyze("A man next door heard her shout. Her hip is sore, her leg is short, her pain is 8.").patient.gender != "male")
        #expect(Extractor.analyze("Male, 55, chest pain.").patient.gender == "male")
    }
}
