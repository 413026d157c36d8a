import Testing
import Clinical

/// A drug someone else gave before the crew took over (a relative, a carer, the GP) is not a medication the crew
/// gave. "We" on the way, or a crew verb of its own, keeps a drug the crew's.
@Suite struct OthersGaveTests {
    @Test func aGiverOtherThanTheCrew() {
        for text in ["The carer gave him 2 puffs of salbutamol.",
                     "His wife had already given him aspirin and GTN.",
                     "His wife and daughter gave him aspirin.",
                     "The nurse at the home gave paracetamol 1 g at 8.",
                     "Benzylpenicillin 1.2 g IM given by the GP.",
                     "Aspirin 300 mg given by the community first responder."] {
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
            ("She gave her ketamine 20 mg IV.", ["ketamine"]),
        ]
        for (text, drugs) in cases {
            #expect(Extractor.analyze(text).medicationsGiven.map(\.drug) == drugs, "\(text)")
        }
    }
}
