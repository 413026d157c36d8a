import Testing
import Clinical

/// HeldOut8's typed inventions and misses (dialogue handovers, brand names, other people's readings): each as the
/// corpus phrased it, with near misses that must still read.
@Suite struct HeldOut8FindingsTests {
    /// Each text's drugs given and home medicines (sorted; nil: not checked).
    private func expectSides(_ cases: [(String, given: [String]?, history: [String]?)],
                             sourceLocation: SourceLocation = #_sourceLocation) {
        for c in cases {
            let a = Extractor.analyze(c.0)
            if let g = c.given {
                #expect(a.medicationsGiven.map(\.drug).sorted() == g, "\(c.0)", sourceLocation: sourceLocation)
            }
            if let h = c.history {
                #expect((a.history.medications ?? []).sorted() == h, "\(c.0)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The answer to "Meds?" is the patient's own medicines, dose and all; the answer to "What did you give?" is not.
    @Test func theAnswerToAQuestionAboutHisMedicinesIsHistory() {
        expectSides([
            ("Regular meds? Sertraline, fifty milligrams.", given: [], history: ["sertraline"]),
            ("Meds? Levothyroxine seventy-five micrograms and omeprazole twenty.", given: [],
             history: ["levothyroxine", "omeprazole"]),
            ("Home meds? Furosemide forty twice a day, carvedilol twelve point five, and Eliquis.", given: [],
             history: ["apixaban", "carvedilol", "furosemide"]),
            ("Does he take anything? Ramipril 10 mg.", given: [], history: ["ramipril"]),
            ("Her only regular med is sertraline, a hundred milligrams.", given: [], history: ["sertraline"]),
            ("Her regular med is levetiracetam, two hundred milligrams twice a day.", given: [], history: ["levetiracetam"]),
            ("Her syringe driver's running oxycodone twenty milligrams and cyclizine one-fifty over twenty-four hours.",
             given: [], history: ["cyclizine", "oxycodone"]),
            // Near misses: a question about what the crew gave, the crew speaking in the answer, an answer that is
            // not the first thing after the question, a syringe of the crew's.
            ("What meds did you give? Morphine 5 mg IV at 14:10.", given: ["morphine"], history: []),
            ("What did you give? Nitro point four milligrams sublingual at oh-three-forty.", given: ["nitroglycerin"],
             history: []),
            ("Has she had anything? Four milligrams of ondansetron IV at thirteen-ten.", given: ["ondansetron"], history: []),
            ("Meds? We gave morphine 5 mg IV.", given: ["morphine"], history: []),
            ("Any meds? No. Morphine 5 mg IV at 14:10.", given: ["morphine"], history: []),
            ("We flushed the syringe and gave morphine 5 mg IV.", given: ["morphine"], history: []),
            ("Syringe of morphine 5 mg IV given at 14:10.", given: ["morphine"], history: []),
        ])
    }

    @Test func brandNamesAreTheirDrugs() {
        let cases: [(String, String)] = [
            ("Eliquis", "apixaban"), ("Xarelto", "rivaroxaban"), ("Pradaxa", "dabigatran"), ("Lixiana", "edoxaban"),
            ("Coumadin", "warfarin"), ("Panadol", "paracetamol"), ("Pamol", "paracetamol"), ("Nurofen", "ibuprofen"),
            ("Advil", "ibuprofen"), ("Nozinan", "levomepromazine"),
        ]
        for (brand, drug) in cases {
            #expect(Extractor.analyze("He takes \(brand) daily.").history.medications == [drug], "\(brand)")
        }
        for (brand, drug) in [("Buccolam", "midazolam"), ("Epistatus", "midazolam"), ("amio", "amiodarone")] {
            #expect(Extractor.analyze("We gave \(brand) 5 mg at 14:10.").medicationsGiven.map(\.drug) == [drug], "\(brand)")
        }
    }

    /// "We gave Buccolam, that's midazolam, five milligrams buccal": one dose, named twice.
    @Test func oneDrugNamedTwiceIsOneDose() {
        let a = Extractor.analyze("We gave Buccolam, that's midazolam, five milligrams buccal, at oh-seven-fifty-three.")
        #expect(a.medicationsGiven.count == 1)
        #expect(a.medicationsGiven.first?.drug == "midazolam")
        #expect(a.medicationsGiven.first?.dose == 5)
        #expect(a.medicationsGiven.first?.time == "07:53")
        for text in ["We gave Buccolam 5 mg buccal, that's midazolam.", "We gave Buccolam 5 mg, that's midazolam, IV at 07:53."] {
            #expect(Extractor.analyze(text).medicationsGiven.map(\.dose) == [5], "\(text)")
        }
        let c = Extractor.analyze("We gave Ventolin, that's salbutamol, 5 mg nebulised, and ipratropium, that's Atrovent, "
                                  + "500 micrograms nebulised.")
        #expect(c.medicationsGiven.map(\.drug) == ["salbutamol", "ipratropium"])
        #expect(c.medicationsGiven.map(\.dose) == [5, 500])
        // Near misses: the same drug given twice, with words between that restate nothing.
        for text in ["We gave midazolam 5 mg buccal at 07:53 and then midazolam 5 mg IV at 08:03.",
                     "We gave morphine 5 mg IV and then morphine 5 mg IV again.",
                     "Morphine 5 mg IV, then morphine 5 mg IV.",
                     "Morphine 5 mg IV at 14:10, also morphine 5 mg IV at 14:20."] {
            #expect(Extractor.analyze(text).medicationsGiven.count == 2, "\(text)")
        }
    }

    /// A set someone else took before the crew came is not the crew's reading.
    @Test func someoneElsesSetIsNotRead() {
        for text in ["The staff did a set at about three, they got a NEWS of six, their sats were ninety, temperature "
                     + "thirty-eight point one and BP one-oh-two over sixty.",
                     "Staff took obs before we came: BP 90/60, HR 110.",
                     "The first responder did obs, BP 90/60 and HR 110."] {
            #expect(Extractor.analyze(text).vitalsSeries.isEmpty, "\(text)")
        }
        // Near misses: the crew's own set after a third party, a third party that did something else.
        for text in ["The carers found her on the floor, we did obs, BP 120/80.",
                     "The carers had called us at 3, BP 120/80.", "His wife had a cold. BP 120/80.",
                     "The staff did a set at three, on arrival BP 120/80.",
                     "The carers recorded her weight, our obs BP 120/80.",
                     "Wife checked on him at 6, found him unresponsive, BP 120/80.",
                     "The carers did obs at 3 but we repeated them, BP 120/80."] {
            #expect(Extractor.analyze(text).vitals.bpSystolic == 120, "\(text)")
        }
    }

    @Test func aSideIsNotLeavingTheScene() {
        #expect(Extractor.analyze("A tibial IO on the left at eleven-oh-five.").times.leftScene == nil)
        #expect(Extractor.analyze("Cannula in her left at 11:05.").times.leftScene == nil)
        for text in ["Left at 11:05.", "We left at 11:05.", "Cannula in the left at 11:05, left scene at 11:20."] {
            #expect(Extractor.analyze(text).times.leftScene != nil, "\(text)")
        }
    }

    @Test func aDoseLeftForTheHospitalIsNotGiven() {
        expectSides([
            ("A gram of TXA IO at fourteen fifty-eight. The second gram of TXA is for you to give.",
             given: ["tranexamic acid"], history: nil),
            ("Morphine 5 mg IV is for the ED team to decide.", given: [], history: nil),
            // Near misses: "for" something else.
            ("We gave TXA 1 g IV for the bleeding at 14:58.", given: ["tranexamic acid"], history: nil),
            ("We gave morphine 5 mg IV for the pain, for you to reassess.", given: ["morphine"], history: nil),
            ("Morphine 5 mg IV for the pain.", given: ["morphine"], history: nil),
        ])
    }

    /// A bare question for allergies is answered by the next sentence; "penicillin allergy" names its allergen first.
    @Test func allergiesAskedAndAnswered() {
        let cases: [(String, [String]?, Bool?)] = [
            ("Allergies? Codeine.", ["codeine"], nil),
            ("Allergies? Amoxicillin, he gets hives.", ["amoxicillin"], nil),
            ("Is he allergic to anything? Penicillin and latex.", ["penicillin", "latex"], nil),
            ("Any allergies? None.", [], true),
            ("Penicillin allergy.", ["penicillin"], nil),
            ("He has a penicillin allergy.", ["penicillin"], nil),
            // Near misses: a question about one drug, an answer that is not an allergen, someone else's, negated.
            ("Is he allergic to penicillin? Wife says no.", nil, nil),
            ("Allergies? We gave morphine 5 mg IV.", nil, nil),
            ("Allergies? Not that we know of.", nil, nil),
            ("Does he have any allergies? His wife says penicillin.", nil, nil),
            ("No penicillin allergy.", nil, nil),
            ("His wife has a penicillin allergy.", nil, nil),
            ("Any allergies? None that he knows of, he's had penicillin before.", nil, nil),
            ("Has his wife got any allergies? Penicillin.", nil, nil),
        ]
        for (text, allergies, nkda) in cases {
            let h = Extractor.analyze(text).history
            #expect(h.allergies == allergies, "\(text)")
            #expect(h.nkda == nkda, "\(text)")
        }
        #expect(Extractor.analyze("Allergies? We gave morphine 5 mg IV.").medicationsGiven.map(\.drug) == ["morphine"])
        // An answer that names no allergen is not read as a list of unrecognised allergies.
        for text in ["Allergies? Not that we know of.", "Allergies? Ask his wife."] {
            #expect(!Extractor.analyze(text).flags.contains { $0.code == "allergy_unrecognised" }, "\(text)")
        }
    }

    /// "When did it start? Twelve-forty": the answer's time is the onset.
    @Test func theAnswerToWhenItStartedIsTheOnset() {
        for (text, onset) in [("When did it start? Twelve-forty, she was on the rowing machine.", "12:40"),
                              ("When did this start? About three this morning.", "03:00"),
                              ("When did the pain start? At 14:10.", "14:10")] {
            #expect(Extractor.analyze(text).times.onset == onset, "\(text)")
        }
        // Near misses: another question, an answer that is no clock time.
        for text in ["When did you arrive? Twelve-forty.", "When did it start? Two days ago.",
                     "When did it start? Forty minutes ago, at about 14:10.",
                     "When did the paramedics get there and what time did it start? Twelve-forty.",
                     "We asked when did it start. 12:40 we left."] {
            #expect(Extractor.analyze(text).times.onset == nil, "\(text)")
        }
    }

    /// "two kids aged 4 and 7 at home": their ages, not the patient's.
    @Test func othersAgesAreNotThePatients() {
        for text in ["female, two kids aged 4 and 7 at home", "Her son, aged 12, is with us.",
                     "Wife aged 70 is following."] {
            #expect(Extractor.analyze(text).patient.age == nil, "\(text)")
        }
        for (text, age) in [("A man aged 45.", 45), ("A boy aged 4 fell off a swing.", 4), ("A child aged 4, fell.", 4),
                            ("37 year old female. Two kids aged 4 and 7 at home.", 37)] {
            #expect(Extractor.analyze(text).patient.age == age, "\(text)")
        }
    }
}
