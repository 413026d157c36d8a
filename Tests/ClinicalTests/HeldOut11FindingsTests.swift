import Testing
import Clinical

/// HeldOut11's typed inventions (first measured at 0.952 / 0.817 / 10 invented): corrections said the way crews
/// correct themselves ("pulse ninety-two, I mean eighty-two", "morphine two point five, sorry, five milligrams",
/// "we gave cyclizine, no, scratch that, we didn't give cyclizine", an age the patient corrects), someone else's
/// supply named by a possessive that cannot be the patient's, a tent doctor's set and dose with "No drugs from us",
/// a dose considered and not given in a second language, "thirty-nine and half", and a recap for the registrar.
/// Each as the corpus phrased it, with near misses that must still read or stay unread.
@Suite struct HeldOut11FindingsTests {
    @Test func correctionsAsCrewsSayThem() {
        #expect(Extractor.analyze("Obs, pulse ninety-two, I mean eighty-two, resps eighteen.").vitals.hr == 82)
        // "I mean" that corrects no number of the same shape takes nothing back.
        let aside = Extractor.analyze("Pulse ninety-two, I mean, he's got a pacemaker, resps 18.")
        #expect(aside.vitals.hr == 92 && aside.vitals.rr == 18)
        // A dose said bare after the drug's name and corrected with its unit.
        let dose = Extractor.analyze("Morphine two point five, sorry, five milligrams IV at twenty-one twenty.")
        #expect(dose.medicationsGiven.first?.dose == 5 && dose.medicationsGiven.first?.route == "IV")
        #expect(Extractor.analyze("Morphine 2.5, sorry, 5 mg IV at 21:20.").medicationsGiven.map(\.dose) == [5])
        // An age corrected as it is said.
        #expect(Extractor.analyze("Margaret, she's a seventy-one, no, sorry, seventy-two-year-old lady.").patient.age == 72)
        // An age the patient corrects straight after: unsure, so none.
        let told = Extractor.analyze("This is Graham, he's a sixty-two-year-old gentleman, sixty-three, he's telling me, sorry, sixty-three.")
        #expect(told.patient.age == nil && told.patient.gender == "male")
        #expect(Extractor.analyze("She's a seventy-two-year-old lady, she says she's sorry for calling.").patient.age == 72)
        // A dose taken back: only what was given.
        let swapped = Extractor.analyze("We gave cyclizine, no, scratch that, we didn't give cyclizine because of the eye, "
                                        + "it was ondansetron four milligrams IV at twenty-one fifteen.")
        #expect(swapped.medicationsGiven.map(\.drug) == ["ondansetron"])
        let kept = Extractor.analyze("We gave cyclizine 50 mg IV, sorry, at 21:10, and ondansetron was not given.")
        #expect(kept.medicationsGiven.map(\.drug) == ["cyclizine"])
    }

    @Test func someoneElsesSupplyAndReadings() {
        // "his" said of a woman, "her" of a man: the husband's or wife's tablets, in neither list.
        let his = Extractor.analyze("This is Mrs Haddad, thirty-one-year-old woman. He says she had two of his co-codamol at one o'clock.")
        #expect(his.history.medications == nil && his.medicationsGiven.isEmpty)
        let her = Extractor.analyze("Male, 60. His wife gave him one of her propranolol. He takes his ramipril.")
        #expect(her.history.medications == ["ramipril"] && her.medicationsGiven.isEmpty)
        // The patient's own: read as before.
        #expect(Extractor.analyze("Female, 45. She takes her own ramipril.").history.medications == ["ramipril"])
        // A tent doctor's set by the possessive alone, and the doctor's dose when the crew says it gave nothing.
        let tent = Extractor.analyze("Female, 34. Tent B doctor's obs at 1400: BP 132/84, HR 96, Na 124 on their i-STAT. "
                                     + "Dr gave 100 ml of 3% saline IV at 1412. Our obs at 1430: BP 128/80, HR 88. No drugs from us.")
        #expect(tent.vitalsSeries.count == 1 && tent.vitalsSeries.first?.time == "14:30")
        #expect(tent.vitals.bpSystolic == 128 && tent.vitals.hr == 88)
        #expect(tent.medicationsGiven.isEmpty)
        // Near misses: a relative's obs at a birth are the mother's own; a doctor's dose without "nothing from us" is
        // read as before; "nothing from us apart from" still lets the crew's dose through.
        let mum = Extractor.analyze("Mum's obs at fourteen twenty-five, BP one eighteen over seventy-two, pulse ninety-two.")
        #expect(mum.vitals.bpSystolic == 118 && mum.vitals.hr == 92)
        #expect(Extractor.analyze("Dr Smith gave 10 mg morphine IV at 14:10.").medicationsGiven.map(\.drug) == ["morphine"])
        let apart = Extractor.analyze("No drugs from us apart from paracetamol 1 g IV at 14:20.")
        #expect(apart.medicationsGiven.map(\.drug) == ["paracetamol"])
        let ours = Extractor.analyze("Dr gave 100 ml of saline IV at 1412. No drugs from us. We gave paracetamol 1 g IV at 14:30.")
        #expect(ours.medicationsGiven.map(\.drug) == ["paracetamol"])
    }

    @Test func secondLanguageAndRecaps() {
        // "I was thinking to give ondansetron … so we don't give": considered, not given.
        let thinking = Extractor.analyze("I was thinking to give ondansetron because he vomit two times, but it is serotonergic "
                                         + "also, so we don't give. We give diazepam five milligram intravenous at twenty-two oh five.")
        #expect(thinking.medicationsGiven.map(\.drug) == ["diazepam"])
        let half = Extractor.analyze("Temperature thirty-nine and half, sugar six and half.")
        #expect(half.vitals.temp == 39.5 && half.vitals.glucoseMmolL == 6.5)
        // A recap names the crew's dose and the latest set again: no second dose, no third set.
        let recap = Extractor.analyze("First set at thirteen hundred, BP one-forty-two over eighty-six, pulse ninety-six. We gave "
                                      + "methoxyflurane, three mils inhaled at thirteen-ten, and paracetamol one gram IV at "
                                      + "thirteen-twenty. Second set at thirteen thirty-five, pulse eighty-eight, BP one-thirty-six "
                                      + "over eighty-two, pain six. Quick recap for you, latest BP one-thirty-six over eighty-two, "
                                      + "pulse eighty-eight, pain six, she's had the Penthrox and a gram of paracetamol.")
        #expect(recap.medicationsGiven.map(\.drug) == ["methoxyflurane", "paracetamol"])
        #expect(recap.vitalsSeries.count == 2 && recap.vitals.hr == 88)
        // Near misses: a "latest" reading that differs is a new set; a recap dose with a time of its own is read.
        let changed = Extractor.analyze("BP 136/82 at 13:35. Latest BP 120/70, pulse 88.")
        #expect(changed.vitalsSeries.count == 2 && changed.vitals.bpSystolic == 120)
        let again = Extractor.analyze("Paracetamol 1 g IV at 13:20. To recap, morphine 5 mg IV at 13:30 and paracetamol 1 g IV at 14:20.")
        #expect(again.medicationsGiven.map(\.drug) == ["paracetamol", "morphine", "paracetamol"])
    }

    /// The engines' versions of the same handovers: Whisper's stops, digits and spellings.
    @Test func engineTranscripts() {
        // "Pulse 92. I mean 82." and "temperature 39 and half".
        #expect(Extractor.analyze("170 over 96. Pulse 92. I mean 82. Rest 18.").vitals.hr == 82)
        #expect(Extractor.analyze("Pulse 92. I mean, he looks well.").vitals.hr == 92)
        let half = Extractor.analyze("temperature 39 and half, sugar 6 and half,")
        #expect(half.vitals.temp == 39.5 && half.vitals.glucoseMmolL == 6.5)
        // The age correction across Whisper's stops.
        #expect(Extractor.analyze("This is Graham. He's a 62-year-old gentleman. 63. He's telling me, sorry, 63. On dialysis.")
                    .patient.age == nil)
        #expect(Extractor.analyze("He's a 62-year-old gentleman. 63 kilos, she says.").patient.age == 62)
        // "Negotive, she refused it": refused is not given.
        #expect(Extractor.analyze("Did you give charcoal? Negotive, she refused it. Any endometric.").medicationsGiven.isEmpty)
        #expect(!Extractor.analyze("Did you give aspirin? She refused it at first, then took 300 mg.").medicationsGiven.isEmpty)
        // "426" after "this afternoon": Whisper's digits for four twenty-six, read against the afternoon time before it
        // (`DayAnchorTests`; here, before that, no time was read).
        let pm = Extractor.analyze("Struck at about ten after four this afternoon. We got on scene at 426. Left scene 448.")
        #expect(pm.times.onScene == "16:26" && pm.times.leftScene == "16:48")
        let morning = Extractor.analyze("On scene at 945. Left scene 1010.")
        #expect(morning.times.onScene == "09:45" && morning.times.leftScene == "10:10")
    }

    /// The twenty-eighth review (259 probes) found 64 regressions of this round's rules; each is held here as it was
    /// phrased, with the reading the extractor gave before the round.
    @Test func twentyEighthReview() {
        // "and half" is a half only where the number ends.
        #expect(Extractor.analyze("Pulse 90 and half an hour later 110.").vitals.hr == 90)
        #expect(Extractor.analyze("Temp 38 and half an hour after paracetamol 37.2.").vitals.temp == 38)
        #expect(Extractor.analyze("temperature thirty nine and half sugar six and half gcs is fourteen").vitals.temp == 39.5)
        // "Nothing from us" counts only as the crew's own statement, and only against a dose someone else gave.
        for text in ["Morphine 10 mg IV at 14:10. We didn't give anything else.",
                     "Morphine 10 mg IV at 14:10. Any questions? Nothing from us.",
                     "He initially wanted nothing from us. Morphine 10 mg IV at 14:10.",
                     "Nothing from us for the pain yet; ondansetron 4 mg IV at 14:10 for the nausea.",
                     "We gave nothing orally. Morphine 10 mg IV at 14:10."] {
            #expect(Extractor.analyze(text).medicationsGiven.contains { $0.drug == "morphine" || $0.drug == "ondansetron" }, "\(text)")
        }
        // "Actually she'd not had any" is no taking back of the crew's dose.
        let had = Extractor.analyze("We gave paracetamol 1 g IV at 14:00, actually she'd not had any paracetamol at home.")
        #expect(had.medicationsGiven.map(\.time) == ["14:00"])
        // "We gave her morphine" is no possessive, whatever sex was said first.
        let her = Extractor.analyze("Found by a man walking his dog; she's an 80-year-old female. We gave her morphine 5 mg IV at 14:10.")
        #expect(her.medicationsGiven.map(\.drug) == ["morphine"])
        // The crew's own doctor, and a time said for someone else's set.
        #expect(Extractor.analyze("Our HEMS doctor's obs at 1400: BP 110/70.").vitals.bpSystolic == 110)
        let nurse = Extractor.analyze("The nurse's obs at 13:30: BP 90/60. We repeated: BP 100/65 at 13:50.")
        #expect(nurse.vitalsSeries.count == 1 && nurse.vitalsSeries.first?.time != "13:30" && nurse.vitals.bpSystolic == 100)
        // "I mean" before a value that does not end its clause corrects nothing.
        #expect(Extractor.analyze("BP 100/60, I mean 120/80 is his normal.").vitals.bpSystolic == 100)
        #expect(Extractor.analyze("Onset at 14:00. I mean 14:30 is when she called.").times.onset == "14:00")
        // The same age said again confirms it.
        #expect(Extractor.analyze("A 19-year-old male. Sorry. 19. Yes.").patient.age == 19)
        // A plan carried out, a second dose, a "latest" set with its own time.
        #expect(!Extractor.analyze("I was thinking to give ondansetron, and we did, 4 mg IV at 14:10.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Morphine 5 mg IV at 14:00. He's had a second dose of morphine 5 mg IV since.")
                    .medicationsGiven.count == 2)
        let latest = Extractor.analyze("BP 136/82, pulse 88 at 13:35. Latest at 14:30: BP 136/82, pulse 84.")
        #expect(latest.vitalsSeries.count == 2 && latest.vitalsSeries.last?.time == "14:30")
        // "Refused hospital" is no refusal of the drug.
        #expect(!Extractor.analyze("Did you give paracetamol? He refused hospital initially. 1 g IV at 14:00.").medicationsGiven.isEmpty)
        // Three digits after an evening said another way, or before a morning.
        #expect(Extractor.analyze("Last known well 10 pm last night, on scene at 632.").times.onScene == "06:32")
        #expect(Extractor.analyze("He wanted to go home tonight. On scene at 345 this morning.").times.onScene == "03:45")
        #expect(Extractor.analyze("He took his evening tablets at 10 pm, on scene at 426.").times.onScene == "04:26")
    }

    /// The twenty-ninth review's regressions of the same rules.
    @Test func twentyNinthReview() {
        // A dose taken back only when the same dose is denied, not "any more" of it or its route corrected.
        let more = Extractor.analyze("We gave cyclizine 50 mg IV at 14:00, no, we didn't give any more cyclizine after that.")
        #expect(more.medicationsGiven.map(\.time) == ["14:00"])
        let route = Extractor.analyze("We gave morphine 5 mg at 14:00, scratch that, we didn't give morphine IM, it went IV.")
        #expect(!route.medicationsGiven.isEmpty)
        // The crew's own doctor said after the set.
        let hems = Extractor.analyze("Doctor's obs at 1400: BP 100/60, pulse 130. I'm the doctor, Dr Shah, HEMS.")
        #expect(hems.vitals.bpSystolic == 100 && hems.vitals.hr == 130)
        // ", I mean" does not move an oxygen context.
        #expect(Extractor.analyze("Sats 88 on air, I mean on 15 litres it's 94.").vitals.spo2On != "15 L/min")
        // An afternoon that is a plan, not a time, leaves three digits read.
        let plan = Extractor.analyze("He's due to see his GP this afternoon. Woke at 6 with chest pain, on scene at 715.")
        #expect(plan.times.onScene == "07:15")
        #expect(Extractor.analyze("Onset 4 pm. On scene at 426, left scene at 450.").times.onScene == "16:26")
    }

    /// The thirtieth review (172 full handovers): what the day's rules did to whole handovers.
    @Test func thirtiethReview() {
        // The sex a caller's words gave decides nothing; the pronoun in the sentence does.
        let caller = Extractor.analyze("A woman called 999 for her husband, 70. We gave him two puffs of his own salbutamol at 14:20. "
                                       + "He'd taken two of his own GTN sprays.")
        #expect(caller.medicationsGiven.map(\.drug) == ["salbutamol"] && caller.history.medications == ["nitroglycerin"])
        #expect(Extractor.analyze("Called by a man whose wife collapsed. She's 70, took two of his GTN sprays at 13:30.")
                    .history.medications == nil)
        // A time corrected this way takes the dose back too (the thirty-first review found the time-correction rule
        // keeping doses denied for reasons: "…, it was declined", "…till the hospital"): no time is invented.
        for text in ["We gave morphine 5 mg IV at 06:40, no, sorry, we didn't give the morphine until 06:50.",
                     "We gave morphine 5 mg IV at 10:30, no, scratch that, we didn't give the morphine, it was declined.",
                     "We gave morphine 5 mg IV at 10:30, no, we didn't give the morphine, we'll leave that till the hospital."] {
            #expect(!Extractor.analyze(text).medicationsGiven.contains { $0.time == "06:40" || $0.time == "10:30" }, "\(text)")
        }
        // "from about" of something other than a symptom.
        for text in ["Nil by mouth from about 06:00 for a scan. Chest pain started at 14:10.",
                     "Pain free from about 15:10 after the GTN.", "On oxygen from about 16:20 at 2 litres.",
                     "They've been waiting for us from about 13:15."] {
            let onset = Extractor.analyze(text).times.onset
            #expect(onset == nil || onset == "14:10", "\(text): \(onset ?? "")")
        }
        #expect(Extractor.analyze("Short of breath from around half two this afternoon.").times.onset == "14:30")
        // An apology after the age is no correction; a number after it is.
        #expect(Extractor.analyze("67-year-old male. Sorry. Bit of a noisy one in here.").patient.age == 67)
        #expect(Extractor.analyze("45-year-old female. Sorry. 54. Pulse 100.").patient.age == nil)
        // Their recheck, though the crew arrived as it was done.
        #expect(Extractor.analyze("The home's nurse recorded a temp of 39.2, temp 38.9 when she rechecked as we arrived.")
                    .vitals.temp == nil)
    }

    /// The thirty-first review's regressions of the thirtieth's fixes.
    @Test func thirtyFirstReview() {
        // "her" may be a possessive: not the pronoun that decides.
        #expect(Extractor.analyze("He's 70. The nurse says her patient had two of his own GTN sprays at 10:00.")
                    .history.medications == ["nitroglycerin"])
        // "from about" of symptoms beyond a short list, and the story going on.
        for text in ["Abdominal pains from about 03:00.", "Dizziness from about 09:00.", "Epistaxis from about 22:10.",
                     "From about 4.15pm he's head-appounding headache."] {
            #expect(Extractor.analyze(text).times.onset != nil, "\(text)")
        }
        #expect(Extractor.analyze("Nil by mouth from about 06:00, she's had nothing since.").times.onset == nil)
        // (Thirty-second review.) The story after the time must be of a symptom.
        for text in ["Young male, 22, at the pub from about 19:00, he's had about eight pints.",
                     "Female, 55, we've been on scene from about 14:20, she's been stable throughout.",
                     "Female, 79, with her carer from about 09:00, she's been fine until she collapsed at 10:15.",
                     "Male, 38, driving from about 06:00, he's been on the road for four hours."] {
            let onset = Extractor.analyze(text).times.onset
            #expect(onset == nil || onset == "10:15", "\(text): \(onset ?? "")")
        }
        #expect(Extractor.analyze("From about ten past nine this evening she's been spitting fresh blood.").times.onset == "21:10")
        // An age corrected in the next sentence, past talk.
        for text in ["A 62-year-old gentleman, sorry. He's 63, he's telling me.", "72-year-old female, sorry. I mean 27.",
                     "A 56-year-old male, sorry. Correction. 65.", "58-year-old female, sorry. She's actually 85."] {
            #expect(Extractor.analyze(text).patient.age == nil, "\(text)")
        }
        // The patient's own actions are not someone's recheck.
        let jam = Extractor.analyze("The carers had a glucose of 2.1, glucose 4.5 on our arrival after he took some jam.")
        #expect(jam.vitals.glucoseMmolL == 4.5)
    }

    /// The thirty-third review (114 full handovers; one regression, one debatable case).
    @Test func thirtyThirdReview() {
        // A statement run on into a question of its own keeps its dose; a question about the dose does not.
        let runOn = Extractor.analyze("We gave morphine 5 mg IV at 15:10 did you want more detail? No. BP 140/80.")
        #expect(runOn.medicationsGiven.map(\.time) == ["15:10"])
        #expect(Extractor.analyze("We gave amiodarone? No. Adrenaline 1 mg IV at 11:28.").medicationsGiven.map(\.drug) == ["epinephrine"])
        #expect(Extractor.analyze("Did you give him aspirin 300 mg? No.").medicationsGiven.isEmpty)
        // A relative's own allergy, said just before the reaction.
        let mum = Extractor.analyze("Girl, 9, sore throat. Her mum is allergic, penicillin gives her hives, but Ella has no allergies.")
        #expect(mum.history.allergies != ["penicillin"] && mum.medicationsGiven.isEmpty)
        // (Thirty-fourth review.) A side effect said with the crew's own dose after it: the dose is still given.
        #expect(Extractor.analyze("GTN gives him a headache, so only one spray at 08:40.").medicationsGiven.map(\.drug) == ["nitroglycerin"])
    }
}
