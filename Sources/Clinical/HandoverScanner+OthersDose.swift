/// Someone else's dose as the basis of the crew's next one: "Park ranger gave him adrenaline 300 micrograms IM with
/// his own pen at 13:40. We gave a further 500 micrograms IM at 13:50." The ranger's dose is not the crew's, but the
/// crew's "further 500 micrograms" is more of the same drug (review 99 found it lost once the ranger's dose was no
/// longer read as the crew's).
extension HandoverScanner {
    /// A dose read as given by someone else: the drug, the unit of its dose, the words of its name and where it
    /// ended.
    struct OthersDose {
        let drug: String
        let unit: String
        let route: String?
        let name: Range<Int>
        let end: Int
    }

    /// Notes the drug at `i..<end`, not given by the crew, as someone else's dose when a giver other than the crew is
    /// named for it (`isGivenByOthers`, `isGivenByNamedOther`) and its dose is said with it: straight after the name
    /// (past a comma: "diclofenac, seventy-five milligrams") or before it ("1 g paracetamol", "300 micrograms of
    /// adrenaline").
    mutating func noteOthersDose(_ i: Int, _ end: Int, drug: String) {
        guard isGivenByOthers(i, end) || isGivenByNamedOther(i, end) else { return }
        var d = end
        if isPunct(d, ",") { d += 1 }
        if let n = numbers.parse(at: d), let u = doseUnit(at: n.end) {
            let r = route(at: u.end)
            othersDoses.append(OthersDose(drug: drug, unit: u.unit, route: r?.route, name: i..<end, end: r?.end ?? u.end))
        } else {
            // ("1 g paracetamol", "300 micrograms of adrenaline": the unit ends at the name or at "of", its number
            // straight before it.)
            let unitEnd = key(i - 1) == "of" ? i - 1 : i
            for u in max(0, unitEnd - 3)..<unitEnd {
                guard let unit = doseUnit(at: u), unit.end == unitEnd,
                      (max(0, u - 4)..<u).contains(where: { numbers.parse(at: $0)?.end == u }) else { continue }
                othersDoses.append(OthersDose(drug: drug, unit: unit.unit, route: route(at: end)?.route, name: i..<end, end: end))
                break
            }
        }
    }

    /// The dose a "further"/"another" dose at `i` repeats, when it is someone else's: their dose was the last one
    /// said with a drug's name (after the crew's last, if any), and the crew is a subject between it and the further
    /// dose, in the further dose's sentence ("We gave a further 500 micrograms", "…at 13:40 and we gave another 500";
    /// not "He then had another 500 micrograms", nor "The ranger gave 300 micrograms and another 500").
    func othersDoseRepeated(at i: Int) -> OthersDose? {
        guard let o = othersDoses.last, o.end <= i, o.end > (lastGivenEnd ?? -1) else { return nil }
        // (Not when another of theirs in the same unit was said with it: "GP gave 10 mg morphine and 10 mg
        // metoclopramide. We gave another 10 mg." could be either; review 104.)
        if othersDoses.contains(where: { $0.drug != o.drug && $0.unit == o.unit && i - $0.end <= 40 }) { return nil }
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        guard (max(first, o.end)..<i).contains(where: { isCrewSubject($0) }) else { return nil }
        return o
    }
}
