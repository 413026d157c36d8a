import Testing
import Clinical

/// The latest value of a vital is the one taken last, not only the one said last: a reading changed after a
/// drug ("pain eight, down to three after the fentanyl") and a set said after the current one but taken before it
/// ("Obs now … On arrival his obs were …").
@Suite struct ReadingOrderTests {
    /// The series' values of `key`, in the order said, and the latest.
    private func readings(_ text: String, _ key: KeyPath<Vitals, Int?>) -> (series: [Int], latest: Int?) {
        let a = Extractor.analyze(text)
        return (a.vitalsSeries.compactMap { $0.values[keyPath: key] }, a.vitals[keyPath: key])
    }

    @Test func aReadingChangedWithoutItsNameIsALaterSet() {
        let cases: [(String, KeyPath<Vitals, Int?>, [Int])] = [
            ("Pain eight out of ten, down to three after the fentanyl.", \.painScale0To10, [8, 3]),
            ("Pain 8/10, down to 3/10 after fentanyl.", \.painScale0To10, [8, 3]),
            ("Pain was nine, down to four after the fentanyl.", \.painScale0To10, [9, 4]),
            ("HR 120, down to 100 after the fluids.", \.hr, [120, 100]),
            ("Heart rate forty, came up to sixty after the atropine.", \.hr, [40, 60]),
            ("Resps 30, down to 22 after the neb.", \.rr, [30, 22]),
            ("BP 80 over 50, up to 100 over 60 after the fluids.", \.bpSystolic, [80, 100]),
            ("BP 80 over 50, up to 100 over 60 after the fluids.", \.bpDiastolic, [50, 60]),
            // Near misses: "then"/"now" alone, a dose, a count, a duration, a range, a pressure with one number,
            // an implausible value, a new vital's name.
            ("Pain 8, then 5 mg of morphine given.", \.painScale0To10, [8]),
            ("Pain 8 now 2 puffs of salbutamol.", \.painScale0To10, [8]),
            ("HR 120, up to 10 times a day.", \.hr, [120]),
            ("HR 120, up to 2 litres of oxygen.", \.hr, [120]),
            ("Pain 8, down to 4 to 5 after the morphine.", \.painScale0To10, [8]),
            ("Pain 8, up to 20 minutes ago.", \.painScale0To10, [8]),
            ("BP 80 over 50, up to 100 after the fluids.", \.bpSystolic, [80]),
            ("BP 80 over 50, came up to 100 in 40 minutes.", \.bpSystolic, [80]),
            ("HR 120, down to 4 doses.", \.hr, [120]),
            ("HR 120, up to resps 30.", \.hr, [120]),
        ]
        for (text, key, series) in cases {
            let r = readings(text, key)
            #expect(r.series == series, "\(text)")
            #expect(r.latest == series.last, "\(text)")
        }
        // The evidence of the later value holds its words of change.
        let a = Extractor.analyze("Pain eight out of ten, down to three after the fentanyl.")
        #expect(a.evidence.first { $0.path == "vitals.pain_scale_0_10" }?.text == "down to three")
    }

    @Test func aSetTakenEarlierIsNotTheLatest() {
        let cases: [(String, KeyPath<Vitals, Int?>, latest: Int, series: [Int])] = [
            ("Obs now: HR 90, BP 120/80. On arrival his obs were HR 120, BP 90/60.", \.hr, 90, [90, 120]),
            ("Obs now: HR 90, BP 120/80. On arrival his obs were HR 120, BP 90/60.", \.bpSystolic, 120, [120, 90]),
            ("Latest obs heart rate ninety, sats ninety-six on two litres. When we got there his heart rate was one "
             + "thirty and sats eighty-four on air.", \.spo2, 96, [96, 84]),
            ("HR 88 now. Initially his heart rate was 140.", \.hr, 88, [88, 140]),
            ("Current obs, BP eighty-four over fifty, pulse one-twenty. When we first got to him he was BP one-oh-two "
             + "over sixty-four, pulse ninety-eight.", \.bpSystolic, 84, [84, 102]),
            // A pressure said without its name may open the earlier set.
            ("Last one at fifteen-ten, heart rate one thirty-two. Was she like that from the start? No, the first set at "
             + "fourteen-fifty she was ninety-eight over sixty, heart rate one eighteen.", \.hr, 132, [132, 118]),
            ("HR 90 now. Initially 2 puffs of her inhaler, HR 130.", \.hr, 130, [90, 130]),
            // Unpunctuated engine text: the marker holds only for the reading after it.
            ("obs now heart rate ninety sats ninety six on two litres when we got there his heart rate was one thirty "
             + "and sats eighty four on air then after the neb heart rate one ten", \.hr, 110, [90, 130, 110]),
            ("heart rate ninety initial obs blood pressure one hundred over sixty then post splint heart rate eighty",
             \.hr, 80, [90, 80]),
            // Near misses: on arrival at hospital is later; a marker with no set before it, or before values that
            // join the current set, changes nothing.
            ("HR 90. On arrival at hospital HR 95.", \.hr, 95, [90, 95]),
            ("On arrival HR 120. Repeat HR 90.", \.hr, 90, [120, 90]),
            ("GCS 15 on our arrival, E4 V5 M6. Initial obs heart rate 112. Post-splint heart rate 96.", \.hr, 96, [112, 96]),
            ("HR 90, BP 120/80. When we arrived he was on the floor. Repeat HR 80.", \.hr, 80, [90, 80]),
            ("Pain eight out of ten at rest. First obs, pulse ninety-two.", \.hr, 92, [92]),
        ]
        for c in cases {
            let r = readings(c.0, c.1)
            #expect(r.series == c.series, "\(c.0)")
            #expect(r.latest == c.latest, "\(c.0)")
        }
        // The series keeps the order said; the set said first is not moved.
        let a = Extractor.analyze("Obs now: HR 90, BP 120/80. On arrival his obs were HR 120, BP 90/60.")
        #expect(a.vitalsSeries.map(\.index) == [0, 1])
        #expect(a.evidence.first { $0.path == "vitals.hr" }?.text == "HR 90")
    }
}
