/// SAMPLE history, chief complaint, exam findings, mechanism: lists and phrases copied from the transcript.
extension HandoverScanner {
    mutating func matchAllergies(at i: Int) -> Int? {
        // "His wife has no known allergies", "Dad has no allergies": someone else's; "No allergies to penicillin":
        // one drug ruled out, not NKDA. A question is no answer ("Is he allergic to penicillin? Wife says no.").
        if let e = longest(Lexicon.nkdaPhrases, at: i),
           (["has", "have", "had"].contains(key(i - 1) ?? "") && Lexicon.thirdPartyGivers.contains(key(i - 2) ?? ""))
            || (key(e) == "to" && !["medication", "medications", "medicines", "medicine", "any", "drugs"].contains(key(e + 1) ?? "")) {
            return e
        }
        if let e = longest(Lexicon.nkdaPhrases, at: i) {
            // "no allergies apart from penicillin", "NKDA except codeine": the exception is an allergy, and there is
            // no NKDA to report.
            var x = e
            // "No known allergies to any medication except penicillin".
            if key(x) == "to" {
                x += 1
                while let w = key(x), ["any", "medication", "medications", "medicines", "medicine", "drugs"].contains(w) { x += 1 }
            }
            if isPunct(x, ",") { x += 1 }
            if let after = longest([["apart", "from"], ["except"], ["except", "for"], ["other", "than"], ["besides"],
                                    ["bar"], ["but"], ["aside", "from"]], at: x) {
                return readAllergies(from: after) ?? after
            }
            history.nkda = true
            if history.allergies == nil { history.allergies = [] }
            addEvidence("history.nkda", scalarSpan(i, e), nemsis: "eHistory.06")
            return e
        }
        guard let t = longest(Lexicon.allergyTriggers, at: i) else { return nil }
        // Not the patient's: "His wife is allergic to penicillin", "Not allergic to penicillin", "no longer
        // allergic".
        // ("her daughter says she's allergic to penicillin" is the patient's.)
        var last = t
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        if isOtherSexsAllergy(i, sentenceEnd: last) { return t }
        // A question that only asks for them ("Allergies?", "Any allergies?", "Is he allergic to anything?"): the
        // answer is the next sentence (past a "Medic:" label) when it is nothing but drugs and allergens, with a
        // reaction at most ("Codeine.", "Amoxicillin, he gets hives"), or "None." alone. Not an answer with a dose,
        // a route, a third party, a doubt or a question ("Aspirin 300 mg given at 14:10", "Penicillin for his wife",
        // "Penicillin? Not sure"), nor "None. Actually, penicillin…".
        if isPunct(last, "?"), isBareAllergyQuestion(endingAt: last) {
            var a = last + 1
            // A speaker's label ("Medic:", "EMT:").
            if a + 1 < tokens.count, tokens[a].isWord, isPunct(a + 1, ":") { a += 2 }
            var e = a
            while e < tokens.count, !isSentenceEnd(e) { e += 1 }
            // Nothing but drugs and allergens, joined by "and", "or", commas, and a reaction after a comma ("he gets
            // hives"); not "Morphine, he's had some already", "Aspirin 300 mg given", "Penicillin for his wife".
            var q = a
            var afterComma = false
            var doubtful = isPunct(e, "?")
            while q < e, !doubtful {
                if let d = longest(Lexicon.drugs, at: q) { q = d.end; continue }
                if Lexicon.allergens.contains(keys[q]) { q += 1; continue }
                if isPunct(q, ",") { afterComma = true; q += 1; continue }
                let joins: Set<String> = ["and", "or", "to", "no", "others", "other", "only", "just", "all"]
                let reactions: Set<String> = ["he", "she", "gets", "got", "hives", "rash", "swelling", "anaphylaxis",
                                              "reaction", "makes", "him", "her", "sick", "it", "gives", "jerks", "itchy",
                                              "wheezy", "vomit", "vomits", "swells", "up", "a", "bad", "severe", "mild"]
                if joins.contains(keys[q]) || reactions.contains(keys[q]) && afterComma {
                    q += 1
                    continue
                }
                doubtful = true
            }
            // "None." taken back in the next words ("None. Actually, penicillin", "None. Well, his wife thinks
            // penicillin", "Medic: None. Nurse: None? Medic: Sorry, penicillin") is no NKDA.
            // ("Allergies? None. Regular meds? Ramipril." stays NKDA: only words that take it back count.)
            let window = e..<min(tokens.count, e + 20)
            let takenBack = window.contains { ["actually", "sorry", "wait", "well", "oh", "hang", "correction", "although",
                                               "except", "mentioned", "thinks", "apart"].contains(keys[$0]) }
                && window.contains { longest(Lexicon.drugs, at: $0) != nil || Lexicon.allergens.contains(keys[$0]) }
            // ("None known." is the same answer.)
            let noneEnd = key(a + 1) == "known" ? a + 2 : a + 1
            if let w = key(a), ["none", "nil"].contains(w), noneEnd == e, !takenBack {
                history.nkda = true
                if history.allergies == nil { history.allergies = [] }
                addEvidence("history.nkda", scalarSpan(a, noneEnd), nemsis: "eHistory.06")
                return noneEnd
            }
            if !doubtful, a < tokens.count, longest(Lexicon.drugs, at: a) != nil || Lexicon.allergens.contains(keys[a]) {
                return readAllergies(from: a)
            }
            return last + 1
        }
        // "Penicillin allergy.", "He has a latex allergy.": the allergen before the word, in a sentence that says
        // nothing else (not "No known penicillin allergy", "Any penicillin allergy?", "Penicillin allergy in the
        // family", "her husband, who has a penicillin allergy, …").
        if ["allergy", "allergies"].contains(keys[i]), t == i + 1, isSentenceEnd(t), isPunct(t, "."),
           let p = (max(0, i - 3)..<i).first(where: { p in longest(Lexicon.drugs, at: p)?.end == i || Lexicon.allergens.contains(keys[p..<i].joined(separator: " ")) }) {
            var b = p
            while b > 0, !isSentenceEnd(b - 1) { b -= 1 }
            let lead = Array(keys[b..<p])
            let allowed: [[String]] = [[], ["a"], ["known"], ["a", "known"], ["he", "has", "a"], ["she", "has", "a"],
                                       ["he", "has", "a", "known"], ["she", "has", "a", "known"], ["patient", "has", "a"],
                                       ["pt", "has", "a"], ["has", "a"], ["he"], ["she"]]
            // ("Her husband is with her. He has a penicillin allergy.": "he" may be the husband.)
            var prev = b - 1
            while prev > 0, !isSentenceEnd(prev - 1) { prev -= 1 }
            let otherBefore = ["he", "she"].contains(lead.first ?? "") && b > 0
                && (max(0, prev)..<b).contains { Lexicon.thirdPartyGivers.contains(keys[$0]) || ["son", "daughter"].contains(keys[$0]) }
            if allowed.contains(lead), !otherBefore { return readAllergies(from: p).map { _ in t } ?? t }
        }
        // ("Not sure about any allergies to penicillin", "Lives with her husband who is also allergic".)
        let who = (max(0, i - 4)..<i).last { keys[$0] == "who" }
        if ["not", "isn't", "wasn't", "never", "no", "longer", "denies", "about", "asked"].contains(key(i - 1) ?? "")
            || (key(i - 1) == "any" && ["about", "if", "unsure", "sure", "whether", "of"].contains(key(i - 2) ?? ""))
            || isPunct(last, "?")
            || (who.map { w in [key(w - 1), key(w - 2)].contains { Lexicon.thirdPartyGivers.contains($0 ?? "") } } ?? false)
            || (["is", "was", "has", "have", "had"].contains(key(i - 1) ?? "") && Lexicon.thirdPartyGivers.contains(key(i - 2) ?? ""))
            || (i > 0 && tokens[i - 1].text.hasSuffix("'s") && Lexicon.thirdPartyGivers.contains(key(i - 1) ?? "")) {
            return t
        }
        var j = t
        while isPunct(j, ":") || isPunct(j, "-") || key(j) == "to" || key(j) == "include" || key(j) == "are"
                || key(j) == "is" {
            j += 1
        }
        // "Allergies, none." (an engine's comma for the pause).
        if j == t, isPunct(j, ","), ["allergies", "allergy"].contains(keys[t - 1]), ["none", "nil"].contains(key(j + 1) ?? "") {
            j += 1
        }
        // "Allergies: none.", "Allergies: none known.", "Allergies nil." — NKDA, when nothing follows in the sentence
        // but a new item after a comma ("Allergies none, meds ramipril"); not "Allergies: none? …", and not an
        // exception or an allergen after the comma ("Allergies: none, apart from penicillin", "none, but codeine").
        if keys[t - 1] != "to", let w = key(j), ["none", "nil"].contains(w), j > t || isPunct(t, ":") || t == i + 1 {
            let end = key(j + 1) == "known" ? j + 2 : j + 1
            let closes = end >= tokens.count || (isSentenceEnd(end) && !isPunct(end, "?"))
            let listGoesOn = isPunct(end, ",") && !(end + 1..<min(tokens.count, end + 5)).contains { q in
                ["apart", "except", "but", "other", "besides", "bar", "aside", "although", "though", "maybe", "possibly"]
                    .contains(keys[q]) || longest(Lexicon.drugs, at: q) != nil || Lexicon.allergens.contains(keys[q])
            }
            let takenBack = isNKDATakenBack(after: end)
            if closes || listGoesOn, !takenBack {
                history.nkda = true
                if history.allergies == nil { history.allergies = [] }
                addEvidence("history.nkda", scalarSpan(i, end), nemsis: "eHistory.06")
                return end
            }
        }
        return readAllergies(from: j)
    }

    /// Whether what follows "Allergies: none." at `end` names an allergy after all, so that no NKDA is reported
    /// (no NKDA is the safe side):
    /// - a word of allergy or reaction anywhere later, whether or not the lexicon knows the drug ("Allergic to
    ///   tazocin", "Co-amoxiclav in 2019, lips went swollen");
    /// - a drug or allergen in the next twenty words, with a word of allergy, exception, hearsay, record or
    ///   correcting oneself among them ("She says penicillin.", "Her notes say penicillin.", "Hang on, penicillin"),
    ///   or after a next sentence opening "But", "Only", "Oh", "Well"… ("But codeine makes him sick"; "We would have
    ///   given ondansetron but…" does not count), or named outside treatment (`namesADrugOutsideTreatment`).
    /// Other drug talk keeps it: "Meds: ramipril", "We gave aspirin 300 mg", "Currently on warfarin".
    /// "He's allergic to penicillin, she's got no allergies" in a woman's handover: the allergy word at `i` after
    /// the other sex's pronoun ("he's", "he is"), in a sentence that also speaks of the patient by her own, when the
    /// patient's sex is known (said in words, by the patient's title, or by the possessive in the sentence
    /// introducing the patient).
    private func isOtherSexsAllergy(_ i: Int, sentenceEnd last: Int) -> Bool {
        guard let sex = patient.gender ?? titledSex?.sex ?? possessiveSex?.sex, sex == "male" || sex == "female" else {
            return false
        }
        let other = sex == "male" ? "she" : "he"
        let subject = key(i - 1) == "is" || key(i - 1) == "was" ? i - 2 : i - 1
        guard key(subject) == other else { return false }
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        let own: Set<String> = sex == "male" ? ["he", "his", "him"] : ["she", "her", "hers"]
        return (first..<last).contains { own.contains(keys[$0]) }
    }

    private func isNKDATakenBack(after end: Int) -> Bool {
        if (end..<tokens.count).contains(where: { Self.reactionWords.contains(keys[$0]) }) { return true }
        let window = end..<min(tokens.count, end + 20)
        var first = end
        while first < tokens.count, tokens[first].kind == .punctuation { first += 1 }
        let opener = ["but", "only", "oh", "well", "hmm", "erm", "um", "maybe", "possibly"].contains(key(first) ?? "")
            || namesADrugOutsideTreatment(from: first)
        return (opener || window.contains { Self.takeBackWords.contains(keys[$0]) })
            && window.contains { longest(Lexicon.drugs, at: $0) != nil || Lexicon.allergens.contains(keys[$0]) }
    }

    /// Words of allergy or reaction that take back "Allergies: none." wherever they come later.
    private static let reactionWords: Set<String> = [
        "allergic", "allergy", "allergies", "reaction", "reactions", "reacted", "anaphylaxis", "anaphylactic", "rash",
        "hives", "urticaria", "angioedema", "swelled", "swollen", "swelling", "epipen", "intolerant", "intolerance",
        "sensitive", "sensitivity", "itchy", "blotchy", "blotches",
    ]

    /// Words that take back "Allergies: none." with a drug or allergen in the next twenty words.
    private static let takeBackWords: Set<String> = [
        "actually", "sorry", "wait", "hang", "correction", "although", "though", "allergy", "allergic", "allergies",
        "rash", "itchy", "reaction", "reactions", "reacts", "react", "hives", "anaphylaxis", "swell", "swells",
        "swelling", "sensitive", "sensitivity", "intolerant", "intolerance", "apart", "except", "says", "said",
        "thinks", "reckons", "told", "can't", "cannot", "avoids", "avoid", "checking", "checked", "apparently", "turns",
        "doesn't", "don't", "like", "?", "per", "notes", "note", "listed", "say", "chart", "think", "wheeze", "wheezy",
        "bronchospasm",
    ]

    /// One of the next three sentences names a drug or an allergen outside a sentence about treatment or regular
    /// medicines: after "Allergies: none." it may name an allergy, said in ways no list of words covers ("Uh,
    /// penicillin.", "Other than penicillin.", "Records show morphine.", "Aspirin, wheeze."), so NKDA is not kept. A
    /// sentence about treatment or medicines has a number, a route or a verb of giving ("Aspirin 300 mg given at
    /// 1410"), or a word of taking before its first drug ("Meds: ramipril", "Currently on warfarin", "Patient takes
    /// metformin"). No NKDA is the safe side: "Warfarin for AF." also takes it back.
    private func namesADrugOutsideTreatment(from first: Int) -> Bool {
        var k = first
        var sentences = 0
        while k < tokens.count, sentences < 3 {
            var e = k
            while e < tokens.count, !isSentenceEnd(e) { e += 1 }
            if let d = (k..<e).first(where: { longest(Lexicon.drugs, at: $0) != nil || Lexicon.allergens.contains(keys[$0]) }) {
                let treatment = (k..<e).contains { q in
                    tokens[q].isNumber || numbers.parse(at: q) != nil || route(at: q) != nil
                        || Lexicon.givenDoneVerbs.contains(keys[q]) || Lexicon.givenVerbs.contains(keys[q])
                }
                let taking = (k..<d).contains { q in
                    ["meds", "medication", "medications", "medicines", "regular", "takes", "taking", "prescribed",
                     "tablets", "pmh", "history"].contains(keys[q])
                } || key(d - 1) == "on"
                if !treatment && !taking { return true }
            }
            k = e + 1
            sentences += 1
        }
        return false
    }

    /// The question from its sentence's start (past a "Nurse:" label) to `mark` (a "?") asks for the patient's
    /// allergies and nothing else: only the trigger and words like "any", "is he", "does she have", "to anything",
    /// "to medication" ("Allergies and medications?", "Is the doctor allergic…" ask more).
    private func isBareAllergyQuestion(endingAt mark: Int) -> Bool {
        var s = mark - 1
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        // A speaker's label ("Nurse:").
        if s + 1 < mark, tokens[s].isWord, isPunct(s + 1, ":") { s += 2 }
        let filler: Set<String> = ["any", "is", "he", "she", "they", "does", "do", "did", "have", "has", "got", "known",
                                   "drug", "to", "anything", "allergies", "allergy", "allergic", "what", "about",
                                   "he's", "she's", "the", "patient", "pt", "medication", "medications", "medicines",
                                   "medicine"]
        return (s..<mark).allSatisfy { filler.contains(keys[$0]) || isPunct($0, ",") }
    }

    /// The allergy list starting at `j`: known drugs and allergens are recorded, anything else flagged.
    private mutating func readAllergies(from j: Int) -> Int? {
        let items = list(at: j, maxWords: 3)
        guard !items.items.isEmpty else { return nil }
        for item in items.items {
            let drug = longest(Lexicon.drugs, at: item.first).flatMap { $0.end == item.end ? $0.value : nil }
            let name = allergyName(item.first, item.end, drug: drug)
            guard drug != nil || Lexicon.allergens.contains(name) else {
                flags.append(Flag(code: "allergy_unrecognised", rule: "allergy not a known drug or allergen",
                                  level: .info, message: "Allergy words not recognised; not recorded, confirm.",
                                  path: "history.allergies", text: text(item.first, item.end)))
                continue
            }
            appendAllergy(name, item.first, item.end)
        }
        return items.end
    }

    /// The name an allergy is listed by: the words as said; a one-word abbreviation by the lexicon's name ("PCN" →
    /// penicillin); a name the lexicon writes with a hyphen keeps it ("co-amoxiclav", not "co amoxiclav"). Not a
    /// brand: "Seretide" is two drugs, and the lexicon knows it by one.
    func allergyName(_ first: Int, _ end: Int, drug: String?) -> String {
        let abbreviation = end == first + 1 && tokens[first].raw.count <= 4 && tokens[first].raw == tokens[first].raw.uppercased()
        let said = (first..<end).filter { tokens[$0].isWord }.map { keys[$0] }.joined(separator: " ")
        if let drug, drug.contains("-"), drug.replacingOccurrences(of: "-", with: " ") == said { return drug }
        // ("Allergic to sulfa drugs": the class is sulfa, as "allergic to sulfa" lists it; HeldOut23.)
        if ["sulfa drugs", "sulpha drugs"].contains(said) { return "sulfa" }
        return (abbreviation ? drug : nil) ?? said
    }

    /// Lists `name` as an allergy once, with the words at `first..<end` as its evidence.
    mutating func appendAllergy(_ name: String, _ first: Int, _ end: Int) {
        var allergies = history.allergies ?? []
        guard !allergies.contains(name) else { return }
        addEvidence("history.allergies[\(allergies.count)]", scalarSpan(first, end), nemsis: "eHistory.06")
        allergies.append(name)
        history.allergies = allergies
    }

    /// Items separated by commas, "and", "or"; each of at most `maxWords` words; stops at the end of the sentence or
    /// where another part of the handover begins.
    func list(at j0: Int, maxWords: Int) -> (items: [(first: Int, end: Int)], end: Int) {
        var items: [(Int, Int)] = []
        var j = j0
        var itemStart: Int?
        var words = 0
        func close(_ at: Int) {
            if let s = itemStart, at > s { items.append((s, at)) }
            itemStart = nil
            words = 0
        }
        while j < tokens.count, items.count < 6 {
            if isSentenceEnd(j) { break }
            if isPunct(j, ",") || key(j) == "and" || key(j) == "or" || isPunct(j, "/") {
                close(j)
                j += 1
                continue
            }
            if itemStart == nil {
                // An item may begin with a drug name; anything else that begins a new section ends the list.
                if longest(Lexicon.drugs, at: j) == nil, endsCapture(j) { break }
                // "…heart failure and diabetes, he takes furosemide": a pronoun opens a new clause, not an item.
                if Lexicon.clauseSubjects.contains(keys[j]) { break }
                // "history of angina and new chest pain": what is new, now or worsening is no item of the history.
                if Lexicon.presentNotHistoryOpeners.contains(keys[j]),
                   !(keys[j] == "acute" && Lexicon.acuteHistoryNames.contains(key(j + 1) ?? "")) {
                    break
                }
            } else if endsCapture(j), longest(Lexicon.drugs, at: j) == nil {
                break
            } else if Lexicon.presentNotHistory.contains(keys[j]) {
                // "history of copd now short of breath" (no punctuation): the item ends before "now".
                break
            }
            // "co-amoxiclav", "co-codamol": a drug's name written with a hyphen is one word of the item.
            if let d = longest(Lexicon.drugs, at: j), (j..<d.end).contains(where: { isPunct($0, "-") }), words < maxWords {
                if itemStart == nil { itemStart = j }
                words += 1
                j = d.end
                continue
            }
            // "type 1 diabetes", "stage 3 kidney disease": a number inside a condition's name.
            let numbered = itemStart != nil && tokens[j].isNumber && ["type", "stage", "grade", "class"].contains(keys[j - 1])
            guard tokens[j].isWord || numbered else { break }
            if words == maxWords { break }
            if itemStart == nil { itemStart = j }
            words += 1
            j += 1
        }
        close(j)
        return (items, items.last.map { $0.1 } ?? j0)
    }

    mutating func matchText(at i: Int) -> Int? {
        guard let m = longest(Lexicon.textTriggers, at: i) else { return nil }
        var j = m.end
        switch m.value {
        case .pastHistory:
            while isPunct(j, ":") || isPunct(j, "-") || key(j) == "of" || key(j) == "is" { j += 1 }
            let items = list(at: j, maxWords: 4)
            guard !items.items.isEmpty else { return nil }
            var past = history.pastHistory ?? []
            for item in items.items {
                let value = text(item.first, item.end)
                guard !past.contains(value) else { continue }
                addEvidence("history.past_history[\(past.count)]", scalarSpan(item.first, item.end))
                past.append(value)
            }
            history.pastHistory = past
            return items.end
        case .chiefComplaint:
            while isPunct(j, ":") || isPunct(j, "-") || key(j) == "of" || key(j) == "is" { j += 1 }
            guard chiefComplaint == nil, var p = phrase(at: j, maxWords: 8, stopAtComma: true) else { return nil }
            // "chest pain 8/10": the pain score ends the complaint, but "pain" belongs to it.
            let resume = p.end
            if key(p.end) == "pain" { p.end += 1 }
            chiefComplaint = text(p.first, p.end)
            addEvidence("chief_complaint", scalarSpan(p.first, p.end))
            return resume
        case .lastMeal:
            while isPunct(j, ":") || isPunct(j, "-") || key(j) == "was" || key(j) == "is" { j += 1 }
            guard history.lastMeal == nil, let p = phrase(at: j, maxWords: 10, stopAtComma: true) else { return nil }
            history.lastMeal = text(p.first, p.end)
            addEvidence("history.last_meal", scalarSpan(p.first, p.end))
            return p.end
        case .events:
            while isPunct(j, ":") || isPunct(j, "-") { j += 1 }
            guard history.events == nil, let p = phrase(at: j, maxWords: 15, stopAtComma: false) else { return nil }
            history.events = text(p.first, p.end)
            addEvidence("history.events", scalarSpan(p.first, p.end))
            return p.end
        case .exam:
            let from = keys[i] == "pupils" ? i : j
            while isPunct(j, ":") || isPunct(j, "-") { j += 1 }
            guard let p = phrase(at: keys[i] == "pupils" ? from : j, maxWords: 15, stopAtComma: keys[i] == "pupils")
            else { return nil }
            addEvidence("exam_findings[\(examFindings.count)]", scalarSpan(p.first, p.end))
            examFindings.append(text(p.first, p.end))
            return p.end
        case .mechanism:
            while isPunct(j, ":") || isPunct(j, "-") || key(j) == "was" || key(j) == "is" || key(j) == "of" { j += 1 }
            guard mechanism == nil, let p = phrase(at: j, maxWords: 12, stopAtComma: false) else { return nil }
            mechanism = text(p.first, p.end)
            addEvidence("mechanism", scalarSpan(p.first, p.end))
            return p.end
        }
    }

    /// Words up to the end of the sentence (or a comma), stopping where a vital, time or section begins.
    func phrase(at j0: Int, maxWords: Int, stopAtComma: Bool) -> (first: Int, end: Int)? {
        var j = j0
        var words = 0
        while j < tokens.count, words < maxWords {
            if isSentenceEnd(j) || (stopAtComma && isPunct(j, ",")) { break }
            if j > j0, startsVitalReading(j) || longest(Lexicon.times, at: j) != nil { break }
            if stopAtComma, j > j0, let k = key(j), ["since", "for", "onset", "started", "x"].contains(k) { break }
            if tokens[j].isWord || tokens[j].isNumber { words += 1 }
            j += 1
        }
        while j > j0, tokens[j - 1].kind == .punctuation { j -= 1 }
        guard j > j0, tokens[j0].kind != .punctuation else { return nil }
        return (j0, j)
    }
}
