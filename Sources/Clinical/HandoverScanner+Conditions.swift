/// Past history said without "history of": "known asthmatic", "female with COPD", "takes apixaban for AF", "he has
/// Parkinson's", "she's got dementia", "History A-fib". Only the conditions in `Lexicon.conditions`, with a cue word
/// at most three words before them in the same clause ("asthmatic", "diabetic", "epileptic" after "known" or the
/// patient: "she's asthmatic"). Never when its sentence denies something ("no known COPD", "non-diabetic") or names
/// a relative, nor when the words just around it make it a finding now ("we got AF", "new AF", "on the monitor"): a
/// missed history is safer than an invented one. The transcript's words are kept, as for "history of".
extension HandoverScanner {
    mutating func matchCondition(at i: Int) -> Int? {
        guard let c = longest(Lexicon.conditions, at: i) else { return nil }
        // "with high blood pressure 180 over 100", "… of 180 over 100": a reading follows; leave it to the vitals.
        var after = c.end
        while let k = key(after), Lexicon.fillers.contains(k) || isPunct(after, "-") || isPunct(after, ":") {
            after += 1
        }
        if numbers.parse(at: after) != nil { return nil }
        let clause = (clauseStart(i)..<i).compactMap { key($0) }
        let before = Array(clause.suffix(3))
        // Denied anywhere in its sentence ("she doesn't have asthma", "he's never been diagnosed with epilepsy"),
        // someone else's ("his wife has dementia"), or a finding now rather than history ("we got AF on the ECG",
        // "he has new AF", "consistent with angina").
        if clause.contains(where: { Lexicon.conditionNegations.contains($0) || $0.hasSuffix("n't") })
            || clause.contains(where: { Lexicon.relatives.contains($0) }) || clause.contains("family")
            || before.contains(where: { Lexicon.conditionNotHistory.contains($0) }) || before.contains("we")
            || (c.end..<min(tokens.count, c.end + 3)).contains(where: { Lexicon.rhythmStrips.contains(keys[$0]) }) {
            return c.end
        }
        // Feared, tested for or suspected, not had: "he's worried he has cancer", "being tested for cancer", "AF
        // today", "lymphoma suspected", "a cancer nurse", "bowel cancer screening", "AF versus flutter".
        var a = c.end
        var following: [String] = []
        while a < tokens.count, a < c.end + 3, !isSentenceEnd(a), !isPunct(a, ","), keys[a] != "and" {
            following.append(keys[a])
            a += 1
        }
        if clause.contains(where: { Lexicon.conditionDoubts.contains($0) })
            || following.contains(where: { Lexicon.conditionNotHistoryAfter.contains($0) })
            || Lexicon.conditionServices.contains(key(c.end) ?? "") || isPunct(c.end, "?") {
            return c.end
        }
        // "known asthmatic", "she's diabetic", "he is epileptic"; not "… is asthmatic" alone (PocketSphinx wrote
        // "merci general is asthmatic fourteen" for "Mercy General, this is Medic fourteen").
        let cues = c.value == 1 ? Lexicon.conditionAdjectiveCues : Lexicon.conditionCues
        // "he's got prostate cancer and type two diabetes": joined by "and" straight to a condition read as history,
        // a condition shares its cue ("or" joins alternatives: "heart failure or COPD, we're not sure").
        let listed = key(i - 1) == "and" && lastConditionEnd == i - 1
        // "heart failure or COPD, we're not sure": either may be wrong, so neither is listed.
        if key(i - 1) == "or", lastConditionEnd == i - 1 {
            if lastConditionAppended { takeBackLast(\.pastHistory, evidencePath: "history.past_history") }
            lastConditionEnd = nil
            return c.end
        }
        guard listed || before.contains(where: { cues.contains($0) }) else { return nil }
        let value = text(i, c.end)
        var past = history.pastHistory ?? []
        lastConditionAppended = !past.contains(where: { $0.lowercased() == value.lowercased() })
        if !past.contains(where: { $0.lowercased() == value.lowercased() }) {
            addEvidence("history.past_history[\(past.count)]", scalarSpan(i, c.end))
            past.append(value)
        }
        history.pastHistory = past
        lastConditionEnd = c.end
        return c.end
    }
}
