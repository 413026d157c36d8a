/// Medications: a drug name is the patient's own medication when its clause talks about history ("takes",
/// "meds include", "he's on"), and a medication given when the crew gave it (a dose, a route or "given").
extension HandoverScanner {
    mutating func matchDrug(at i: Int) -> Int? {
        guard let m = longest(Lexicon.drugs, at: i) else { return matchSoundAlikeDrug(at: i) }
        if let prev = key(i - 1), Lexicon.negations.contains(prev) { return m.end }
        // "took thirty-two paracetamol": what the patient swallowed is neither given nor a regular medication
        // ("taken ten puffs of her salbutamol inhaler": hers, so history).
        // "his usual ramipril": history even after "taken".
        let usual = key(i - 1).map { ["usual", "regular", "normal", "daily"].contains($0) } ?? false
        if !usual, !isPatientsOwn(i), isIngestion(i, m.end) { return m.end }
        if usual || isPatientsOwn(i) || isHistoryClause(i, m.end) {
            var meds = self.history.medications ?? []
            if !meds.contains(m.value) {
                addEvidence("history.medications[\(meds.count)]", scalarSpan(i, m.end), nemsis: "eHistory.12")
                meds.append(m.value)
            }
            self.history.medications = meds
            // The dose of a home medication is not a dose given: step over it.
            if let n = numbers.parse(at: m.end) {
                return doseUnit(at: n.end)?.end ?? n.end
            }
            return m.end
        }
        if isNotAdministered(i, m.end) { return m.end }
        return given(i, m.end, drug: m.value)
    }

    /// A drug name as an engine misspelt it ("On Dancy Tron 4 milligrams IV"), read only as a medication given with
    /// its dose and unit straight beside it, never as history (see `SoundAlike` for when words count as a name).
    private mutating func matchSoundAlikeDrug(at i: Int) -> Int? {
        guard tokens[i].isWord, hasDoseAhead(of: i) || unitEnding(at: i) != nil,
              let heard = soundAlikeDrug(at: i), hasDoseBeside(i, heard.end) else { return nil }
        if let prev = key(i - 1), Lexicon.negations.contains(prev) { return heard.end }
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

    /// What the patient swallowed: "took"/"taken" in the drug's clause with the patient as subject ("Obs taken and
    /// morphine" is the crew's); "overdose of X"; "overdose", "swallowed" elsewhere earlier in the sentence unless the
    /// crew's route or "given" follows the drug ("Suspected opiate overdose, naloxone 400 mcg IM").
    private func isIngestion(_ i: Int, _ end: Int) -> Bool {
        var j = i - 1
        var clause = true
        while j >= 0, !isSentenceEnd(j) {
            if isPunct(j, ",") { clause = false }
            if Lexicon.givenVerbs.contains(keys[j]) || Lexicon.givenDoneVerbs.contains(keys[j]) { return false }
            // In the drug's own clause ("overdose of 32 paracetamol PO") always; past a comma unless the crew's
            // route or a verb of giving follows ("opiate overdose, naloxone 400 mcg IM").
            if Lexicon.ingestionWords.contains(keys[j]) {
                // "overdose of 32 paracetamol PO": the swallowed drug; "overdose so naloxone 400 mcg IM", "overdose of
                // oxycodone and naloxone … given": the crew's, by its route or verb.
                let governs = clause && (key(j + 1) == "of" || key(j + 1) == "on")
                    && !(j + 1..<i).contains { Lexicon.clauseBreaks.contains(keys[$0]) || keys[$0] == "and" }
                return governs || !(hasRoute(after: end) || hasGivenVerb(after: end))
            }
            if clause, keys[j] == "took" || keys[j] == "taken",
               (max(0, j - 3)..<j).contains(where: { Lexicon.ingestionSubjects.contains(keys[$0]) }) || j == 0
                || isSentenceEnd(j - 1) {
                return true
            }
            j -= 1
        }
        return false
    }

    /// "given", "administered" within the drug's part of the sentence after `end`.
    private func hasGivenVerb(after end: Int) -> Bool {
        var j = end
        while j < tokens.count, j < end + 8, !isSentenceEnd(j), !isPunct(j, ",") {
            if Lexicon.givenDoneVerbs.contains(keys[j]) { return true }
            j += 1
        }
        return false
    }

    /// A route within the drug's part of the sentence after `end`.
    private func hasRoute(after end: Int) -> Bool {
        var j = end
        while j < tokens.count, j < end + 8, !isSentenceEnd(j), !isPunct(j, ",") {
            if route(at: j) != nil { return true }
            j += 1
        }
        return false
    }

    /// "her salbutamol inhaler", "his own GTN": the patient's medication, not the crew's ("gave her morphine" is
    /// the crew's).
    private func isPatientsOwn(_ i: Int) -> Bool {
        guard let prev = key(i - 1), Lexicon.possessives.contains(prev) else { return false }
        var j = i - 2
        if prev == "own" {
            guard let p = key(j), Lexicon.possessives.contains(p) else { return true }
            j -= 1
        }
        // "gave her morphine", "titrated her morphine to 10 mg": the crew's.
        return !(clauseStart(i)..<max(clauseStart(i), j + 1)).contains {
            Lexicon.givenVerbs.contains(keys[$0]) || Lexicon.givenDoneVerbs.contains(keys[$0])
        }
    }

    /// A drug the crew talked about but did not give.
    /// - Before the name, in its part of the sentence (up to a comma, another drug or a verb of giving): "discussed",
    ///   "withheld", "the GP told us to give", and a negation right before a verb of giving ("we didn't give her").
    /// - After the name, in its part of the sentence: the same words, "would" ("aspirin would normally be"), and a
    ///   negation before "given", "indicated", "appropriate"... ("morphine not appropriate", "couldn't be given").
    /// - Past a comma after the name: "declined", "refused", "withheld" when no other drug follows ("Offered
    ///   morphine, she declined it"), and "didn't give it" ("so didn't give it").
    /// - "before we arrived" opening the sentence, or before the name up to a comma (across verbs and other drugs:
    ///   "his wife had given him aspirin"), or after it up to a comma.
    private func isNotAdministered(_ i: Int, _ end: Int) -> Bool {
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        // "before we arrived" earlier in the sentence, unless the crew speaks after it: "…before we arrived, we gave
        // aspirin", "Collapsed before we arrived, gave adrenaline" ("his wife had given him aspirin" is not the crew).
        for p in first..<i {
            guard let pe = longest(Lexicon.beforeCrewPhrases, at: p), pe <= i else { continue }
            if isCrewSpeaking(from: pe, to: i) { continue }
            // In another part of the sentence, a drug with the crew's route is the crew's: "Collapsed prior to
            // arrival, adrenaline 1 mg IO" (but "before we arrived, and 300 mg of aspirin" is not).
            if (pe..<i).contains(where: { isPunct($0, ",") }), hasRoute(after: end) { continue }
            return true
        }
        var j = i - 1
        var clause = true
        while j >= 0, !isSentenceEnd(j), !isPunct(j, ",") {
            if Lexicon.givenDoneVerbs.contains(keys[j]) {
                // "We haven't given morphine", "never gave"
                if clause, [key(j - 1), key(j - 2)].contains(where: { Lexicon.negatedAuxiliaries.contains($0 ?? "") }) {
                    return true
                }
                clause = false
            }
            if longest(Lexicon.drugs, at: j) != nil || Lexicon.clauseBreaks.contains(keys[j]) { clause = false }
            if clause, isNotGivenWord(j) || isNegatedGiving(j, before: i) { return true }
            j -= 1
        }
        j = end
        var commaSeen = false
        var clauseAfter = true
        while j < tokens.count, !isSentenceEnd(j), longest(Lexicon.drugs, at: j) == nil {
            if isPunct(j, ",") { commaSeen = true }
            // "… so a second dose was not required" is about something else; "… but she declined it" is not.
            if Lexicon.givenDoneVerbs.contains(keys[j])
                || ["so", "therefore", "hence", "second", "further", "repeat"].contains(keys[j]) {
                clauseAfter = false
            }
            if !commaSeen {
                if longest(Lexicon.beforeCrewPhrases, at: j) != nil { return true }
                if clauseAfter, isNotGivenWord(j) || keys[j] == "would" || isNegatedAfterDrug(j) { return true }
            } else if clauseAfter, Lexicon.refusalWords.contains(keys[j]), isNotGivenWord(j),
                      longest(Lexicon.drugs, at: j + 1) == nil,
                      !(["the", "any", "his", "her", "their"].contains(key(j + 1) ?? "") && longest(Lexicon.drugs, at: j + 2) != nil) {
                // "Offered morphine, declined" — not "refused GTN" or "refused the GTN", which are about GTN.
                return true
            } else if clauseAfter, longest(Lexicon.notGivenPhrases, at: j) != nil, !drugFollows(j) {
                return true
            }
            j += 1
        }
        return false
    }

    /// "we gave", "we've given" or a part of the sentence opening with a verb of giving between `from` and `to`: the
    /// crew is the giver ("I believe his wife gave him" is not).
    private func isCrewSpeaking(from: Int, to: Int) -> Bool {
        for k in from..<to {
            if ["we", "we've"].contains(keys[k]),
               (k + 1...k + 2).contains(where: { key($0).map { Lexicon.givenDoneVerbs.contains($0) || $0 == "then" } ?? false }) {
                return true
            }
            if isPunct(k, ","), let next = key(k + 1), Lexicon.givenDoneVerbs.contains(next) { return true }
        }
        return false
    }

    /// A word of not giving; "GCS declined to 12" is not.
    private func isNotGivenWord(_ j: Int) -> Bool {
        if keys[j] == "thought", key(j + 1) == "about" { return true }
        guard Lexicon.notGivenWords.contains(keys[j]) else { return false }
        if keys[j] == "declined", key(j + 1) == "to" || key(j + 1) == "from", numbers.parse(at: j + 2) != nil {
            return false
        }
        // "pressure held", "held on the wound"
        if keys[j] == "held", key(j - 1) == "pressure" || (key(j + 1) == "on" && key(j + 2) == "the") { return false }
        return true
    }

    /// "didn't give", "unable to give", "never gave", "not administered".
    private func isNegatedGiving(_ j: Int, before drug: Int) -> Bool {
        guard Lexicon.notGivenBeforeWords.contains(keys[j]) else { return false }
        // "not able to give", "not safe to give" — before the drug's name, never past it
        return (j + 1...j + 4).contains { k in
            guard k < drug, let w = key(k) else { return false }
            return ["give", "gave", "given", "administer", "administered", "giving"].contains(w)
        }
    }

    /// After a drug: "not given", "not yet given", "not to be given", "has not been given", "couldn't be given",
    /// "not indicated", "not appropriate".
    private func isNegatedAfterDrug(_ j: Int) -> Bool {
        guard ["not", "couldn't", "wasn't", "didn't", "never", "none", "cannot", "can't"].contains(keys[j]) else { return false }
        return (j + 1...j + 3).contains { k in
            guard let w = key(k) else { return false }
            return ["given", "give", "indicated", "appropriate", "administered", "suitable", "required", "needed"].contains(w)
        }
    }

    /// Another drug's name later in the sentence: the words before it are about that drug.
    private func drugFollows(_ j: Int) -> Bool {
        var k = j + 1
        while k < tokens.count, !isSentenceEnd(k) {
            if longest(Lexicon.drugs, at: k) != nil { return true }
            k += 1
        }
        return false
    }

    /// The first index of the clause `i` is in: after the last sentence end, at most 12 tokens back.
    private func clauseStart(_ i: Int) -> Int {
        var j = i - 1
        while j >= 0, i - j <= 12, !isSentenceEnd(j) { j -= 1 }
        return j + 1
    }

    private func isHistoryClause(_ i: Int, _ end: Int) -> Bool {
        let start = clauseStart(i)
        var history = false
        for j in start..<i {
            let k = keys[j]
            // "unable to take oral glucose": not what the patient takes.
            if Lexicon.historyWords.contains(k), !(k == "take" && ["to", "can't", "cannot", "couldn't"].contains(key(j - 1) ?? "")) {
                history = true
            }
            if k == "on", let prev = key(j - 1), Lexicon.onSubjects.contains(prev) { history = true }
            if Lexicon.givenVerbs.contains(k) { history = false }
        }
        if key(i - 1) == "on", longest(Lexicon.drugs, at: i) != nil, history == false {
            // "on warfarin" with no verb of giving in its part of the sentence ("Accepted conveyance, on apixaban"):
            // the patient's own medication.
            var c = i - 1
            while c > start, !isPunct(c - 1, ",") { c -= 1 }
            history = !(c..<i).contains { Lexicon.givenVerbs.contains(keys[$0]) }
        }
        if history { return true }
        // "aspirin 75 mg daily" — a schedule marks a home medication.
        var j = end
        var n = 0
        while j < tokens.count, n < 6, !isSentenceEnd(j), !isPunct(j, ",") {
            if Lexicon.scheduleWords.contains(keys[j]) { return true }
            j += 1
            n += 1
        }
        return false
    }

    /// A dose unit whose last token is just before `i`.
    private func unitEnding(at i: Int) -> (first: Int, end: Int, unit: String)? {
        for first in max(0, i - 3)..<i {
            if let u = doseUnit(at: first), u.end == i { return (first, u.end, u.unit) }
        }
        return nil
    }

    func doseUnit(at j: Int) -> (end: Int, unit: String)? {
        longest(Lexicon.doseUnits, at: j).map { (end: $0.end, unit: $0.value) }
    }

    func route(at j: Int) -> (end: Int, route: String)? {
        guard let r = longest(Lexicon.routes, at: j) else { return nil }
        // "in" is a route only when written "IN" (it is also the most common English preposition).
        if r.value == "IN", keys[j] == "in", tokens[j].raw != "IN" { return nil }
        return (r.end, r.value)
    }

    private mutating func given(_ i: Int, _ drugEnd: Int, drug: String) -> Int? {
        var dose: SpokenNumber?
        var unit: (end: Int, unit: String)?
        var doseSpan: Range<Int>?
        var end = drugEnd
        // "five of morphine", "three hundred milligrams of aspirin", "point four of nitro"
        if key(i - 1) == "of" {
            for j in max(0, i - 8)..<(i - 1) {
                guard let n = numbers.parse(at: j) else { continue }
                if isRunTogether(n), n.end == i - 1 || doseUnit(at: n.end)?.end == i - 1 { break }
                if n.end == i - 1 {
                    dose = n
                    doseSpan = scalarSpan(j, i - 1)
                    break
                }
                if let u = doseUnit(at: n.end), u.end == i - 1 {
                    dose = n
                    unit = u
                    doseSpan = scalarSpan(j, u.end)
                    break
                }
            }
        }
        // "4 mg ondansetron": a dose with its unit straight before the drug.
        if dose == nil, let u = unitEnding(at: i) {
            for j in max(0, u.first - 6)..<u.first {
                guard let n = numbers.parse(at: j), n.end == u.first else { continue }
                if isRunTogether(n) { break }
                dose = n
                unit = (u.end, u.unit)
                doseSpan = scalarSpan(j, u.end)
                break
            }
        }
        var j = drugEnd
        while let k = key(j), ["spray", "tablet", "tablets", "tab", "tabs"].contains(k) { j += 1 }
        // "adrenaline 1 in 10,000 1 mg": a concentration, not the dose.
        if let n = numbers.parse(at: j), key(n.end) == "in" || isPunct(n.end, ":"), numbers.parse(at: n.end + 1) != nil {
            j = (numbers.parse(at: n.end + 1)?.end ?? n.end + 1)
            // "10,000": thousands groups after a comma
            while isPunct(j, ","), j + 1 < tokens.count, tokens[j + 1].isNumber, tokens[j + 1].text.count == 3 { j += 2 }
        }
        if dose == nil, let n = numbers.parse(at: j), n.form != .clock, n.form != .hundreds || doseUnit(at: n.end) != nil {
            if isRunTogether(n, lookingBack: j == drugEnd) {
                // "aspirin 320 4 mg": digits the engine split; no dose can be read from them.
                j = doseUnit(at: n.end + 1)?.end ?? n.end
                end = j
            } else if key(n.end) == "to" || isPunct(n.end, "-"), let upper = numbers.parse(at: n.end + 1) {
                // "2.5 to 5 mg": a range, not one dose; the dose stays unknown.
                j = doseUnit(at: upper.end)?.end ?? upper.end
                end = j
            } else {
                dose = n
                j = n.end
                // "four thousand five hundred units", "2.4 million units", "2,400,000": more number than the
                // parser reads; no dose rather than part of one.
                let moreGroups = isPunct(j, ",") && isPunct(j + 2, ",") && j + 3 < tokens.count && tokens[j + 3].isNumber
                    && tokens[j + 1].isNumber && tokens[j + 1].text.count == 3 && tokens[j + 1].start == tokens[j].end
                if key(j) == "million" || (key(j) == "thousand" && numbers.parse(at: j + 1) != nil) || moreGroups {
                    dose = nil
                    j += 1
                    while j < tokens.count, tokens[j].isNumber || isPunct(j, ",") || numbers.parse(at: j) != nil { j += 1 }
                    end = j
                } else if key(j) == "thousand", var d = dose {
                    d.value *= 1000
                    dose = d
                    j += 1
                } else if isPunct(j, ","), j + 1 < tokens.count, tokens[j + 1].isNumber, tokens[j + 1].text.count == 3,
                          !tokens[j + 1].text.contains("."), tokens[j].start == tokens[j - 1].end,
                          tokens[j + 1].start == tokens[j].end, n.form == .digits, var d = dose,
                          let rest = Double(tokens[j + 1].text) {
                    // "5,000 units": digit groups.
                    d.value = d.value * 1000 + rest
                    dose = d
                    j += 2
                }
                if dose == nil {
                    j = doseUnit(at: j)?.end ?? j
                } else if let u = doseUnit(at: j) {
                    unit = u
                    j = u.end
                    // "1 microgram per kilo": a weight-based dose
                    if let e = longest([["per", "kilo"], ["per", "kg"], ["/", "kg"], ["per", "kilogram"], ["a", "kilo"]],
                                       at: j) {
                        unit = (e, u.unit + "/kg")
                        j = e
                    }
                }
                if dose != nil { doseSpan = scalarSpan(n.first, j) }
                end = j
            }
        }
        // Route, time and "given" in the rest of the clause.
        var route: (first: Int, end: Int, route: String)?
        var time: (first: Int, end: Int, time: String)?
        // A verb of giving in the clause, not across a comma unless a list of drugs carries it ("We gave aspirin,
        // GTN and ondansetron"; "Accepted conveyance, last paracetamol at 0800" has none).
        var verb = (clauseStart(i)..<i).contains { v in
            guard Lexicon.givenVerbs.contains(keys[v]) else { return false }
            let between = v + 1..<i
            return !between.contains { isPunct($0, ",") } || between.contains { longest(Lexicon.drugs, at: $0) != nil }
        }
        var k = j
        var steps = 0
        while k < tokens.count, steps < 8, !isSentenceEnd(k), !isPunct(k, ","), longest(Lexicon.drugs, at: k) == nil,
              !startsVitalReading(k) {
            if route == nil, let r = self.route(at: k) {
                route = (k, r.end, r.route)
                end = max(end, r.end)
                k = r.end
                steps += 1
                continue
            }
            if time == nil, keys[k] == "at", let c = clock(at: k + 1) {
                time = (k, c.end, c.time)
                end = max(end, c.end)
                k = c.end
                steps += 1
                continue
            }
            if Lexicon.givenVerbs.contains(keys[k]) {
                verb = true
                end = max(end, k + 1)
            }
            k += 1
            steps += 1
        }
        guard dose != nil || route != nil || verb else { return nil }
        let doseValue = dose.map { Self.round1Dose($0.value) }
        guard doseValue.map({ $0 > 0 }) ?? true else { return end }
        let index = medicationsGiven.count
        let prefix = "medications_given[\(index)]"
        addEvidence("\(prefix).drug", scalarSpan(i, drugEnd), nemsis: "eMedications.03")
        if let doseSpan {
            addEvidence("\(prefix).dose", doseSpan, nemsis: "eMedications.05")
            if unit != nil { addEvidence("\(prefix).unit", doseSpan, nemsis: "eMedications.06") }
        }
        if let route { addEvidence("\(prefix).route", scalarSpan(route.first, route.end), nemsis: "eMedications.04") }
        if let time { addEvidence("\(prefix).time", scalarSpan(time.first, time.end), nemsis: "eMedications.01") }
        medicationsGiven.append(MedicationGiven(drug: drug, dose: doseValue, unit: unit?.unit, route: route?.route,
                                                time: time?.time))
        return end
    }

    static func round1Dose(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

    /// A number with digits straight before or after it ("We gave 320 4 mg of aspirin" for three twenty-four): a
    /// piece of a number the engine split, not a dose.
    /// Not looking back past a concentration ("adrenaline 1 in 10,000 1 mg").
    private func isRunTogether(_ n: SpokenNumber, lookingBack: Bool = true) -> Bool {
        (lookingBack && n.first > 0 && tokens[n.first - 1].isNumber) || (n.end < tokens.count && tokens[n.end].isNumber)
    }
}
