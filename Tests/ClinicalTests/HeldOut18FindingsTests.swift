import Testing
import Clinical

/// What the first measurement of HeldOut18 found, fixed: a one-medicine header, a sex word of someone else's, the US
/// record's sex letter and "T" for temperature, and a school nurse's temperature.
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

    /// "7 y/o M, known epilepsy", "58 y/o F": the sex letter after the age (HeldOut16, 17 and 18 lost it).
    @Test func theSexLetterAfterTheAge() {
        #expect(Extractor.analyze("7 y/o M, known epilepsy.").patient.gender == "male")
        #expect(Extractor.analyze("Eirlys, 58 y/o F, sudden worst-ever headache at 07:15.").patient.gender == "female")
        #expect(Extractor.analyze("Pt is a 45 yo M with chest pain.").patient.gender == "male")
        // A name's initial is not a sex.
        #expect(Extractor.analyze("Age 45, M Jones is his GP.").patient.gender == nil)
    }

    /// "10:18: HR 128, BP 104/66, T 102.6 °F": T with a number and its scale is the temperature.
    @Test func theTemperaturesT() {
        #expect(Extractor.analyze("10:18: HR 128, BP 104/66, RR 24, T 102.6 °F, BGL 112.").vitals.temp == 39.2)
        #expect(Extractor.analyze("T 38.9 C, HR 90.").vitals.temp == 38.9)
        #expect(Extractor.analyze("T 38.9, HR 90.").vitals.temp == nil)
    }

    /// "School nurse gave his own diazepam nasal 10 mg at 10:03 and got a temp of 103.1 °F": the nurse's reading.
    @Test func aReadingAfterAndOfSomeoneWhoOpensTheSentence() {
        let a = Extractor.analyze("School nurse gave his own diazepam nasal 10 mg at 10:03 and got a temp of 103.1 °F. On scene 10:06. 10:18: HR 128, T 102.6 °F.")
        #expect(a.vitals.temp == 39.2 && a.vitalsSeries.count == 1)
        #expect(Extractor.analyze("Mum gave Calpol and took a temp of 39.4.").vitals.temp == nil)
        #expect(Extractor.analyze("We gave Calpol and took a temp of 39.4.").vitals.temp == 39.4)
    }
}
