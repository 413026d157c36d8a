/// Drug names as speech engines misspell them (see `SoundAlike` for when words count as a name).
extension HandoverScanner {
    /// A drug name as an engine misspelt it ("On Dancy Tron 4 milligrams IV"), read only as a medication given with
    /// its dose and unit straight beside it, never as history (see `SoundAlike` for when words count as a name).
    mutating func matchSoundAlikeDrug(at i: Int) -> Int? {
        guard tokens[i].isWord, hasDoseAhead(of: i) || unitEnding(at: i) != nil,
              let heard = soundAlikeDrug(at: i), hasDoseBeside(i, heard.end) else { return nil }
        if let prev = key(i - 1), Lexicon.negations.contains(prev) { return heard.end }
        // "known case of hypertension, on AMLIDOPine 5 mg": "on" a drug is what the patient takes. Heard by sound,
        // it is not listed as history either.
        // Only "put (him) on", "started (him) on" is the crew's ("We put him on Salbutam all 5 milligrams nebulised");
        // "currently on Amlo Dipine 5 mg PO" is his own, route or not.
        let crewPutOn = ["put", "started", "commenced"].contains(key(i - 2) ?? "")
            || (["him", "her", "them"].contains(key(i - 2) ?? "") && ["put", "started", "commenced"].contains(key(i - 3) ?? ""))
        if key(i - 1) == "on", !crewPutOn { return heard.end }
        if isPatientsOwn(i) || isIngestion(i, heard.end) || isHistoryClause(i, heard.end) || isNotAdministered(i, heard.end) {
            return heard.end
        }
        let index = medicationsGiven.count
        let end = given(i, heard.end, drug: heard.drug)
        if medicationsGiven.count > index {
            flags.append(Flag(code: "drug_name_by_sound", rule: "words sound exactly like \(heard.drug)",
                              level: .info, message: "Drug name read from words that sound like it; check the words.",
                              path: "medications_given[\(index)].drug", text: text(i, heard.end)))
        }
        return end
    }

    /// A number with a dose unit within the next few words of `i`.
    private func hasDoseAhead(of i: Int) -> Bool {
        var j = i + 1
        while j < tokens.count, j <= i + 7, !isSentenceEnd(j) {
            if tokens[j].isNumber || tokens[j].isWord, let n = numbers.parse(at: j), doseUnit(at: n.end) != nil {
                return true
            }
            j += 1
        }
        return false
    }

    /// One to four words at `i`, none a number or a word the extractor already knows, whose letters have exactly
    /// one listed drug's sound key (`SoundAlike.drug(forKey:)`). The longest such span wins.
    private func soundAlikeDrug(at i: Int) -> (end: Int, drug: String)? {
        guard isCandidateWord(i) else { return nil }
        var best: (end: Int, drug: String)?
        var letters = ""
        var k = i
        var words = 0
        while k < tokens.count, words < 4 {
            guard tokens[k].isWord, isCandidateWord(k) else { break }
            letters += tokens[k].text
            words += 1
            k += 1
            guard letters.count <= 18 else { break }
            if let drug = SoundAlike.drug(forKey: SoundAlike.key(letters)) {
                if let b = best, b.drug != drug { return nil }
                best = (k, drug)
            }
            // "C-Tron": a hyphen inside the span joins its words.
            if isPunct(k, "-"), k + 1 < tokens.count, tokens[k + 1].isWord { k += 1 }
        }
        return best
    }

    /// A word that may be part of a misheard drug name: not a number, unit, route, vital name or verb of giving.
    private func isCandidateWord(_ k: Int) -> Bool {
        let w = keys[k]
        if numbers.parse(at: k) != nil || doseUnit(at: k) != nil || route(at: k) != nil { return false }
        if longest(Lexicon.vitals, at: k) != nil || longest(Lexicon.drugs, at: k) != nil { return false }
        return !Lexicon.givenVerbs.contains(w) && !Lexicon.negations.contains(w) && !Lexicon.historyWords.contains(w)
    }

    /// A dose with its unit straight after the words `i..<end` ("On Dancy Tron 4 milligrams") or straight before
    /// them ("4 MG on Dan C-Tron").
    private func hasDoseBeside(_ i: Int, _ end: Int) -> Bool {
        var j = end
        while let k = key(j), ["spray", "tablet", "tablets", "tab", "tabs"].contains(k) { j += 1 }
        if let n = numbers.parse(at: j), n.form != .clock, doseUnit(at: n.end) != nil { return true }
        if let u = unitEnding(at: i) {
            for j in max(0, u.first - 6)..<u.first {
                if let n = numbers.parse(at: j), n.end == u.first { return true }
            }
        }
        return false
    }
}
