/// A repeat of the last dose given, said without the drug's name: "We gave two and a half milligrams of morphine IV
/// at sixteen-oh-two and another two and a half at sixteen-ten", "Morphine 5 mg IV at 14:52 and another 5 mg IV at
/// 14:58", "Nitro point four milligrams sublingual at oh-three-forty, …, and a second point four milligrams
/// sublingual at oh-three-forty-five".
extension HandoverScanner {
    mutating func matchRepeatDose(at i: Int) -> Int? {
        guard let m = longest(Lexicon.repeatDoseWords, at: i), let last = medicationsGiven.last,
              let lastEnd = lastGivenEnd, lastEnd <= i, i - lastEnd <= 20, let n = numbers.parse(at: m), n.value > 0,
              n.form != .clock else { return nil }
        // The last dose was said in this sentence or the one before it, and no other drug was named since ("We gave
        // morphine 5 mg. His wife gave him oxycodone 5 mg, and another 5 mg at 16:00" repeats no morphine).
        let sentenceEnds = (lastEnd..<i).filter { isSentenceEnd($0) }.count
        guard sentenceEnds <= 1, !(lastEnd..<i).contains(where: { longest(Lexicon.drugs, at: $0) != nil }) else { return nil }
        var k = n.end
        var unit: String?
        if let u = doseUnit(at: k, drug: last.drug) {
            // Only the same kind of unit as the last dose ("another 5 mg" after "morphine 5 mg"), or none said.
            guard last.unit == nil || last.unit == u.unit, u.factor == 1 else { return nil }
            unit = u.unit
            k = u.end
        }
        let doseEnd = k
        // A drug named after the dose is that drug's dose ("another 4 mg of ondansetron"): the drug rules read it.
        if (k..<min(tokens.count, k + 3)).contains(where: { longest(Lexicon.drugs, at: $0) != nil }) { return nil }
        var said: (first: Int, end: Int, route: String)?
        if let r = route(at: k) {
            said = (k, r.end, r.route)
            k = r.end
        }
        var time: (first: Int, end: Int, time: String)?
        if key(k) == "at", let c = clock(at: k + 1) {
            time = (k + 1, c.end, c.time)
            k = c.end
        }
        // Without a unit, a route or a time the number may be anything ("another 10 minutes", "another 2 sets").
        guard unit != nil || said != nil || time != nil,
              !(n.end < tokens.count && Lexicon.notAReading.contains(keys[n.end])) else { return nil }
        // Planned, declined, withheld or someone else's, by the same rules as a named drug ("we'll give another 5 mg
        // if needed", "another 5 mg IV was declined"), with "another" in the drug's place.
        if isNotAdministered(i, m) { return k }
        let index = medicationsGiven.count
        let prefix = "medications_given[\(index)]"
        addEvidence("\(prefix).drug", scalarSpan(i, m), nemsis: "eMedications.03")
        addEvidence("\(prefix).dose", scalarSpan(n.first, doseEnd), nemsis: "eMedications.05")
        if unit != nil { addEvidence("\(prefix).unit", scalarSpan(n.first, doseEnd), nemsis: "eMedications.06") }
        if let said { addEvidence("\(prefix).route", scalarSpan(said.first, said.end), nemsis: "eMedications.04") }
        if let time { addEvidence("\(prefix).time", scalarSpan(time.first, time.end), nemsis: "eMedications.01") }
        // Only what was said: the route and the unit are not carried over from the last dose.
        medicationsGiven.append(MedicationGiven(drug: last.drug, dose: Self.round1Dose(n.value), unit: unit,
                                                route: said?.route, time: time?.time))
        lastGivenEnd = k
        return k
    }
}
