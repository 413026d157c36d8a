import Testing
import Clinical

/// A drug someone else gave before the crew took over (a relative, a carer, the GP) is not a medication the crew
/// gave. "We" on the way, or a crew verb of its own, keeps a drug the crew's.
@Suite struct OthersGaveTests {
    @Test func aGiverOtherThanTheCrew() {
        for text in ["The carer gave him 2 puffs of salbutamol.",
                     "His wife had already given him aspirin and GTN.",
                     "His wife and daughter gave him aspirin.",
                     "The midwife gave syntometrine 1 ml IM.",
                     "Benzylpenicillin 1.2 g IM given by the GP.",
                     "Aspirin 300 mg given by the CFR before we arrived on scene.", "Aspirin 300 mg given by the first aider."] {
            #expect(Extractor.analyze(text).medicationsGiven.isEmpty, "\(text)")
        }
    }

    @Test func theCrewStillGives() {
        let cases: [(String, [String])] = [
            ("Wife gave aspirin, we then gave GTN 400 mcg SL.", ["nitroglycerin"]),
            ("GP gave benzylpenicillin 1.2 g IM, we gave ondansetron 4 mg IV.", ["ondansetron"]),
            ("Mum was there and we gave paracetamol 1 g PO.", ["paracetamol"]),
            ("We gave salbutamol 5 mg nebulised after mum had given 4 puffs.", ["salbutamol"]),
            ("Benzylpenicillin 1.2 g IM given by us at 14:10.", ["benzylpenicillin"]),
            // "she" is the crew only after a crewmate named before it (tenth review: alone, she may be anyone).
            ("She gave her ketamine 20 mg IV.", []),
            ("My crewmate cannulated and she gave her ketamine 20 mg IV.", ["ketamine"]),
            // Crewmates: a US crew's "partner", a flight nurse.
            ("My partner gave 324 mg aspirin PO.", ["aspirin"]),
            ("Flight nurse pushed fentanyl 50 mcg IV.", ["fentanyl"]),
            // A giver word that is not the subject of the verb (no commas in an engine's transcript).
            ("bystander CPR on arrival gave adrenaline 1 mg IO", ["epinephrine"]),
            ("anaphylaxis at school gave adrenaline 500 micrograms IM", ["epinephrine"]),
            ("found by police gave naloxone 400 micrograms IM", ["naloxone"]),
            // The other person's verb does not reach past "so", a comma, or a drug with a verb of its own.
            ("Wife had given him aspirin so GTN 400 micrograms SL", ["nitroglycerin"]),
            ("Wife gave aspirin 300 mg, GTN 400 mcg SL given", ["nitroglycerin"]),
            ("Mum gave 2 puffs of salbutamol, 5 mg salbutamol nebulised", ["salbutamol"]),
        ]
        for (text, drugs) in cases {
            #expect(Extractor.analyze(text).medicationsGiven.map(\.drug) == drugs, "\(text)")
        }
    }
}
