import Testing
import Clinical

/// What the engines' transcripts of HeldOut11 … HeldOut17 still invented at 59701e2, fixed: a decimal whose "point"
/// PocketSphinx wrote as another word, a reading that starts "a point", a reaction read as a dose, and a negated
/// giving. Each rule's limits come from review rounds 56–64 (their probes are in scripts/probes.tsv).
@Suite struct EngineTranscriptFindingsTests {
    /// "temp thirty eight plan for sugar six point two" was 38.4: the whole number alone is a value nobody said.
    @Test func aPointWrittenAsAnotherWord() {
        #expect(Extractor.analyze("temp thirty eight plan for sugar six point two gcs thirteen").vitals.temp == nil)
        #expect(Extractor.analyze("temp thirty eight plan for sugar six point two gcs thirteen").vitals.glucoseMmolL == 6.2)
        #expect(Extractor.analyze("rr eighteen sats ninety eight percent temp thirty six plan for bgl five point nine").vitals.temp == nil)
        #expect(Extractor.analyze("temp thirty nine planned eight").vitals.temp == nil)
        #expect(Extractor.analyze("temp thirty eight find nine tympanic").vitals.temp == nil)
        #expect(Extractor.analyze("temp thirty nine find a heart rate one twenty").vitals.temp == nil)
        #expect(Extractor.analyze("temp thirty nine find a heart rate one twenty").vitals.hr == 120)
        #expect(Extractor.analyze("temp thirty eight find nine pulse one hundred").vitals.temp == nil)
        // A real plan, or a real "find", keeps the reading (review 56 and 58).
        #expect(Extractor.analyze("temp thirty seven plan to recheck in ten minutes").vitals.temp == 37)
        #expect(Extractor.analyze("temperature thirty six find him a blanket he's shivering").vitals.temp == 36)
        #expect(Extractor.analyze("temp thirty seven plan for pain relief").vitals.temp == 37)
        #expect(Extractor.analyze("sugar three plan for oral glucose").vitals.glucoseMmolL == 3)
        #expect(Extractor.analyze("temp thirty seven planned a BP recheck in five minutes").vitals.temp == 37)
        #expect(Extractor.analyze("sugar four plan to BM him again in ten minutes").vitals.glucoseMmolL == 4)
        #expect(Extractor.analyze("Temp thirty five plan A: passive rewarming.").vitals.temp == 35)
        #expect(Extractor.analyze("Temp 37 plan to recheck.").vitals.temp == 37)
        #expect(Extractor.analyze("GCS fifteen find one pupil sluggish").vitals.gcs == 15)
        #expect(Extractor.analyze("pulse ninety planned two large bore cannulas").vitals.hr == 90)
        #expect(Extractor.analyze("sats ninety four planned one litre of saline").vitals.spo2 == 94)
        #expect(Extractor.analyze("pulse one ten planned five milligrams morphine").vitals.hr == 110)
        #expect(Extractor.analyze("sugar two planned one milligram glucagon IM").vitals.glucoseMmolL == 2)
        // "to" is a plan, and the same vital again its recheck (review 60).
        #expect(Extractor.analyze("temp thirty five plan to temp fifteen minutes later").vitals.temp == 35)
        #expect(Extractor.analyze("sugar three plan to sugar four before we move her").vitalsSeries
                    .compactMap(\.values.glucoseMmolL) == [3, 4])
        // A plan's target (review 61), and text with punctuation or digits, which PocketSphinx never writes.
        #expect(Extractor.analyze("temp thirty eight plan for sats ninety four to ninety eight").vitals.temp == 38)
        #expect(Extractor.analyze("temp thirty five plan for systolic of ninety").vitals.temp == 35)
        #expect(Extractor.analyze("Temp thirty eight plan for sats ninety four to ninety eight.").vitals.temp == 38)
        #expect(Extractor.analyze("Temp thirty eight plan for sugar 6.2.").vitals.temp == 38)
        // Review 62: PocketSphinx writes "to" as "two"; a plan goes on with other words after the reading.
        #expect(Extractor.analyze("temp thirty eight plan for sats ninety four two ninety eight").vitals.temp == 38)
        #expect(Extractor.analyze("temp thirty eight plan for sats ninety four at least").vitals.temp == 38)
        #expect(Extractor.analyze("sugar two plan for gcs fifteen once sugar above four").vitals.glucoseMmolL == 2)
        // PocketSphinx's spelled letters are no punctuation of a typist's.
        #expect(Extractor.analyze("gcs fourteen e four v four m six c. temp thirty six plan for bgl five point nine").vitals.temp == nil)
        // A blood sugar in mg/dL is a whole number.
        #expect(Extractor.analyze("sugar one twenty plan for review").vitals.glucoseMgDl == 120)
    }

    /// "regular meds sertraline fifty milligrams gives her hives", unpunctuated: a reaction, not the crew's dose.
    @Test func aReactionIsNoDose() {
        let a = Extractor.analyze("regular meds sertraline fifty milligrams gives her hives")
        #expect(a.medicationsGiven.isEmpty && a.history.medications == ["sertraline"])
        #expect(Extractor.analyze("Codeine gives him a rash. We gave paracetamol 1 g IV.").medicationsGiven.map(\.drug) == ["paracetamol"])
        // A dose given for a reaction, or before one, is still a dose (review 63).
        #expect(Extractor.analyze("Regular meds sertraline 50 mg. Gave her ondansetron for nausea, 4 mg IV.")
                    .medicationsGiven.map(\.drug) == ["ondansetron"])
        #expect(Extractor.analyze("regular meds salbutamol we gave him salbutamol wheeze improved")
                    .medicationsGiven.map(\.drug) == ["salbutamol"])
        #expect(Extractor.analyze("we gave her morphine five milligrams iv it gave her a rash").medicationsGiven.map(\.drug) == ["morphine"])
    }

    /// "no drugs given diabetic on metformin", unpunctuated: the giving said not to have happened does not make
    /// the patient's medicine a dose.
    @Test func aGivingSaidNotToHaveHappened() {
        let a = Extractor.analyze("no drugs given smokes twenty a day diabetic on metformin and such")
        #expect(a.medicationsGiven.isEmpty && a.history.medications == ["metformin"])
        #expect(Extractor.analyze("Nothing given. He is on warfarin.").history.medications == ["warfarin"])
        #expect(Extractor.analyze("we gave aspirin, he's on metformin").medicationsGiven.map(\.drug) == ["aspirin"])
    }

    /// "bm a point nine" was eight point nine: the first words of a reading whose rest the engine garbled are no
    /// reading (not 0.9 mmol/L, a hypoglycaemia nobody had).
    @Test func aReadingCutOffByTheEngine() {
        #expect(Extractor.analyze("temp thirty nine point six bm a point nine gcs fifteen").vitals.glucoseMmolL == nil)
        #expect(Extractor.analyze("BM one point nine, GCS thirteen.").vitals.glucoseMmolL == 1.9)
        // A sugar of one is a hypoglycaemia said, however garbled what follows (review 64).
        #expect(Extractor.analyze("bm was one she was unresponsive").vitals.glucoseMmolL == 1)
        #expect(Extractor.analyze("hypo sugar one").vitals.glucoseMmolL == 1)
    }
}
