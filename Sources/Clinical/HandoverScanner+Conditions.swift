/// Past history said without "history of": "known asthmatic", "female with COPD", "takes apixaban for AF", "he has
/// Parkinson's", "she's got dementia", "History A-fib". Only the conditions in `Lexicon.conditions`, with a cue word
/// at most three words before them in the same clause ("asthmatic", "diabetic", "epileptic" after "known" or the
/// patient: "she's asthmatic"), and never negated ("no known COPD", "not diabetic", "non-diabetic"). The
/// transcript's words are kept, as for "history of".
extension HandoverScanner {
    mutating func matchCondition(at i: Int) -> Int? {
        guard let c = longest(Lexicon.conditions, at: i) else { return nil }
        // "with high blood pressure 180 over 100": a reading follows; leave the words to the vitals.
        if numbers.parse(at: c.end) != nil { return nil }
        let start = max(clauseStart(i), i - 3)
        let before = (start..<i).compactMap { key($0) }
        if before.contains(where: { Lexicon.conditionNegations.contains($0) }) { return c.end }
        // "known asthmatic", "she's diabetic", "he is epileptic"; not "… is asthmatic" alone (PocketSphinx wrote
        // "merci general is asthmatic fourteen" for "Mercy General, this is Medic fourteen").
        let cues = c.value == 1 ? Lexicon.conditionAdjectiveCues : Lexicon.conditionCues
        guard before.contains(where: { cues.contains($0) }) else { return nil }
        let value = text(i, c.end)
        var past = history.pastHistory ?? []
        if !past.contains(where: { $0.lowercased() == value.lowercased() }) {
            addEvidence("history.past_history[\(past.count)]", scalarSpan(i, c.end))
            past.append(value)
        }
        history.pastHistory = past
        return c.end
    }
}
