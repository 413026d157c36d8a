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
        // (Twenty-seventh review.) A relative the pronoun may mean: no allergy ("her" may be the wife); one it cannot
        // mean: the patient's.
        #expect(Extractor.analyze("62-year-old male. His wife says penicillin gives her a rash.").history.allergies == nil)
        #expect(Extractor.analyze("Female 45. Her husband says penicillin gives him hives.").history.allergies == nil)
        #expect(Extractor.analyze("Her husband says penicillin gives her a rash.").history.allergies == ["penicillin"])
        // Disproved in the same sentence: no allergy, no dose.
        let tested = Extractor.analyze("He was told penicillin gave him a rash as a baby but allergy testing last year was negative.")
        #expect(tested.history.allergies == nil && tested.medicationsGiven.isEmpty)
        // The crew gives it in the sentence after all: the dose is read.
        let anyway = Extractor.analyze("GTN gives him a headache but we gave two sprays anyway at 14:05.")
        #expect(anyway.medicationsGiven.map(\.drug) == ["nitroglycerin"])
        let after = Extractor.analyze("Morphine made him itchy after we gave 5 mg IV at 14:10, so no more given.")
        #expect(after.medicationsGiven.map(\.drug) == ["morphine"] && after.history.allergies == nil)
        // A drug after a verb of giving is given, whatever it did next.
        #expect(Extractor.analyze("gave naloxone brought him round but made him vomit").medicationsGiven.map(\.drug) == ["naloxone"])
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
        // (Twenty-seventh review.) A question about something else after the dose (a comma between the drug and "?").
        for text in ["Gave 10 mg of morphine IV at 14:20, any questions? No, thanks.",
                     "Morphine 10 mg IV given at 14:20, you happy with that? No problem.",
                     "We gave morphine 10 mg IV at 14:20, was that before the ECG? No, after."] {
            #expect(Extractor.analyze(text).medicationsGiven.map(\.dose) == [10], "\(text)")
        }
        let other = Extractor.analyze("We gave him aspirin 300 mg, did you want us to give GTN? No, leave it.")
        #expect(other.medicationsGiven.map(\.drug) == ["aspirin"])
        // An answer that is no denial: given as before.
        for text in ["Did you give morphine? Not until we were in the ambulance, 5 mg IV at 14:20.",
                     "Did you give GTN? No contraindications, so two sprays at 14:15.",
                     "Did you give adrenaline? No, sorry, yes, 0.5 mg IM at 13:50.",
                     "Did you give aspirin? No but we gave 300 mg."] {
            #expect(!Extractor.analyze(text).medicationsGiven.isEmpty, "\(text)")
        }
        // Denied, then another drug given in the answer.
        let then = Extractor.analyze("Did you give ondansetron? No, nothing for the nausea, but we gave morphine 5 mg IV.")
        #expect(then.medicationsGiven.map(\.drug) == ["morphine"])
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
        // (Twenty-seventh review.) A year, a reading, a distance, a journey or a span said past a comma is no onset;
        // the true one later is kept.
        #expect(Extractor.analyze("Angina from about 2015, chest pain tonight since 21:40.").times.onset == "21:40")
        #expect(Extractor.analyze("HR from about 140 down to 100 after adenosine.").times.onset == nil)
        #expect(Extractor.analyze("Heart rate came down from about 150 after the vagal manoeuvre.").times.onset == nil)
        #expect(Extractor.analyze("Walked from about 100 yards away.").times.onset == nil)
        #expect(Extractor.analyze("Transferred from about 14:30, the referring hospital gave paracetamol.").times.onset == nil)
        #expect(Extractor.analyze("He was at work from about 14:30, until 15:00, then the pain started at 15:10.").times.onset == "15:10")
        #expect(Extractor.analyze("Pain from about 14:30 ish, until about 15:00, then again since 16:00.").times.onset == "16:00")
    }

    /// After someone else's reading, the same reading said again is the crew's (as a list of theirs ends there).
    @Test func readingSaidAgainAfterSomeoneElses() {
        let a = Extractor.analyze("The nurse had a BP of 180/100 earlier, BP 150/90 now, pulse 88.")
        #expect(a.vitals.bpSystolic == 150 && a.vitals.bpDiastolic == 90 && a.vitals.hr == 88)
        #expect(a.vitalsSeries.count == 1)
        let care = Extractor.analyze("Care staff had a BP of 90 over 50 and pulse 120, BP 100 over 60 and pulse 110 on our arrival.")
        #expect(care.vitals.bpSystolic == 100 && care.vitals.hr == 110)
        // (Twenty-seventh review.) Without a word of the crew, their own repeat stays theirs, and "before we
        // arrived" is theirs too.
        for text in ["Carers had a glucose of 2.1, glucose 2.4 when they rechecked.",
                     "The GP had a BP of 180/100, BP 175/100 on his second reading.",
                     "The first responder had a BP of 80/50, BP 90/60 after they gave fluids.",
                     "The GP recorded a temp of 38.9 at noon and a temp of 39.4 before we arrived."] {
            let v = Extractor.analyze(text).vitals
            #expect(v.glucoseMmolL == nil && v.bpSystolic == nil && v.temp == nil, "\(text)")
        }
        // Near miss: theirs alone stays theirs.
        let theirs = Extractor.analyze("The first responder had a BP of 80/50 and a pulse of 120.")
        #expect(theirs.vitals.bpSystolic == nil && theirs.vitals.hr == nil && theirs.vitalsSeries.isEmpty)
    }

    /// "She reacts to plasters", "Allergy: PCN.", "Allergic to clindamycin.", and the relative who reports an allergy
    /// ("her daughter says the penicillin gives her a rash") as HeldOut11 phrased them.
    @Test func allergiesSaidOtherWays() {
        let a = Extractor.analyze("She told us no allergies, but her daughter says the penicillin gives her a rash, so that's a "
                                  + "worry with the fluclox, and she reacts to plasters too. Her sister's allergic to sulfa but "
                                  + "that's the sister.")
        #expect(a.history.allergies == ["penicillin", "plasters"] && a.history.nkda != true)
        #expect(Extractor.analyze("Allergic to clindamycin.").history.allergies == ["clindamycin"])
        // A drug by its name in the lexicon.
        #expect(Extractor.analyze("Allergy: PCN.").history.allergies == ["penicillin"])
        // Near misses: someone else's, denied, asked, or a conscious level.
        #expect(Extractor.analyze("Her sister reacts to plasters.").history.allergies == nil)
        #expect(Extractor.analyze("He doesn't react to latex.").history.allergies == nil)
        #expect(Extractor.analyze("Does she react to latex? Not that we know of.").history.allergies == nil)
        #expect(Extractor.analyze("Reacts to pain only, GCS 8.").history.allergies == nil)
        // (Twenty-ninth review.) "Reacts to" a drug is a response to treatment, never an allergy, and the dose stays.
        let ours = Extractor.analyze("He reacted to the morphine we gave, went quite flushed and itchy. That was 5 mg IV at 14:10.")
        #expect(ours.history.allergies == nil)
        let naloxone = Extractor.analyze("He reacted to naloxone 400 mcg IM at 14:05, GCS now 14, RR 14.")
        #expect(naloxone.history.allergies == nil && naloxone.medicationsGiven.map(\.drug) == ["naloxone"])
        #expect(Extractor.analyze("Her husband, who's with us today, reacts to penicillin; she herself has no known allergies.")
                    .history.allergies == [])
        // A brand keeps its name (Seretide is two drugs); an abbreviation takes the lexicon's.
        #expect(Extractor.analyze("Allergic to Seretide, it made her tongue swell.").history.allergies == ["seretide"])
        #expect(Extractor.analyze("Allergic to penicillin. PCN gives her hives.").history.allergies == ["penicillin"])
        // The patient's sex decides whom "her" means.
        #expect(Extractor.analyze("62-year-old male. His wife says penicillin gives her a rash.").history.allergies == nil)
    }
}
