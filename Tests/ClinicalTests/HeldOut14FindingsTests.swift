import Testing
import Clinical

/// What the first measurement of HeldOut14 found that is fixed so far: the age said straight after the patient's
/// name, the way most of its handovers open ("This is Margaret, eighty-four, sorry she's been so long"), and home
/// medicines with doses after a list's header. Its other findings (doses by others, a spouse's medicines) are open;
/// see its README.
@Suite struct HeldOut14FindingsTests {
    @Test func ageAfterTheName() {
        #expect(Extractor.analyze("Hi, this is Margaret, eighty-four, sorry she's been so long.").patient.age == 84)
        #expect(Extractor.analyze("Afternoon. Daniel, forty-six, scaffolder, fell about three metres.").patient.age == 46)
        #expect(Extractor.analyze("Mr Smith, 76, chest pain since 10:00.").patient.age == 76)
        #expect(Extractor.analyze("Handover for Mrs Okoro, 45, she fell from a chair.").patient.age == 45)
        // No name: a word opening the sentence with a vital after the number, a place with its number.
        #expect(Extractor.analyze("Target, 94, sats, we got him to 96.").patient.age == nil)
        #expect(Extractor.analyze("Vomited, 4, his pulse, 110.").patient.age == nil)
        // Corrected in its sentence: unsure, so none.
        #expect(Extractor.analyze("This is George, 70, his son tells me he's 71 actually.").patient.age == nil)
        // The forty-second review (92 probes): a day, a month or a score opening a sentence, a relative named with a
        // title, a doctor, and an age with its unit after the comma are not read.
        for text in ["Tuesday, 14, no wait, it was Monday.", "Rockwood, 6, frail.", "Apgar, 9, at five minutes.",
                     "This is Bob. His wife, Mrs Jones, 80, found him.", "Dr Khan, 40, the GP, is on scene with us.",
                     "This is Noah, 9, months of vomiting."] {
            #expect(Extractor.analyze(text).patient.age == nil, "\(text)")
        }
        #expect(Extractor.analyze("Nursing home, Mr Frank Hill, 91, chest pain from about 16:30.").patient.age == 91)
    }

    /// "Her own meds: …, prednisolone ten milligrams", "His current tablets are ramipril, ten milligrams": a header
    /// for the patient's medicines governs its sentence, doses included, until the crew speaks or gives.
    @Test func medicinesAfterTheirHeader() {
        let a = Extractor.analyze("His current tablets are ramipril, ten milligrams, and his water tablet, furosemide, forty in the morning.")
        #expect(a.medicationsGiven.isEmpty && a.history.medications == ["ramipril", "furosemide"])
        let b = Extractor.analyze("His own tablets: bisoprolol two point five, tamsulosin for his waterworks, and a statin, atorvastatin.")
        #expect(b.medicationsGiven.isEmpty && b.history.medications == ["bisoprolol", "tamsulosin", "atorvastatin"])
        // The crew speaking ends it; a place after "are" is no header (the forty-third review).
        #expect(Extractor.analyze("His meds: aspirin, we gave him 300 mg aspirin PO.").medicationsGiven.map(\.drug) == ["aspirin"])
        #expect(Extractor.analyze("His tablets are at home, so GTN 400 mcg SL x2 at 13:20.").medicationsGiven.map(\.drug) == ["nitroglycerin"])
        #expect(Extractor.analyze("Her pills are in the kitchen, aspirin 300 mg PO at 14:05.").medicationsGiven.map(\.drug) == ["aspirin"])
    }
}

