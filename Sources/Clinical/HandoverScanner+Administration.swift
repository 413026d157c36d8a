/// Whether the crew gave a drug that was named: not when it was withheld, declined, only discussed or advised,
/// taken before the crew arrived, swallowed in an overdose, or is the patient's own.
extension HandoverScanner {
    /// What the patient swallowed: "took"/"taken" in the drug's clause with the patient as subject ("Obs taken and
    /// morphine" is the crew's); "overdose of X"; "overdose", "swallowed" elsewhere earlier in the sentence unless the
    /// crew's route or "given" follows the drug ("Suspected opiate overdose, naloxone 400 mcg IM").
    func isIngestion(_ i: Int, _ end: Int) -> Bool {
        var j = i - 1
        var clause = true
        while j >= 0, !isSentenceEnd(j) {
            if isPunct(j, ",") { clause = false }
            // A verb of giving, or the crew speaking ("they think he took molly … we've got a litre of saline
            // running", "he took heroin we think about an hour ago naloxone…"), between the intake and the drug:
            // the drug is the crew's.
            if Lexicon.givenVerbs.contains(keys[j]) || Lexicon.givenDoneVerbs.contains(keys[j])
                || Lexicon.crewPronouns.contains(keys[j]) {
                return false
            }
            // In the drug's own clause ("overdose of 32 paracetamol PO") always; past a comma unless the crew's
            // route or a verb of giving follows ("opiate overdose, naloxone 400 mcg IM").
            if Lexicon.ingestionWords.contains(keys[j]) {
                // "overdose of 32 paracetamol PO": the swallowed drug; "overdose so naloxone 400 mcg IM", "overdose of
                // oxycodone and naloxone … given": the crew's, by its route or verb.
                // "overdose of 32 paracetamol": only a count between "of" and the drug ("overdose of heroin naloxone
                // 400 micrograms IM" is the crew's naloxone).
                let governs = clause && (key(j + 1) == "of" || key(j + 1) == "on")
                    && (j + 2..<max(j + 2, i)).allSatisfy { tokens[$0].isNumber || numbers.isNumberWord($0) }
                return governs || !(hasRoute(after: end) || hasGivenVerb(after: end))
            }
            // "A little girl who got into mum's ferrous sulphate tablets": a child helping herself, the drug the
            // object of "got into" (past an article or someone's: not "got into the ambulance and salbutamol…",
            // "got into the habit of taking…").
            if clause, keys[j] == "into", ["got", "get", "gets", "getting", "gotten"].contains(key(j - 1) ?? ""),
               i - j <= 4, (j + 1..<i).allSatisfy({ q in
                   tokens[q].isWord && (["the", "a", "some", "her", "his", "their", "my", "mum", "mom", "nan", "gran",
                                          "dad", "box", "bottle", "pack", "packet", "of"].contains(keys[q])
                                         || tokens[q].text.hasSuffix("'s"))
               }) {
                return true
            }
            // "Took thirty-two paracetamol" opening a sentence, not "took a twelve lead".
            if clause, keys[j] == "took" || keys[j] == "taken",
               (max(0, j - 3)..<j).contains(where: { Lexicon.ingestionSubjects.contains(keys[$0]) })
                || ((j == 0 || isSentenceEnd(j - 1)) && (numbers.parse(at: j + 1) != nil || j + 1 == i)) {
                return true
            }
            j -= 1
        }
        return false
    }

    /// "given", "administered" within the drug's part of the sentence after `end`; not past "and we", "then I"…
    /// ("He's on warfarin and we gave aspirin": the verb is the crew's new clause, about another drug).
    func hasGivenVerb(after end: Int) -> Bool {
        var j = end
        while j < tokens.count, j < end + 8, !isSentenceEnd(j), !isPunct(j, ",") {
            // "he's on ramipril we gave aspirin", "wife gave him aspirin my partner then gave GTN": the crew's own
            // clause about another drug.
            if isCrewVerbAboutDrugBefore(j, drugEnd: end) { return true }
            if isCrewSubject(j) { return false }
            // "on levetiracetam and lamotrigine mum gave midazolam": a bystander's own clause.
            if isOtherGiverWord(keys[j]), let next = key(j + 1), Lexicon.givenDoneVerbs.contains(next) { return false }
            if Lexicon.givenDoneVerbs.contains(keys[j]), !isGivenInAnotherSense(j) { return true }
            j += 1
        }
        return false
    }

    /// "given his history of PE", "given the risk", "treated for a DVT", "titrated by the diabetes nurse": no dose
    /// going in.
    func isGivenInAnotherSense(_ j: Int) -> Bool {
        // "penicillin gives her hives", "codeine gave him a rash": a reaction, not a dose (unpunctuated engine text
        // runs it on from the patient's medicines: "regular meds sertraline fifty milligrams gives her hives").
        // The reaction straight after "him"/"her" (past "a", "bad"…): "gave her ondansetron for nausea", "we gave
        // him salbutamol wheeze improved", "GTN given him headache after" are doses (review 63).
        if ["gives", "gave"].contains(keys[j]), ["him", "her", "them", "me"].contains(key(j + 1) ?? "") {
            var k = j + 2
            while k < j + 4, ["a", "an", "the", "bad", "some", "terrible", "awful", "really", "nasty"].contains(key(k) ?? "") {
                k += 1
            }
            if Self.reactionsGiven.contains(key(k) ?? "") { return true }
        }
        switch keys[j] {
        // ("given her ondansetron" is a dose: a drug within three words after the possessive.)
        case "given":
            guard let next = key(j + 1) else { return false }
            // "Given his warfarin, we did not give aspirin", "Given her aspirin allergy, GTN…": opening the sentence.
            if j == 0 || isSentenceEnd(j - 1) { return true }
            if ["the", "that", "this", "its"].contains(next) { return true }
            guard ["his", "her", "their"].contains(next) else { return false }
            return !(j + 2...j + 4).contains { longest(Lexicon.drugs, at: $0) != nil }
        case "treated": return key(j + 1) == "for"
        case "titrated": return key(j + 1) == "by"
        default: return false
        }
    }

    /// What a drug "gives" a patient who reacts to it.
    private static let reactionsGiven: Set<String> = [
        "hives", "rash", "rashes", "reaction", "reactions", "anaphylaxis", "swelling", "urticaria", "angioedema",
        "diarrhoea", "diarrhea", "nausea", "headaches", "headache", "itching", "blisters", "wheeze", "palpitations",
    ]

    /// A route within the drug's part of the sentence after `end`.
    func hasRoute(after end: Int) -> Bool {
        var j = end
        while j < tokens.count, j < end + 8, !isSentenceEnd(j), !isPunct(j, ",") {
            if route(at: j) != nil { return true }
            j += 1
        }
        return false
    }

    /// "her salbutamol inhaler", "his own GTN": the patient's medication, not the crew's ("gave her morphine" is
    /// the crew's).
    func isPatientsOwn(_ i: Int) -> Bool {
        guard let prev = key(i - 1), Lexicon.possessives.contains(prev) else { return false }
        var j = i - 2
        if prev == "own" {
            guard let p = key(j), Lexicon.possessives.contains(p) else { return true }
            j -= 1
        }
        // "mum gave him his midazolam": the patient's own supply given by someone else (see `giverOfOwnSupply`).
        if let giver = giverOfOwnSupply(i) {
            if giver == .thirdParty { return true }
            if giver == .unknown { return false }   // neither: `isNotAdministered` drops it
        }
        // "gave her morphine", "titrated her morphine to 10 mg": the crew's. Still the patient's own: "he started his
        // prednisolone rescue pack" (the patient starting a course) and "he'd given himself his EpiPen" (a
        // reflexive). "she gave her ketamine" stays the crew's: "she" may be a crewmate.
        let start = clauseStart(i)
        let reflexive = (start..<i).contains { ["himself", "herself", "themselves", "myself"].contains(keys[$0]) }
        // "We nebulised her salbutamol", "We've got her on salbutamol 5 mg nebulised": the crew speaking.
        return reflexive || !(start..<max(start, j + 1)).contains { v in
            (Lexicon.givenVerbs.contains(keys[v]) || Lexicon.givenDoneVerbs.contains(keys[v]) || isCrewSubject(v))
                && !(Lexicon.patientStartingVerbs.contains(keys[v])
                     && [key(v - 1), key(v - 2)].contains { Lexicon.patientSubjects.contains($0 ?? "") })
        }
    }

    enum SupplyGiver { case crew, thirdParty, unknown }

    /// Who gave the patient's own supply in "gave him his X" / "gave her her X" / "gave them their X" (a recipient,
    /// then its own possessive); nil for any other wording. Only two wordings get a side; everything else is unknown,
    /// reported neither as given nor as the patient's own. (Seven review rounds found looser readings putting doses
    /// on the wrong side, above all in unpunctuated engine text; crews rarely give the patient's own supply, so the
    /// misses are few.)
    /// - The crew's: "we"/"I" or "my/our" + a crew noun as the verb's subject ("We gave him his own inhaler", "My
    ///   partner gave her her salbutamol"), with no third party named before it in the sentence, not after "and"
    ///   ("His wife and I gave…") and not in reported speech ("Wife states I gave…").
    /// - The patient's own: a third party (`Lexicon.thirdPartyGivers`; a pair, or the head of "a friend of his mum")
    ///   opening the sentence as the subject ("Mum then gave him his midazolam"), with no word for the crew or
    ///   anyone who may be it (we, me, us, my, crew nouns, ambulance, doctor…) before it in the sentence.
    /// - "she"/"he"/"they" are always unknown: two review rounds found that no test of the sentence before tells a
    ///   mum from a crewmate named by first name ("mum says sarah arrived and she gave…").
    func giverOfOwnSupply(_ i: Int) -> SupplyGiver? {
        guard let prev = key(i - 1), Lexicon.possessives.contains(prev) else { return nil }
        var j = i - 2
        var possessive = prev
        if prev == "own" {
            guard let p = key(j), Lexicon.possessives.contains(p) else { return nil }
            possessive = p
            j -= 1
        }
        guard let recipient = key(j), ["him", "her", "them"].contains(recipient), let verb = key(j - 1),
              Lexicon.givenVerbs.contains(verb) || Lexicon.givenDoneVerbs.contains(verb) else { return nil }
        guard ["him": "his", "her": "her", "them": "their"][recipient] == possessive else { return .unknown }
        var s = j - 2
        while let w = key(s), ["had", "has", "have", "already", "also", "just", "then", "quickly", "later",
                               "immediately", "promptly", "kindly"].contains(w) { s -= 1 }
        guard s >= 0, s < tokens.count, tokens[s].isWord else { return .unknown }
        let crewNouns = Self.crewNouns
        let maybeCrew = crewNouns.union(Lexicon.crewPronouns).union(["me", "myself", "us", "my", "our", "ambulance",
                                                                     "hems", "doctor", "doctors", "responder", "car"])
        let determiners: Set<String> = ["the", "his", "her", "their", "a", "an", "my", "our"]
        func before(_ p: Int) -> Int {
            var q = p - 1
            while let w = key(q), determiners.contains(w) { q -= 1 }
            return q
        }
        /// Whether a word of `set` is named before `p` in its sentence (across a ";").
        func named(_ set: Set<String>, before p: Int) -> Bool {
            var q = p - 1
            while q >= 0, !isSentenceEnd(q) || isPunct(q, ";") {
                if set.contains(keys[q]) { return true }
                q -= 1
            }
            return false
        }
        let subject = keys[s]
        let thirdBefore = named(Lexicon.thirdPartyGivers, before: s)
        if Lexicon.crewPronouns.contains(subject) || (crewNouns.contains(subject) && ["my", "our"].contains(key(s - 1) ?? "")) {
            let first = Lexicon.crewPronouns.contains(subject) ? s : s - 1
            let reported = named(Lexicon.reportingVerbs, before: first) || isPunct(first - 1, ":") || isPunct(first - 1, "\"")
            return thirdBefore || reported || key(first - 1) == "and" ? .unknown : .crew
        }
        guard Lexicon.thirdPartyGivers.contains(subject) else { return .unknown }
        var head = s
        if key(before(head)) == "and", Lexicon.thirdPartyGivers.contains(key(before(before(head))) ?? "") {
            head = before(before(head))
        }
        if key(before(head)) == "of", Lexicon.thirdPartyGivers.contains(key(before(before(head))) ?? "") {
            head = before(before(head))
        }
        let opensSentence = before(head) < 0 || isSentenceEnd(before(head))
        return opensSentence && !named(maybeCrew, before: s) ? .thirdParty : .unknown
    }

    /// "We offered morphine and Entonox and he declined both": an offer is not a dose. "offered" counts only close
    /// before the drug (with nothing but pronouns, articles, "and" or other drugs between: "offered her morphine",
    /// not "GP offered a home visit … aspirin 300 mg"). The drug is given when a verb of giving, accepting or using,
    /// not negated and not about another drug, follows before the next drug's name ("offered morphine, which she
    /// accepted"; "Offered Entonox, which she's been using"; not "but she only agreed to paracetamol").
    private func isOfferOnly(offered o: Int, drug i: Int, end: Int) -> Bool {
        guard i - o <= 6 else { return false }
        var b = o + 1
        while b < i {
            if let d = longest(Lexicon.drugs, at: b) {
                b = d.end
            } else if ["her", "him", "them", "the", "a", "an", "some", "and", "or", "his", "their", "any"].contains(keys[b]) {
                b += 1
            } else {
                return false
            }
        }
        var k = end
        while k < tokens.count, !isSentenceEnd(k), longest(Lexicon.drugs, at: k) == nil {
            let accepting = Lexicon.givenDoneVerbs.contains(keys[k]) || Lexicon.usingVerbs.contains(keys[k])
            if accepting,
               ![key(k - 1), key(k - 2)].contains(where: { Lexicon.negatedAuxiliaries.contains($0 ?? "") }),
               !(k + 1...k + 3).contains(where: { longest(Lexicon.drugs, at: $0) != nil }) {
                return false
            }
            k += 1
        }
        return true
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
    func isNotAdministered(_ i: Int, _ end: Int) -> Bool {
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
        if isGivenByOthers(i, end) || isGivenByNamedOther(i, end) || isTakenBeforeOrElsewhere(i, end)
            || isPlannedAfter(i, end) || isAskedAndDenied(i, end) || isUnsaidLater(i, end) || isOthersWhenCrewGaveNothing(i, end) {
            return true
        }
        if giverOfOwnSupply(i) == .unknown { return true }
        if isInNothingGivenSentence(i, end) { return true }
        var j = i - 1
        var clause = true
        while j >= 0, !isSentenceEnd(j), !isPunct(j, ",") {
            if Lexicon.givenDoneVerbs.contains(keys[j]) {
                // "We haven't given morphine", "never gave"
                if clause, [key(j - 1), key(j - 2)].contains(where: { Lexicon.negatedAuxiliaries.contains($0 ?? "") }) {
                    return true
                }
                // "We'd have given paracetamol but…", "would have administered": it did not happen ("we'd given"
                // is "we had given"). Not "would have given more fentanyl" (some was given). A dose said later
                // without the drug's name ("…, we gave 5 mg IV", "…sooner. 5 mg IV given at 1602") is not read as
                // this drug: four reviews found that reading other givers' doses, fluids and plans as the crew's.
                if clause, (key(j - 1) == "have" && ["would", "we'd", "i'd", "could", "should", "might"].contains(key(j - 2) ?? ""))
                    || ["would've", "could've", "should've", "might've", "we'd've"].contains(key(j - 1) ?? ""),
                   !(j + 1..<i).contains(where: { Self.moreOfIt.contains(keys[$0]) }) {
                    return true
                }
                clause = false
            }
            if longest(Lexicon.drugs, at: j) != nil || Lexicon.clauseBreaks.contains(keys[j]) { clause = false }
            // "We rang the RFDS doctor, who talked about metoprolol 5 mg IV, but it's outside our guidelines, so we
            // didn't give it" (HeldOut24 Broken Hill): talked about and turned down later in the sentence. ("We talked
            // about morphine with her and then gave 5 mg IV" was given; review 103.)
            if clause, ["talked", "spoke"].contains(keys[j]), key(j + 1) == "about", isTurnedDown(after: end) { return true }
            if clause, isNotGivenWord(j) || isNegatedGiving(j, before: i) || (i - j <= 8 && isPlanned(j, drug: i, end: end)) {
                return true
            }
            if clause, keys[j] == "offered", isOfferOnly(offered: j, drug: i, end: end) { return true }
            j -= 1
        }
        j = end
        var commaSeen = false
        var clauseAfter = true
        var doseSaid = false
        while j < tokens.count, !isSentenceEnd(j), longest(Lexicon.drugs, at: j) == nil {
            if isPunct(j, ",") { commaSeen = true }
            // "… so a second dose was not required" is about something else; "… but she declined it" is not.
            // ("as", "because", "since" begin a reason: "we gave aspirin 300 mg as his wife had not given any".)
            if Lexicon.givenDoneVerbs.contains(keys[j])
                || ["so", "therefore", "hence", "second", "further", "repeat", "as", "because", "since"].contains(keys[j]) {
                clauseAfter = false
            }
            // After its dose or route, "as advised", "discussed with cath lab" describe a drug that was given.
            if doseUnit(at: j) != nil || route(at: j) != nil { doseSaid = true }
            if !commaSeen {
                if longest(Lexicon.beforeCrewPhrases, at: j) != nil { return true }
                if doseSaid {
                    if clauseAfter, Lexicon.refusalWords.contains(keys[j]) && isNotGivenWord(j) || isNegatedAfterDrug(j) {
                        return true
                    }
                } else if clauseAfter, isNotGivenWord(j) || keys[j] == "would" || isNegatedAfterDrug(j)
                            || (j == end && isNotRepeated(j)) {
                    return true
                }
            } else if clauseAfter, Lexicon.refusalWords.contains(keys[j]), isNotGivenWord(j),
                      longest(Lexicon.drugs, at: j + 1) == nil,
                      !(["the", "any", "his", "her", "their"].contains(key(j + 1) ?? "") && longest(Lexicon.drugs, at: j + 2) != nil),
                      !Self.somethingElse.contains(key(j + 1) ?? ""),
                      !(key(j + 1) == "any" && Self.somethingElse.contains(key(j + 2) ?? "")) {
                // "Offered morphine, declined" — not "refused GTN" or "refused the GTN", which are about GTN, nor
                // "Gave paracetamol 1 g PO, he declined anything stronger", about another drug.
                return true
            } else if clauseAfter, longest(Lexicon.notGivenPhrases, at: j) != nil, !drugFollows(j) {
                return true
            }
            j += 1
        }
        return false
    }

    /// Someone other than the crew gave it:
    /// - "given by" a giver from `Lexicon.thirdPartyGivers` (within three words) follows the drug in its clause
    ///   ("benzylpenicillin 1.2 g IM given by the GP", "by the community first responder"; not "by us");
    /// - or the drug has no verb of giving of its own after it, and the nearest verb of giving before it, in its
    ///   clause (not past a comma except one that opens ", that's …", "so"/"then", or another drug unless "and"
    ///   joins them or the ", that's" restates it: "Mum had given her 5 ml of Calpol, that's 120 mg of
    ///   paracetamol"), has such a giver as its subject: the word right
    ///   before the verb, or before "had", "has", "already", "also", "just" ("The carer gave him 2 puffs of
    ///   salbutamol", "his wife had already given him aspirin and GTN"). A giver after a preposition is no subject
    ///   ("found by police gave naloxone", "anaphylaxis at school gave adrenaline" are the crew's), and "we" or "I"
    ///   on the way keeps the drug the crew's ("Mum was there and we gave paracetamol").
    func isGivenByOthers(_ i: Int, _ end: Int) -> Bool {
        func isGiver(_ p: Int) -> Bool {
            guard let word = key(p) else { return false }
            // "the school nurse", "the practice nurse": not a nurse of the crew's.
            if word == "nurse" || word == "nurses" { return Lexicon.nonCrewNurses.contains(key(p - 1) ?? "") }
            return Lexicon.thirdPartyGivers.contains(word) || word == "dn"
        }
        let crew: Set<String> = ["we", "we've", "we'd", "i", "i've", "us", "crew"]
        var j = end
        while j < tokens.count, j < end + 10, !isSentenceEnd(j), !isPunct(j, ","), longest(Lexicon.drugs, at: j) == nil {
            // "given by the GP", and "by" alone after the dose ("6.25 mg subcut by the district nurse at 10:00").
            // (A bare "by" only straight after the dose's route, unit or time, and not before a possessive: "requested
            // by his wife", "as advised by the GP", "followed by the carer's ibuprofen", "IV by the GP's request".)
            let bareBy = keys[j] == "by" && j > end && (route(at: j - 1) != nil || doseUnit(at: j - 1) != nil
                                                         || tokens[j - 1].isNumber || ["buccal", "buccally"].contains(keys[j - 1]))
            if ["given", "administered"].contains(keys[j]) && key(j + 1) == "by" || bareBy {
                var s = keys[j] == "by" ? j + 1 : j + 2
                while s < tokens.count, ["the", "his", "her", "their", "a", "an", "patient", "pt", "child", "baby",
                                         "casualty"].contains(keys[s]) {
                    s += 1
                }
                // (Past the patient: "by the patient's wife", "by the child's mum" are the wife's and mum's.)
                if bareBy, (s..<min(s + 3, tokens.count)).contains(where: { tokens[$0].text.hasSuffix("'s") }) { return false }
                // "by the GP", "by his wife", "by the community first responder"; not "by us".
                return (s..<min(s + 3, tokens.count)).prefix { !crew.contains(keys[$0]) && tokens[$0].isWord }
                    .contains(where: isGiver)
            }
            j += 1
        }
        if hasGivenVerb(after: end) { return false }
        j = i - 1
        // ", that's 120 mg of paracetamol" restates the drug before the comma: it shares that drug's giver.
        var restating = false
        while j >= 0, i - j <= (restating ? 16 : 10), !isSentenceEnd(j), !Lexicon.clauseBreaks.contains(keys[j]) {
            if isPunct(j, ",") {
                // Keys drop "'s": "that's" is the key "that" on a token that ends in "'s".
                guard !restating, j + 1 < tokens.count, ["that", "which"].contains(keys[j + 1]),
                      tokens[j + 1].text.hasSuffix("'s") || key(j + 2) == "is" else { return false }
                restating = true
                j -= 1
                continue
            }
            if crew.contains(keys[j]) { return false }
            // Another drug on the way: only one joined to this one by "and"/"or", or the one a ", that's" restates,
            // shares its giver ("his wife had given him aspirin and GTN").
            if let other = longest(Lexicon.drugs, at: j), other.end <= i,
               !(other.end < i && keys[other.end..<i].allSatisfy { ["and", "or", "plus"].contains($0) }),
               !(restating && (other.end..<i).contains { isPunct($0, ",") }) {
                return false
            }
            if Lexicon.givenDoneVerbs.contains(keys[j]) || ["give", "administer", "used", "sprayed"].contains(keys[j]) {
                var s = j - 1
                while s >= 0, ["had", "has", "have", "already", "also", "just"].contains(keys[s]) { s -= 1 }
                // "His wife, she's 76, gave him…": the subject before an aside between commas (up to six words) in
                // which the crew does not speak ("who called us" is no crew speaking; "we reassured her" is).
                // Only a giver who opens the sentence ("His wife, she's 76, gave him…"; not "Called by his wife, on
                // arrival, gave aspirin").
                // An aside that only says when ("His wife, before we got there, gave him aspirin") is no crew speaking.
                if isPunct(s, ","), let open = (max(0, s - 7)..<s).last(where: { isPunct($0, ",") }),
                   !(open + 1..<s).contains(where: { isSentenceEnd($0) }),
                   (open + 1..<s).contains(where: { longest(Lexicon.beforeCrewPhrases, at: $0) != nil })
                    || !(open + 1..<s).contains(where: { Lexicon.crewPronouns.contains(keys[$0]) }) {
                    // The giver's words open the sentence: up to three words before it, none a preposition or a
                    // verb of giving ("The school nurse, who called us, gave…", "His elderly wife, she's 76, gave…").
                    var head = open - 2
                    var words = 0
                    while head >= 0, !isSentenceEnd(head), tokens[head].isWord, words < 3,
                          !["by", "at", "from", "with", "to", "for", "of", "in", "on", "called", "found", "lives",
                            "history"].contains(keys[head]),
                          !Lexicon.givenVerbs.contains(keys[head]), !Lexicon.givenDoneVerbs.contains(keys[head]) {
                        head -= 1
                        words += 1
                    }
                    guard head < 0 || isSentenceEnd(head) else { return false }
                    s = open - 1
                }
                guard isGiver(s) else { return false }
                // Skipping "the", "his", "a": "found by a neighbour", "lives with his daughter" are no subjects.
                var p = s - 1
                while p >= 0, ["the", "his", "her", "their", "a", "an", "my", "our"].contains(keys[p]) { p -= 1 }
                return !["by", "at", "from", "with", "to", "for", "of", "in"].contains(key(p) ?? "")
            }
            j -= 1
        }
        return false
    }

    /// "…they suggested 10 mg of morphine IV, 4 of ondansetron and 75 of diclofenac IM, but he declined everything,
    /// so nothing was given": a sentence that says the crew gave nothing holds no drug the crew gave. Only within
    /// 30 words of the drug (an engine's transcript may have no full stops), and not when:
    /// - the phrase is about someone else ("nothing given by the nursing home"; "by us" counts);
    /// - the crew gave something between the phrase and the drug, or in the drug's own words ("so we gave him
    ///   adrenaline", "we've given ondansetron", "gave", "my partner gave");
    /// - the drug has a verb of giving of its own after it;
    /// - "except", "apart", "other", "besides" or "but" come between the phrase and a drug after it ("declined
    ///   everything except paracetamol").
    private func isInNothingGivenSentence(_ i: Int, _ end: Int) -> Bool {
        var first = i
        while first > 0, i - first < 30, !isSentenceEnd(first - 1) { first -= 1 }
        var last = end
        while last < tokens.count, last - end < 30, !isSentenceEnd(last) { last += 1 }
        // The phrase must end its clause: "nothing given orally" or "nothing given before we arrived" says less.
        guard let phrase = (first..<last).first(where: { p in
            guard let e = longest(Lexicon.nothingGivenPhrases, at: p) else { return false }
            if key(e) == "by" {
                return ["us", "me", "crew", "ambulance"].contains(key(e + 1) ?? "")
                    || (key(e + 1) == "the" && ["crew", "ambulance"].contains(key(e + 2) ?? ""))
            }
            return e >= tokens.count || isSentenceEnd(e) || isPunct(e, ",") || ["so", "and", "yet"].contains(keys[e])
        }) else {
            return false
        }
        if hasGivenVerb(after: end) { return false }
        let span = phrase < i ? phrase..<i : end..<phrase
        let crewGave = (min(span.lowerBound, max(first, i - 6))..<span.upperBound).contains { v in
            guard ["gave", "given", "administered", "pushed"].contains(keys[v]) else { return false }
            return (max(0, v - 3)..<v).contains { ["we", "i", "we've", "i've", "partner", "colleague", "so", "then"].contains(keys[$0]) }
                || isPunct(v - 1, ",")
        }
        if crewGave { return false }
        return !(phrase < i && (phrase..<i).contains { ["except", "apart", "other", "besides", "but"].contains(keys[$0]) })
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

    /// A dose the patient had before, or was given somewhere else (twelfth review):
    /// - the patient as the subject of "had" before it in its clause: "He's already had aspirin 300 mg today",
    ///   "She had ibuprofen 400 mg this morning", "We're told he's had 300 mg aspirin" (not "by us"/"from us" after);
    /// - "last dose of" just before it;
    /// - "yesterday", "last night", "last week" before it in its clause, or a place of care or an earlier day after it
    ///   in its clause: "at the GP surgery", "in A&E yesterday", "at the hospital", "at the walk in centre".
    func isTakenBeforeOrElsewhere(_ i: Int, _ end: Int) -> Bool {
        if agent(after: end) == .crew { return false }
        let start = clauseStart(i)
        // The crew speaking before it in its clause keeps the place and the day the crew's ("We gave aspirin 300 mg at
        // the GP surgery before transfer", "we gave paracetamol … as he hasn't had any since yesterday").
        let crewSpeaks = (start..<i).contains(where: { isCrewSubject($0) })
        // "with us", "from us" after it.
        // (Not "so not repeated by us".)
        if (end..<min(tokens.count, end + 8)).contains(where: { p in
            ["with", "from", "by"].contains(keys[p]) && key(p + 1) == "us"
                && !(max(end, p - 3)..<p).contains { ["not", "never", "nothing", "none", "no"].contains(keys[$0]) }
        }) {
            return false
        }
        // Back to the crew speaking or a verb of giving: "He had paracetamol at 08:00 and we gave ibuprofen".
        // ("we gave ten and she had morphine": an engine's garble right after the crew's verb, not an earlier dose.)
        var from = start
        for j in stride(from: i - 1, through: start, by: -1)
        where isCrewSubject(j) || (Lexicon.givenDoneVerbs.contains(keys[j]) && !isGivenInAnotherSense(j)) {
            from = isCrewSubject(j) || isCrewSubject(j - 1) ? (i - j <= 8 ? i : j + 1) : j + 1
            break
        }
        for j in from..<i {
            // "had" with the drug as its object (only a dose or a count between): "He's already had aspirin", "He had
            // 300 mg aspirin at home"; not "he had central chest pain aspirin 300 mg po".
            let object = (j + 1..<i).allSatisfy { k in
                tokens[k].isNumber || numbers.isNumberWord(k) || doseUnit(at: k) != nil
                    || ["a", "an", "the", "some", "his", "her", "their", "own", "two", "puffs", "sprays", "of", "dose",
                        "doses", "already", "about", "approximately", "around", "roughly", "x", "maybe", "possibly",
                        "mg", "g", "mcg", "ml", "milligrams", "grams", "micrograms", "tablets", "tablet"].contains(keys[k])
            }
            if object, keys[j] == "had" || keys[j] == "'d" {
                var s = j - 1
                while let w = key(s), ["already", "just", "also", "has", "have", "had", "only"].contains(w) { s -= 1 }
                if s >= 0, tokens[s].isWord,
                   Lexicon.patientSubjects.contains(keys[s]) || ["he's", "she's", "they've", "patient", "pt"].contains(tokens[s].text) {
                    return true
                }
            }
            // Close before the drug only ("gp offered a home visit yesterday pulse one ten … aspirin three hundred
            // milligrams chewed" is the crew's aspirin).
            if i - j <= 4, keys[j] == "last", key(j + 1) == "dose" { return true }
            // "Discharged from hospital yesterday after morphine 10 mg IV": with a place of care ("fell yesterday
            // morphine 5 mg iv" is the crew's).
            if !crewSpeaks, i - j <= 4,
               keys[j] == "yesterday" || (keys[j] == "last" && ["night", "week", "month"].contains(key(j + 1) ?? "")),
               (start..<i).contains(where: { ["hospital", "discharged", "surgery", "gp", "seen", "clinic"].contains(keys[$0]) }) {
                return true
            }
        }
        if crewSpeaks { return false }
        var k = end
        while k < tokens.count, k < end + 10, !isSentenceEnd(k), !isPunct(k, ","), longest(Lexicon.drugs, at: k) == nil,
              !isCrewSubject(k) {
            if keys[k] == "yesterday" || (keys[k] == "last" && ["night", "week", "month"].contains(key(k + 1) ?? "")) {
                return true
            }
            if ["at", "in"].contains(keys[k]) {
                var p = k + 1
                while let w = key(p), ["the", "a", "his", "her", "their"].contains(w) { p += 1 }
                if let w = key(p), ["gp", "surgery", "hospital", "a", "walk", "clinic", "pharmacy", "school", "practice",
                                    "ed", "resus", "urgent"].contains(w) {
                    // "a" is "A&E" ("in A&E"): the letters split around "&".
                    if w == "a" { if isPunct(p + 1, "&") { return true } } else { return true }
                }
            }
            k += 1
        }
        return false
    }

    /// After the drug in its sentence, a dose prepared or planned, not given: "Adrenaline 1 mg drawn up", "TXA 1 g
    /// IV to be given on arrival", "should be given", "is due", "due at 15:00", "available if required", "ready if
    /// needed", "in case". Not when a verb of giving done is in the drug's clause ("drawn up and given at 14:20").
    func isPlannedAfter(_ i: Int, _ end: Int) -> Bool {
        // (Only after the drug named before it: "We gave naloxone 400 mcg IM at 01:52, further naloxone 400 mcg IV
        // ready if needed" plans the second.)
        var start = clauseStart(i)
        if let previous = (start..<i).last(where: { longest(Lexicon.drugs, at: $0) != nil }) { start = previous + 1 }
        if (start..<i).contains(where: { Lexicon.givenDoneVerbs.contains(keys[$0]) && !isGivenInAnotherSense($0) }) {
            return false
        }
        var k = end
        var found = false
        var due = false
        var timed = false
        // A regime with doses already given ("…; first dose at 10:02", "we gave the first dose", "3 doses so far").
        var r = end
        var regimeGiven = false
        while r < tokens.count, r < end + 25 {
            if ["first", "doses", "far"].contains(keys[r]) || (keys[r] == "gave" && key(r - 1) == "we") { regimeGiven = true }
            r += 1
        }
        while k < tokens.count, k < end + 10, !isSentenceEnd(k), longest(Lexicon.drugs, at: k) == nil {
            if Lexicon.givenDoneVerbs.contains(keys[k]), !(key(k - 1) == "be" || key(k - 2) == "be") { return false }
            // "4 mg ondansetron iv prophylactically in case he vomits": why it was given.
            if ["prophylactically", "prophylaxis", "prophylactic"].contains(keys[k]) { return false }
            // "Morphine 5 mg IV, ready for transfer": ready for something else ("ready if needed" is a plan).
            if keys[k] == "ready", ["for", "to"].contains(key(k + 1) ?? ""), !["give", "administer"].contains(key(k + 2) ?? "") {
                k += 1
                continue
            }
            if keys[k] == "at", clock(at: k + 1) != nil { timed = true }
            if keys[k] == "due" { due = true }
            // "ready to pace": ready for something else.
            if keys[k] == "ready", key(k + 1) == "to", !["give", "administer"].contains(key(k + 2) ?? "") {
                k += 1
                continue
            }
            let participle = ["given", "administered", "started", "repeated", "drawn"].contains(key(k + 2) ?? "")
            // "will be given at 15:00": a time it is due at.
            if keys[k] == "will", key(k + 1) == "be", participle, key(k + 2) != "repeated", !regimeGiven { due = true }
            if (keys[k] == "drawn" && key(k + 1) == "up") || (keys[k] == "to" && key(k + 1) == "be" && participle)
                // ("could/would/will be given"; not "can be repeated", "may be given" after a dose, a note on repeating
                // it, nor "will be given every 4 minutes; first dose at 10:02", a regime.)
                || (keys[k] == "should" && key(k + 1) == "be" && participle)
                || (["could", "would", "will"].contains(keys[k]) && key(k + 1) == "be" && participle && key(k + 2) != "repeated"
                    && !["every", "until"].contains(key(k + 3) ?? "") && !regimeGiven)
                || keys[k] == "due" || keys[k] == "available"
                || keys[k] == "ready" || (keys[k] == "in" && key(k + 1) == "case")
                || (keys[k] == "if" && ["required", "needed", "necessary", "indicated"].contains(key(k + 1) ?? "")) {
                found = true
            }
            // "The second gram of TXA is for you to give", "left for the ED team to give": the receiving team's dose.
            // The words after "for" name the receiving team ("for the pain, consider ketamine" names none), and the
            // dose to give is this one ("for you to give more if needed", "for them to give again" are further doses).
            // ("TXA 1 g IV, second gram for the ED team to give": the plan is for another dose.)
            if keys[k] == "for",
               !(end..<k).contains(where: { ["second", "another", "further", "rest", "remaining", "next", "repeat"].contains(keys[$0]) }) {
                var r = k + 1
                if ["the", "a"].contains(key(r) ?? "") { r += 1 }
                if ["you", "ed", "hospital", "a&e", "resus", "them", "theatre", "team", "receiving", "doctors", "medics"].contains(key(r) ?? ""),
                   let g = (r..<min(tokens.count, r + 5)).first(where: { ["give", "administer"].contains(keys[$0]) }),
                   g + 1 >= tokens.count || !tokens[g + 1].isWord || ["it", "this", "that", "if", "when", "once", "on", "in"].contains(keys[g + 1]) {
                    found = true
                }
            }
            k += 1
        }
        // A time says it happened ("Repeat atropine 1 mg IV at 0937 pads on ready…"), except a time it is due at.
        return found && (!timed || due)
    }

    /// Before a drug in its clause (up to eight words back: an engine's text may have no punctuation for a
    /// minute): a dose planned, considered or conditional, not given ("We will give", "We're
    /// going to give", "was about to give", "Consider morphine", "if pain persists give", "He may need", "would
    /// benefit from", "is due").
    private func isPlanned(_ j: Int, drug i: Int, end: Int) -> Bool {
        let w = keys[j]
        // A verb of giving in the present between the word and the drug: "We will give", "if pain persists give",
        // "may need morphine", "going to give"; not "As he may be having an MI aspirin…", "Stented in May and
        // aspirin…", "we'll see how he goes ondansetron…", "going to the toilet when he collapsed adrenaline…".
        let giving: Set<String> = ["give", "administer", "start", "need", "needs", "consider", "repeat", "use", "try",
                                   "want", "get", "have", "be", "drawn"]
        let givingBetween = (j + 1..<i).contains { giving.contains(keys[$0]) }
        // A time or a verb of giving done after the drug says it happened ("…aspirin 300 mg PO given at 14:10").
        var k = end
        while k < tokens.count, k < end + 8, !isSentenceEnd(k), longest(Lexicon.drugs, at: k) == nil {
            // ("I was thinking to give ondansetron, and we did, 4 mg IV at 14:10".)
            if Lexicon.givenDoneVerbs.contains(keys[k]) || (keys[k] == "at" && clock(at: k + 1) != nil)
                || (keys[k] == "did" && ["we", "i"].contains(key(k - 1) ?? "")) {
                return false
            }
            k += 1
        }
        // "We'd have liked to give…", "would have used": a dose that did not happen. ("Would have given" itself is
        // read where its participle is met, in `isNotAdministered`.)
        if ["would", "we'd", "i'd", "could", "should", "might"].contains(w), key(j + 1) == "have",
           ["used", "tried", "started", "liked", "preferred", "wanted"].contains(key(j + 2) ?? ""),
           !(j + 3..<i).contains(where: { Self.moreOfIt.contains(keys[$0]) }) {
            return true
        }
        switch w {
        case "will", "we'll", "i'll", "gonna", "might", "may", "should", "shall", "could", "would", "if", "unless":
            return givingBetween && !(w == "would" && key(j - 1) == "he")
        case "consider", "considering": return i - j <= 3 || givingBetween
        case "planned", "intend", "intending": return true
        case "plan", "planning": return key(j + 1) == "to" || key(j + 1) == "is" || isPunct(j + 1, ":")
        case "going", "about": return key(j + 1) == "to" && ["give", "administer", "start"].contains(key(j + 2) ?? "")
        case "benefit": return key(j + 1) == "from"
        case "need", "needs", "due": return i - j <= 4 && key(j + 1) != "to"
        // "We've drawn up 1 mg of adrenaline", "ketamine 20 mg ready", "Ready to give", "You can give", "Please
        // give", "I would suggest", "Recommend TXA", "Requesting TXA", "we'd like to give", "hoping to give",
        // "Tried to give … but", "Wanted to give…".
        case "drawn": return key(j + 1) == "up"
        // ("I was thinking to give ondansetron", "thinking of giving".)
        case "ready", "can", "please", "like", "hoping", "hope", "wanted", "want", "tried", "trying", "attempted",
             "thinking":
            return givingBetween || (w == "can" && i - j <= 2)
        case "suggest", "suggests", "recommend", "recommends", "recommending", "requesting", "request":
            return i - j <= 4 || givingBetween
        default: return false
        }
    }

    /// A question about the drug answered no: "Did you give GTN? No, he'd had his own spray.", "Any aspirin? Nope.",
    /// "Morphine given? Not yet." (a label such as "Medic:" may open the answer). The drug must be in the question's
    /// own part, with no comma between it and the "?" ("Aspirin 300 mg given at 14:10, you happy with that? No
    /// problem." asks about something else), and the answer must deny and nothing more: not "Not until we were in
    /// the ambulance, 5 mg IV", "No contraindications, so two sprays", "No, sorry, yes", "No but we gave 300 mg" (up
    /// to another drug's name: "No, nothing for the nausea, but we gave morphine" still denies the first).
    func isAskedAndDenied(_ i: Int, _ end: Int) -> Bool {
        var q = end
        while q < tokens.count, !isSentenceEnd(q), !isPunct(q, ","), longest(Lexicon.drugs, at: q) == nil { q += 1 }
        guard isPunct(q, "?") else { return false }
        // A statement run on into a question of its own ("We gave morphine 5 mg IV at 15:10 did you want more
        // detail? No."): a question's opening word after the drug. ("We gave amiodarone? No." and "We gave her aspirin
        // 300 mg PO? No, because of the warfarin." ask about the drug.)
        if (end..<q).contains(where: { ["did", "do", "does", "any", "anything", "is", "was", "were", "can", "could",
                                        "would", "shall", "should", "want"].contains(keys[$0]) }) {
            return false
        }
        var a = q + 1
        while a < tokens.count, tokens[a].kind == .punctuation { a += 1 }
        if a + 1 < tokens.count, tokens[a].isWord, isPunct(a + 1, ":") { a += 2 }
        guard let word = key(a) else { return false }
        let denial = ["no", "nope", "nah", "negative", "none", "nothing"].contains(word)
            || (word == "not" && ["yet", "given", "really"].contains(key(a + 1) ?? ""))
        // (Up to the part of the sentence that names another drug: "No, nothing for the nausea, but we gave morphine
        // 5 mg IV" and "No, not at first, then we gave aspirin 300 mg" are about that drug's dose.)
        var last = a + 1
        while last < tokens.count, !isSentenceEnd(last), longest(Lexicon.drugs, at: last) == nil { last += 1 }
        if last < tokens.count, longest(Lexicon.drugs, at: last) != nil,
           let comma = (a + 1..<last).last(where: { isPunct($0, ",") }) {
            last = comma
        }
        // "Did you give charcoal? Negotive, she refused it." (an engine's word for "negative"): refused is not given.
        // ("refused it", "declined": not "He refused hospital initially".)
        let refused = (a..<last).contains { q in
            ["refused", "declined", "refuses", "declines"].contains(keys[q])
                && (q + 1 >= tokens.count || tokens[q + 1].kind == .punctuation || ["it", "them", "that"].contains(keys[q + 1]))
        }
        guard refused || (denial && a + 1 < tokens.count && (tokens[a + 1].kind == .punctuation || word == "not")) else {
            return false
        }
        return !(a + 1..<last).contains { e in
            ["yes", "yeah", "sorry", "actually"].contains(keys[e]) || Lexicon.givenDoneVerbs.contains(keys[e])
                || route(at: e) != nil || (numbers.parse(at: e).map { doseUnit(at: $0.end) != nil } ?? false)
        }
    }

    /// The crew says, as a statement of its own, that it gave nothing ("No drugs from us.", "Nothing given by us,"
    /// opening its sentence and ending at a stop or comma), and the drug's sentence names someone else before it (a
    /// title or a third party: "Dr gave 100 ml of 3% saline IV at 1412") with no word of the crew: that dose is
    /// theirs. Not "We didn't give anything else", "Any questions? Nothing from us.", "He wanted nothing from us",
    /// "We gave nothing orally", "Nothing from us for the pain yet", "Nothing from us except paracetamol".
    func isOthersWhenCrewGaveNothing(_ i: Int, _ end: Int) -> Bool {
        let statement = (0..<tokens.count).contains { p in
            guard let e = longest(Self.crewGaveNothingPhrases, at: p) else { return false }
            var s = p
            if ["and", "so", "but"].contains(key(s - 1) ?? "") { s -= 1 }
            let opens = s == 0 || (isSentenceEnd(s - 1) && !isPunct(s - 1, "?"))
            let closes = e >= tokens.count || isSentenceEnd(e) || (isPunct(e, ",") && !["except", "apart", "but", "other",
                "besides", "bar", "aside"].contains(key(e + 1) ?? ""))
            return opens && closes
        }
        guard statement else { return false }
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        let crew: Set<String> = ["we", "i", "we've", "i've", "we'd", "us", "our", "crew", "partner", "colleague", "crewmate"]
        if (first..<i).contains(where: { crew.contains(keys[$0]) }) { return false }
        var k = end
        while k < tokens.count, !isSentenceEnd(k), k < end + 12 {
            if crew.contains(keys[k]) { return false }
            k += 1
        }
        return (first..<i).contains { q in
            Lexicon.titles.contains(keys[q]) || Lexicon.thirdPartyGivers.contains(keys[q])
                || ["doctor", "nurse", "gp", "responder", "responders", "midwife", "dentist"].contains(keys[q])
        }
    }

    static let crewGaveNothingPhrases: [[String]] = [
        ["no", "drugs", "from", "us"], ["nothing", "from", "us"], ["no", "drugs", "by", "us"], ["nothing", "by", "us"],
        ["nothing", "given", "by", "us"], ["no", "medication", "from", "us"], ["no", "meds", "from", "us"],
        ["no", "medications", "from", "us"], ["no", "drugs", "given", "by", "us"], ["we", "gave", "nothing"],
        ["we've", "given", "nothing"], ["we", "haven't", "given", "anything"], ["we", "didn't", "give", "anything"],
        ["we", "have", "given", "nothing"], ["we", "did", "not", "give", "anything"],
    ]

    /// Taken back later in the sentence: "We gave cyclizine, no, scratch that, we didn't give cyclizine because of the
    /// eye": "scratch that", "no, sorry", "correction" or "no," then, within eight words, the same drug straight
    /// after a verb of giving denied ("didn't give", "did not give", "never gave"). Not "…, actually she'd not had
    /// any paracetamol at home", "and no further morphine after that".
    func isUnsaidLater(_ i: Int, _ end: Int) -> Bool {
        guard let drug = longest(Lexicon.drugs, at: i)?.value else { return false }
        var k = end
        while k < tokens.count, !isSentenceEnd(k) {
            let marker = (keys[k] == "scratch" && key(k + 1) == "that") || keys[k] == "correction"
                || (keys[k] == "no" && isPunct(k + 1, ",")) || (keys[k] == "sorry" && key(k - 1) == "no")
            if marker {
                var d = k + 1
                while d < tokens.count, d < k + 10, !isSentenceEnd(d) {
                    if let m = longest(Lexicon.drugs, at: d) {
                        guard m.value == drug else { return false }
                        // The verb straight before the drug (past "the", "him", "her", "any"): not "we didn't give any
                        // more morphine", "didn't give morphine IM, it went IV" (a route corrected, not the dose).
                        guard let v = (max(k, d - 3)..<d).last(where: { ["give", "gave", "administer"].contains(keys[$0]) }),
                              (v + 1..<d).allSatisfy({ ["the", "him", "her", "them", "any"].contains(keys[$0]) }),
                              !(m.end..<min(tokens.count, m.end + 3)).contains(where: { route(at: $0) != nil }) else { return false }
                        var c = m.end
                        while c < tokens.count, !isSentenceEnd(c), !isPunct(c, ",") {
                            if ["more", "further", "again", "second", "another", "repeat", "time"].contains(keys[c]) { return false }
                            c += 1
                        }
                        // (A time corrected this way, "we didn't give the morphine until 06:50", also takes the dose
                        // back: which time it was given at is unsure, and a dose lost is safer than a time invented.)
                        return (max(k, v - 2)..<v).contains { ["didn't", "didnt", "not", "never", "haven't", "hasn't"].contains(keys[$0]) }
                    }
                    d += 1
                }
                return false
            }
            k += 1
        }
        return false
    }

    /// "would have given more fentanyl": some was given.
    static let moreOfIt: Set<String> = ["more", "further", "extra", "another", "additional"]

    /// A word of not giving; "GCS declined to 12" is not.
    /// After "declined", "refused": something other than the drug before ("anything stronger", "any more").
    private static let somethingElse: Set<String> = [
        "anything", "more", "further", "stronger", "something", "another", "other", "else",
    ]

    private func isNotGivenWord(_ j: Int) -> Bool {
        if keys[j] == "thought", key(j + 1) == "about" { return true }
        // "the GP told us to give", not "she told us her pain was 9"
        if keys[j] == "told" { return key(j + 1) == "to" || key(j + 2) == "to" }
        guard Lexicon.notGivenWords.contains(keys[j]) else { return false }
        if keys[j] == "declined", key(j + 1) == "to" || key(j + 1) == "from", numbers.parse(at: j + 2) != nil {
            return false
        }
        // "pressure held", "held on the wound"
        if keys[j] == "held", key(j - 1) == "pressure" || (key(j + 1) == "on" && key(j + 2) == "the") { return false }
        return true
    }

    /// Later in the drug's sentence (from `end`, before another drug): the crew did not give it ("so we didn't give
    /// it", "we did not give it", "but we decided against it"), with no verb of giving done on the way.
    private func isTurnedDown(after end: Int) -> Bool {
        var k = end
        while k < tokens.count, !isSentenceEnd(k), longest(Lexicon.drugs, at: k) == nil {
            if ["didn't", "didnt", "not", "never", "against", "wouldn't", "couldn't"].contains(keys[k]),
               (k + 1..<min(tokens.count, k + 3)).contains(where: { ["give", "it", "against", "given"].contains(keys[$0]) }) {
                return true
            }
            if ["gave", "administered", "chewed", "given"].contains(keys[k]), !["not", "never"].contains(key(k - 1) ?? "") { return false }
            k += 1
        }
        return false
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

    /// "Aspirin not repeated" at `j`, straight after the drug's bare name: no dose of it from the crew (HeldOut23's
    /// Chek Lap Kok). Not after a dose ("morphine 5 mg IV at 13:20 not repeated" was given once; review 99).
    /// Nor before a dose with no name of its own: "Ondansetron not repeated; 4 mg IV given at 13:20" (review 99).
    private func isNotRepeated(_ j: Int) -> Bool {
        guard keys[j] == "not", ["repeated", "redosed", "re-dosed"].contains(key(j + 1) ?? "") else { return false }
        var e = j + 2
        while e < tokens.count, !isSentenceEnd(e) { e += 1 }
        guard let n = numbers.parse(at: e + 1) else { return true }
        return doseUnit(at: n.end) == nil
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
}
