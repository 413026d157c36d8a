import Testing
import Clinical

/// Gaps the HeldOut10 round left open: a drug said with what it does to the patient ("Penicillin gives him a rash"
/// was read as penicillin given), a question about a drug answered no ("Did you give GTN? No…" was read as GTN
/// given), an engine's "Allergies, none.", an onset said "from about …", and the crew's reading said in the same
/// sentence as someone else's ("The nurse had a BP of 180/100 earlier, BP 150/90 now" lost the 150/90).
@Suite struct ReactionAndAnswerTests {
    /// "Penicillin gives him a rash": an allergy, never a dose given; a side effect ("makes her sick") is neither.
    @Test func drugSaidWithItsReaction() {
        let a = Extractor.analyze("He's on amlodipine. Penicillin gives him a rash. BP 150/90.")
        #expect(a.medicationsGiven.isEmpty)
        #expect(a.history.allergies == ["penicillin"] && a.history.medications == ["amlodipine"])
        let hives = Extractor.analyze("Codeine gives her hives, so we avoided it. Morphine 5 mg IV at 14:10.")
        #expect(hives.history.allergies == ["codeine"] && hives.medicationsGiven.map(\.drug) == ["morphine"])
        let past = Extractor.analyze("Penicillin gave her a rash as a child.")
        #expect(past.history.allergies == ["penicillin"] && past.medicationsGiven.isEmpty)
        // A later reaction takes back "Allergies: none." (no NKDA, no dose given).
        let taken = Extractor.analyze("Allergies: none. Oh, and penicillin gives him a rash.")
        #expect(taken.history.nkda != true && taken.history.allergies == ["penicillin"] && taken.medicationsGiven.isEmpty)
        // Side effects: not an allergy, and not given either.
        let sick = Extractor.analyze("Codeine makes her sick. Entonox he refused, it made him sick last time.")
        #expect(sick.history.allergies == nil && sick.medicationsGiven.isEmpty)
        // Near misses: a reaction to the crew's own dose is left to a person; someone else's reaction is not his;
        // a drug that gave relief was given.
        let ours = Extractor.analyze("We gave morphine 5 mg IV at 14:10. The morphine made him itchy.")
        #expect(ours.history.allergies == nil && ours.medicationsGiven.map(\.drug) == ["morphine"])
        let wife = Extractor.analyze("Penicillin gives his wife a rash. Aspirin 300 mg PO given at 14:10.")
        #expect(wife.history.allergies == nil && wife.medicationsGiven.map(\.drug) == ["aspirin"])
        let relief = Extractor.analyze("We gave morphine 5 mg IV at 14:10 which gave him good relief.")
        #expect(relief.medicationsGiven.map(\.dose) == [5])
    }

    /// "Did you give GTN? No, he'd had his own spray.": a question answered no is not a dose given.
    @Test func questionAnsweredNo() {
        let a = Extractor.analyze("Chest pain. Did you give GTN? No, he'd taken his own spray. Aspirin 300 mg given orally at 14:10.")
        #expect(a.medicationsGiven.map(\.drug) == ["aspirin"])
        #expect(Extractor.analyze("Morphine given? Not yet, pain is 3 out of 10.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Nurse: Any aspirin? Medic: Nope.").medicationsGiven.isEmpty)
        // Answered yes, or with the dose named again: given.
        let yes = Extractor.analyze("Did you give aspirin? Yes, 300 mg at 14:10.")
        #expect(yes.medicationsGiven.map(\.drug) == ["aspirin"])
        let again = Extractor.analyze("Did you give aspirin? No, not at first, then we gave aspirin 300 mg PO at 14:20.")
        #expect(again.medicationsGiven.map(\.time) == ["14:20"])
    }

    /// Whisper writes the pause after "Allergies" as a comma: "Allergies, none." is NKDA as "Allergies: none." is.
    @Test func allergiesCommaNone() {
        let a = Extractor.analyze("Allergies, none. Medications, ramipril, amlodipine.")
        #expect(a.history.nkda == true && a.history.allergies == [])
        #expect(Extractor.analyze("Allergies, none known. Meds, ramipril.").history.nkda == true)
        // Still taken back by a later allergy, and no NKDA from a list that goes on with one.
        #expect(Extractor.analyze("Allergies, none. Actually, penicillin.").history.nkda != true)
        #expect(Extractor.analyze("Allergies, none, apart from penicillin.").history.nkda != true)
    }

    /// "From about ten past nine this evening she's been spitting blood": the onset; a span "from … to …" is not.
    @Test func onsetFromAbout() {
        #expect(Extractor.analyze("Chest pain from about 14:30. On scene 15:02.").times.onset == "14:30")
        #expect(Extractor.analyze("From about ten past nine this evening she's been spitting fresh blood.").times.onset == "21:10")
        #expect(Extractor.analyze("From about four fifteen p.m. he's had a pounding headache.").times.onset == "16:15")
        #expect(Extractor.analyze("Chest pain on and off from about 14:30 to 15:00 yesterday.").times.onset == nil)
        #expect(Extractor.analyze("He was at the pub from around eight till eleven.").times.onset == nil)
    }

    /// After someone else's reading, the same reading said again is the crew's (as a list of theirs ends there).
    @Test func readingSaidAgainAfterSomeoneElses() {
        let a = Extractor.analyze("The nurse had a BP of 180/100 earlier, BP 150/90 now, pulse 88.")
        #expect(a.vitals.bpSystolic == 150 && a.vitals.bpDiastolic == 90 && a.vitals.hr == 88)
        #expect(a.vitalsSeries.count == 1)
        let care = Extractor.analyze("Care staff had a BP of 90 over 50 and pulse 120, BP 100 over 60 and pulse 110 on our arrival.")
        #expect(care.vitals.bpSystolic == 100 && care.vitals.hr == 110)
        // Near miss: theirs alone stays theirs.
        let theirs = Extractor.analyze("The first responder had a BP of 80/50 and a pulse of 120.")
        #expect(theirs.vitals.bpSystolic == nil && theirs.vitals.hr == nil && theirs.vitalsSeries.isEmpty)
    }
}
