/// Who gave a drug, read from the subject of its verb of giving. The crew's only when the sentence names nobody
/// else as the giver: an explicit subject that is not the crew ("she", "his daughter Sarah", "the nursing home",
/// "the GP who…") makes the dose neither the crew's nor, by itself, the patient's own. (The tenth review round found
/// that a whitelist of third parties right before the verb, with the crew as the default for everyone else, put
/// doses of pronouns, named relatives, institutions and reported speakers on the crew's side.)
extension HandoverScanner {
    enum Giver { case crew, other, unsaid }

    /// Verbs whose subject gives the drug ("his wife gave", "he injected himself with", "the GP started him on").
    private static let activeGivingVerbs: Set<String> = [
        "gave", "give", "gives", "giving", "given", "administered", "administer", "administering", "dosed", "pushed",
        "put", "started", "commenced", "injected", "sprayed", "used", "done",
    ]
    /// Forms that are participles: after "was", "were", "been"… the subject is the one who received the drug.
    private static let participles: Set<String> = [
        "given", "administered", "dosed", "pushed", "put", "started", "commenced", "injected", "sprayed",
    ]
    private static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "is", "are", "being", "be", "got", "get"]
    /// Skipped between a subject and its verb: "his wife had already given", "Mum then gave".
    private static let betweenSubjectAndVerb: Set<String> = [
        "had", "has", "have", "already", "also", "just", "then", "quickly", "later", "immediately", "promptly",
        "kindly", "subsequently", "initially", "apparently", "reportedly", "actually", "recently", "previously",
        "earlier", "only", "even", "both",
    ]
    /// The crew's own words for its members: "my partner", "our tech"; bare as a US crew charts ("Partner gave…").
    static let crewNouns: Set<String> = [
        "partner", "colleague", "crewmate", "paramedic", "paramedics", "technician", "tech", "emt", "student", "medic",
        "eca", "ecp", "crew",
    ]
    /// Pronouns that, as the verb's own subject, are never the crew speaking of itself.
    private static let otherPronouns: Set<String> = [
        "she", "he", "they", "she'd", "he'd", "they'd", "who", "someone", "somebody", "she'll", "he'll", "nobody",
        "noone",
    ]
    /// People and places who may have given a drug, beyond `Lexicon.thirdPartyGivers` (which the patient's-own
    /// reading also uses): as a subject or after "by", they are not the crew.
    private static let otherGivers: Set<String> = [
        "nurse", "nurses", "member", "members", "doctor", "doctors", "hospital", "fiancé", "teachers", "aiders",
        "firefighter", "firefighters", "they've", "surgery", "ward", "hems", "grandson", "granddaughter",
        "niece", "nephew", "cousin", "fiance", "fiancee", "spouse", "hubby", "missus", "mummy", "daddy", "twin",
        "workmate", "coworker", "boss", "housemate", "landlord", "landlady", "worker", "assistant", "childminder",
        "nanny", "passer", "public", "mate", "receptionist", "aider", "responder", "responders", "cardiology",
        "pharmacy", "clinic", "team", "unit", "centre", "center", "patrol", "security", "guard", "coach", "caller",
        "law", "nursing", "porter", "porters", "concierge", "steward", "stewards", "lifeguard", "warden", "caretaker",
        "barman", "barmaid", "bartender", "physio", "physios", "physiotherapist", "optician", "chemist", "pal", "pals",
        "butty", "butties", "chum",
    ]
    /// Givers only as the verb's own subject, or after "by": "Sarah from next door gave…", "A stranger gave…", "The
    /// fire crew gave…" (elsewhere in a sentence they are mostly something else: "house fire"). Not "lady", "man",
    /// "woman": they mostly describe the patient ("seventy year old lady gave her gtn").
    /// People at work where the crew is called ("The skipper gave him two of his own co-codamol", "A drug shop near
    /// the stage had already given him…", HeldOut23) are here too, not among the givers named anywhere in the
    /// sentence: "We met the skipper at the jetty and gave him…" is the crew's (review 99).
    private static let directGivers: Set<String> = [
        "fire", "fd", "engine", "department", "service", "door", "stranger", "passerby",
        "passersby", "bouncer", "dentist", "someone", "somebody", "anyone", "everyone", "people", "john", "johns",
        "rescue", "skipper", "captain", "farmer", "shop", "shopkeeper", "foreman", "instructor", "ranger", "owner",
        "vet", "guide", "priest", "pastor", "publican", "attendant", "referee", "marshal", "matron", "chaplain",
        "headteacher", "dispensary",
    ]
    /// Only after "by"/"from": the patient dosing himself ("given by the patient himself").
    private static let agentOnlyGivers: Set<String> = ["patient", "pt", "himself", "herself", "themselves"]
    /// The hospital's departments, givers on a transfer ("given nimodipine 60 mg NG and labetalol 10 mg IV by ED",
    /// "had morphine from resus"): see `isDepartmentGiver`.
    private static let departments: Set<String> = ["ed", "er", "resus", "icu", "itu", "hdu", "ccu", "theatres", "recovery"]

    /// The department at `s`, after "by"/"from" at `by`, gave the dose: the word before "by" is of the giving
    /// ("given", "administered", "had", "received", a route, a unit, a number or the drug: "labetalol 10 mg IV by
    /// ED"), and the department ends the clause or names its people or the time ("by ED at 09:50", "by the ED
    /// team", "by CCU this morning"). Not "by ED arrival pain was 4", "as prescribed by ED", "from ED stock", "from
    /// ED to CT", nor "by Ed" (a crewmate's name): "ED" and "ER" only in capitals (review 75).
    private func isDepartmentGiver(_ s: Int, after by: Int) -> Bool {
        guard Self.departments.contains(keys[s]) else { return false }
        if ["ed", "er"].contains(keys[s]), tokens[s].raw != tokens[s].raw.uppercased() { return false }
        let before = key(by - 1) ?? ""
        let giving = ["given", "administered", "had", "received", "gave"].contains(before) || tokens[by - 1].isNumber
            || route(at: by - 1) != nil || Lexicon.doseUnits.candidates(before).contains { $0.0.count == 1 }
            || Lexicon.drugs.candidates(before).contains { $0.0.count == 1 }
        guard giving else { return false }
        let next = s + 1 < tokens.count ? tokens[s + 1] : nil
        return next == nil || next!.kind == .punctuation
            || ["at", "before", "prior", "team", "doctor", "doctors", "doc", "reg", "registrar", "staff", "nurse", "nurses",
                "consultant", "colleagues", "and", "outreach", "this", "earlier", "yesterday", "overnight", "last"]
                .contains(next!.text)
    }
    private static let prepositions: Set<String> = [
        "by", "at", "from", "with", "to", "for", "of", "in", "on", "into", "after", "before", "about", "near",
    ]
    private static let determiners: Set<String> = ["the", "his", "her", "their", "a", "an", "my", "our", "its"]
    /// After "I"/"we" in the middle of a sentence: the speaker's belief, not the subject of the giving ("His wife,
    /// I believe, gave him aspirin").
    private static let beliefVerbs: Set<String> = [
        "believe", "think", "thought", "reckon", "understand", "gather", "guess", "suppose", "know", "heard", "hear",
        "understood", "gathered", "learned", "learnt",
    ]

    func isOtherGiverWord(_ word: String) -> Bool {
        Lexicon.thirdPartyGivers.contains(word) || Self.otherGivers.contains(word)
    }

    /// "The home help gave her two paracetamol", "given by the home help": a carer who comes to the house. "Help"
    /// alone is no one ("We called for help, gave him aspirin", "GTN didn't help, gave morphine": review 52).
    func isHomeHelp(_ s: Int) -> Bool {
        keys[s] == "help" && key(s - 1) == "home"
    }

    /// Whether the sentence names someone other than the crew as the giver of the drug at `i..<end`:
    /// - "by" or "from" + a giver after the drug, in its sentence before the crew speaks ("Aspirin 300 mg, given at
    ///   home by his wife", "He was given aspirin by the GP", "had 300 mg aspirin from the GP");
    /// - "self-administered", "self-medicated" before it;
    /// - a verb of giving after the drug (`verbAfter`) with a subject of its own: that subject decides ("Aspirin 300
    ///   mg his wife gave him"); a subjectless one ("… given at 6") leaves it to the verb before;
    /// - otherwise the subject of the nearest verb of giving before it in its sentence (`giver(ofVerb:)`), unless
    ///   the crew speaks between the verb and the drug; "We were told he was given…" is reported, so neither.
    ///   "started", "commenced" or "put" … "on" + the drug with no route after it is a prescription: the crew's only
    ///   when the crew is the subject ("The GP started him on ramipril", "Recently commenced on apixaban" are
    ///   neither; "Started on salbutamol 5 mg nebulised" is the crew's).
    func isGivenByNamedOther(_ i: Int, _ end: Int) -> Bool {
        if let agent = agent(after: end), agent == .other { return true }
        // "… gave him 400 mg ibuprofen from the first aid box, not us", "that's Mum's, not ours": disowned in its
        // sentence after the drug.
        var n = end
        while n + 1 < tokens.count, n < end + 16, !isSentenceEnd(n) {
            // (Ending its clause, or "but" someone else: not "not ours to worry about now".)
            let e = key(n + 1) == "by" ? n + 3 : n + 2
            if keys[n] == "not", ["us", "ours"].contains(key(n + 1) ?? "") || (key(n + 1) == "by" && key(n + 2) == "us"),
               e >= tokens.count || isSentenceEnd(e) || isPunct(e, ",") || isPunct(e, "-") || key(e) == "but" {
                return true
            }
            n += 1
        }
        var c = i - 1
        while c >= 0, i - c <= 12, !isSentenceEnd(c) {
            if keys[c] == "self", key(c + 1).map({ $0.hasPrefix("administ") || $0.hasPrefix("medicat") }) ?? false
                || (isPunct(c + 1, "-") && (key(c + 2).map { $0.hasPrefix("administ") || $0.hasPrefix("medicat") } ?? false)) {
                return true
            }
            c -= 1
        }
        // A verb of giving after the drug governs it: its own subject decides ("Aspirin 300 mg his wife gave him",
        // "GTN 400 mcg SL which his wife gave", "Calpol mum gave at 6", "Aspirin 300 mg, the GP gave it").
        // A subjectless one ("mum gave calpol 5 ml given at 6") leaves the verb before it to decide.
        if let after = verbAfter(end) {
            switch giver(ofVerb: after) {
            case .other: return true
            case .crew: return false
            case .unsaid: break
            }
        }
        guard let v = governingVerb(before: i) else { return false }
        // "the home help gave her two paracetamol morphine two point five milligrams i v given": a second drug with
        // its own subjectless "given" straight after its dose is a new item, not the first giver's (unpunctuated
        // speech-engine text; review 66). Not "and" straight before it ("gave him aspirin and GTN given at six"), nor
        // after a first drug with a dose of its own ("wife gave him aspirin 300 mg GTN 400 micrograms given"), nor
        // with more of the giving after "given" (`endsTheGiving`), and only by a crew's route (review 67).
        if (v + 1..<i).contains(where: { longest(Lexicon.drugs, at: $0) != nil }), key(i - 1) != "and",
           !(v + 1..<i).contains(where: { Lexicon.doseUnitsWords.contains(keys[$0]) }),
           let given = givenAfterDose(end), endsTheGiving(given + 1), hasCrewsRoute(from: end, to: given + 2) {
            return false
        }
        let who = giver(ofVerb: v)
        // "We were told he was given aspirin 300 mg", "apparently given aspirin": a dose someone reported.
        if who == .unsaid, (max(0, v - 6)..<v).contains(where: { ["told", "apparently", "reportedly", "allegedly"].contains(keys[$0]) }),
           !(max(0, v - 6)..<v).contains(where: { isSentenceEnd($0) }) {
            return true
        }
        if ["started", "commenced", "put"].contains(keys[v]), key(i - 1) == "on",
           !hasRoute(after: end), !Lexicon.intravenousFluids.contains(longest(Lexicon.drugs, at: i)?.value ?? "") {
            return who != .crew
        }
        return who == .other
    }

    /// What may follow the crew's own "given" (review 67): the end of its clause, a route, a clock time, a vital, "x2",
    /// "twice", "with good effect". Not "given earlier", "given this morning", "given 2 hours ago", "given by the GP",
    /// "given every morning", "given her frailty".
    private func endsTheGiving(_ g: Int) -> Bool {
        if g >= tokens.count || isSentenceEnd(g) || isPunct(g, ",") || route(at: g) != nil || startsVital(g) { return true }
        if ["x2", "twice", "with"].contains(keys[g]) { return true }
        // "given at 10:10", not "given at 7 this morning", "given at 6 am" (a morning's, before the call).
        if keys[g] == "at", let t = numbers.parse(at: g + 1) {
            return !["this", "am", "last", "home", "ago"].contains(key(t.end) ?? "")
        }
        return false
    }

    /// A route only a crew gives by (IV, IO, nebulised) in `from..<to`: "his wife gave him aspirin GTN 400 micrograms
    /// given" may be the wife's GTN; "… morphine five milligrams i v given" is the crew's (review 67).
    private func hasCrewsRoute(from: Int, to: Int) -> Bool {
        (from..<min(to, tokens.count)).contains { q in route(at: q).map { ["IV", "IO", "NEB"].contains($0.route) } ?? false }
    }

    /// "given" or "administered" straight after the drug's dose (numbers, units, a route: "morphine two point five
    /// milligrams i v given"), at most eight words on.
    private func givenAfterDose(_ end: Int) -> Int? {
        var q = end
        while q < tokens.count, q < end + 9 {
            if ["given", "administered"].contains(keys[q]) { return q }
            if let r = route(at: q) { q = r.end; continue }
            guard tokens[q].isNumber || numbers.isNumberWord(q) || Lexicon.doseUnitsWords.contains(keys[q])
                    || ["point", "i", "v", "m"].contains(keys[q]) else { return nil }
            q += 1
        }
        return nil
    }

    /// The first active verb of giving after the drug in its sentence (up to 17 words, before the crew speaks,
    /// another drug, "as", "because", "since"), straight on or, past up to three commas, "but", "so", "not",
    /// "never", only with "it"/"them" after it ("…, never given by us, mum gave it").
    private func verbAfter(_ end: Int) -> Int? {
        var k = end
        var commas = 0
        // (Not past "as", "because", "since", "but", "so" or a negation: "we gave aspirin 300 mg as his wife had not
        // given any".)
        // "but", "so" and a comma are soft: past them the verb counts only with "it"/"them" after it ("Calpol 5 ml at
        // 6 so mum gave it", "Aspirin 300 mg at 13:00 but not from us, the GP gave it").
        while k < tokens.count, k < end + 18, !isSentenceEnd(k), longest(Lexicon.drugs, at: k) == nil, !isCrewSubject(k),
              !["as", "because", "since", "hadn't", "hasn't", "didn't"].contains(keys[k]) {
            if isPunct(k, ",") || ["but", "so", "not", "never"].contains(keys[k]) {
                commas += 1
                if commas > 3 { return nil }
            }
            if Self.activeGivingVerbs.contains(keys[k]), !isGivenInAnotherSense(k),
               commas == 0 || ["it", "them"].contains(key(k + 1) ?? "") {
                return k
            }
            k += 1
        }
        return nil
    }

    /// "by"/"from" + (up to three words of) a giver after the drug, before another drug, the crew speaking or the
    /// sentence's end: `.other` for a giver, `.crew` for "by us", "by my partner", "by the crew"; nil otherwise
    /// ("titrated by pain score", "given by mouth").
    func agent(after end: Int) -> Giver? {
        // Only with a verb of giving or receiving in the drug's clause ("given … by", "was given … by", "had … from"):
        // "history from his wife", "found by his daughter", "then sandwiches from his daughter" name no giver.
        let receiving: Set<String> = ["given", "gave", "administered", "had", "received", "started", "put", "prescribed",
                                      "commenced", "dosed", "he'd", "she'd", "they'd"]
        let start = clauseStart(max(0, end - 1))
        var hasVerb = (start..<end).contains { receiving.contains(keys[$0]) }
        var k = end
        while k < tokens.count, k < end + 14, !isSentenceEnd(k), longest(Lexicon.drugs, at: k) == nil,
              !isCrewSubject(k) {
            // Past a comma only into ", given by …", ", administered at home by …".
            if isPunct(k, ",") {
                // ", from his wife": the giver straight after the comma.
                if key(k + 1) == "from" { hasVerb = true } else if !["given", "administered"].contains(key(k + 1) ?? "") {
                    return nil
                }
            }
            if receiving.contains(keys[k]) { hasVerb = true }
            // Not the one who advised it: "as advised by the cardiology registrar", "on advice from the GP".
            if hasVerb, ["by", "from"].contains(keys[k]), !["advised", "advice", "suggested", "recommended", "instructed",
                                                   "directed", "discussed", "agreed", "authorised", "authorized",
                                                   "approved", "guidance", "requested", "told"].contains(key(k - 1) ?? "") {
                if ["us", "me", "crew", "ambulance", "ourselves", "myself"].contains(key(k + 1) ?? "") {
                    // "so not repeated by us", "never given by us": no dose of the crew's.
                    if (max(end, k - 3)..<k).contains(where: { ["not", "never", "nothing", "none", "no"].contains(keys[$0]) }) {
                        return nil
                    }
                    return .crew
                }
                var s = k + 1
                var words = 0
                while s < tokens.count, words < 4, tokens[s].isWord {
                    if ["my", "our"].contains(keys[s]), Self.crewNouns.contains(key(s + 1) ?? "") { return .crew }
                    if keys[s] == "the", key(s + 1) == "crew" { return .crew }
                    // (The home help only after "by": "given with help from the home help" is the crew's, review 66.)
                    if isOtherGiverWord(keys[s]) || Self.agentOnlyGivers.contains(keys[s]) || Self.directGivers.contains(keys[s])
                        || (isHomeHelp(s) && keys[k] == "by") || (s == k + 1 && isDepartmentGiver(s, after: k))
                        || (s == k + 2 && keys[k + 1] == "the" && isDepartmentGiver(s, after: k)) {
                        return .other
                    }
                    // "by Sarah": a name (capitalised, not an abbreviation such as "IV").
                    if words == 0, tokens[s].raw.first?.isUppercase == true, tokens[s].raw.count > 2,
                       tokens[s].raw.dropFirst().allSatisfy({ $0.isLowercase }), !Self.crewNouns.contains(keys[s]) {
                        return .other
                    }
                    // (Past a specialty before a giver: "by the haemophilia nurse", "by the diabetes team"; not
                    // past a preposition or a route: "given by mouth", "by slow IV".)
                    if !Self.determiners.contains(keys[s]), !["community", "first", "school", "practice", "district",
                                                               "previous", "other", "local", "out", "off", "duty",
                                                               "care", "nursing", "home", "walk", "minor", "injuries",
                                                               "st", "john", "johns"].contains(keys[s]),
                       words == 0 || Self.prepositions.contains(keys[s]) || route(at: s) != nil
                        || !Self.determiners.contains(keys[s - 1]) || !(s + 1 < tokens.count && tokens[s + 1].isWord
                            && (isOtherGiverWord(keys[s + 1]) || Self.directGivers.contains(keys[s + 1]))) {
                        break
                    }
                    s += 1
                    words += 1
                }
            }
            k += 1
        }
        return nil
    }

    /// "Ibuprofen we gave at 14:20", "GTN we've given", "aspirin 300 mg we gave": the drug said first, then the
    /// crew's verb with nothing given after it: `k` (a crew subject) at most four words after the drug's end at
    /// `drugEnd`, not after "and"/"so"/"then"/"but", and after the verb only the end of the clause, "at", "it", a
    /// number or a route. Not "he's on ramipril we gave aspirin", "he takes ramipril and we gave him three hundred
    /// milligrams of aspirin", "he takes warfarin we gave him nothing else".
    func isCrewVerbAboutDrugBefore(_ k: Int, drugEnd: Int) -> Bool {
        guard k - drugEnd <= 4, isCrewSubject(k), !["and", "so", "then", "but"].contains(key(k - 1) ?? "") else {
            return false
        }
        var v = k + 1
        if ["then", "also", "just", "have", "had"].contains(key(v) ?? "") { v += 1 }
        guard let verb = key(v), Lexicon.givenDoneVerbs.contains(verb) else { return false }
        let a = v + 1
        if a >= tokens.count || isSentenceEnd(a) || isPunct(a, ",") { return true }
        // A number or a route only when no drug follows it ("we have given 300 mg aspirin" is the aspirin's dose).
        let noDrugAfter = !(a...a + 4).contains { longest(Lexicon.drugs, at: $0) != nil }
        return ["at", "it", "them", "both"].contains(keys[a])
            || (noDrugAfter && (numbers.parse(at: a) != nil || route(at: a) != nil))
    }

    /// The crew as the subject of what follows `k`: "we"/"I" (not "I believe", not "who we spoke to"), "my
    /// partner", "our crewmate", "the crew".
    func isCrewSubject(_ k: Int) -> Bool {
        guard k >= 0, k < keys.count else { return false }
        // "given by my crewmate at 14:20": an agent, no new clause; "the nurse we spoke to": a relative clause.
        if key(k - 1) == "by" || (["my", "our"].contains(key(k - 1) ?? "") && key(k - 2) == "by") { return false }
        if Lexicon.crewPronouns.contains(keys[k]), let before = key(k - 1), isOtherGiverWord(before) { return false }
        // "We were told he had aspirin", "we understand": the crew reporting, not acting.
        if Lexicon.crewPronouns.contains(keys[k]), ["were", "are", "'re", "have", "had", "'ve", "been"].contains(key(k + 1) ?? ""),
           ["told", "informed", "advised", "called", "been"].contains(key(k + 2) ?? "") {
            return false
        }
        if Lexicon.crewPronouns.contains(keys[k]) {
            // "I am" is an engine's "IM" ("500 micrograms I am into the thigh at 1422").
            if Self.beliefVerbs.contains(key(k + 1) ?? "") || (keys[k] == "i" && key(k + 1) == "am") { return false }
            if ["who", "whom", "that", "which", "whether"].contains(key(k - 1) ?? "") { return false }
            return true
        }
        if Self.crewNouns.contains(keys[k]), ["my", "our"].contains(key(k - 1) ?? "") || keys[k] == "crewmate" {
            return true
        }
        if isCrewNurse(k) { return true }
        // "wife gave him aspirin crew gave gtn", "the crew gave".
        if keys[k] == "crew", let next = key(k + 1), Lexicon.givenDoneVerbs.contains(next) || next == "then" { return true }
        return false
    }

    /// "flight nurse", "critical care nurse", "our nurse", "HEMS nurse": a nurse of the crew's team.
    func isCrewNurse(_ k: Int) -> Bool {
        guard ["nurse", "nurses"].contains(key(k) ?? "") else { return false }
        return ["flight", "our", "my", "hems", "retrieval", "transfer"].contains(key(k - 1) ?? "")
            || (key(k - 1) == "care" && key(k - 2) == "critical")
    }

    /// The nearest verb of giving before the drug at `i` in its sentence (up to 25 words back). None when the crew
    /// speaks between them ("Mum gave Calpol we arrived and ibuprofen 200 mg"), past "so", "but", "instead",
    /// "therefore", "hence" (a new statement: "Wife had given him aspirin so GTN 400 micrograms SL"), or past a
    /// comma not followed by "and", "then", "plus", "also" ("Mum gave 2 puffs of salbutamol, 5 mg salbutamol
    /// nebulised"; but "Mum gave her 5 ml of Calpol, and 2.5 ml of ibuprofen").
    func governingVerb(before i: Int) -> Int? {
        var j = i - 1
        while j >= 0, i - j <= 25, !isSentenceEnd(j) {
            if Self.activeGivingVerbs.contains(keys[j]) { return j }
            if isCrewSubject(j) { return nil }
            if ["so", "but", "instead", "therefore", "hence"].contains(keys[j]) { return nil }
            if isPunct(j, ","), !["and", "then", "plus", "also"].contains(key(j + 1) ?? "") { return nil }
            j -= 1
        }
        return nil
    }

    /// The subject of the verb of giving at `v`:
    /// - `.crew`: "we"/"I" (not reported: `isReported`; not "his wife and I" opening the clause), "my/our" + a crew
    ///   noun, a crew noun alone opening its clause ("Partner gave…"), "crew" unless another crew is meant, a crew
    ///   nurse ("flight nurse").
    /// - `.other`: "she", "he", "they", "who", "someone"; a giver word (`Lexicon.thirdPartyGivers`, nurses,
    ///   doctors, hospitals…) not after a preposition ("found by police" is no subject), or
    ///   the name after one ("His daughter Sarah gave…", "The nursing home gave…"); a crew noun after "his"/"her"/
    ///   "their" ("his partner" is a spouse) or after another modifier ("the previous crew", "the paramedic").
    /// - `.unsaid`: a passive ("He was given…"), or no subject before the verb ("Gave aspirin", "On arrival, gave…",
    ///   "pain eight so gave morphine"): then the nearest party named earlier in the sentence decides
    ///   (`elidedGiver`).
    func giver(ofVerb v: Int) -> Giver {
        // "gave herself glucagon", "had given himself insulin", "injected himself with": the patient.
        if (v + 1...v + 2).contains(where: { ["himself", "herself", "themselves", "myself"].contains(key($0) ?? "") }) {
            return .other
        }
        var s = v - 1
        var perfect = false
        while let w = key(s), Self.betweenSubjectAndVerb.contains(w) {
            if ["had", "has", "have"].contains(w) { perfect = true }
            s -= 1
        }
        if Self.participles.contains(keys[v]), let w = key(s), Self.passiveAuxiliaries.contains(w) { return .unsaid }
        // "patient given aspirin", "pt administered 324 mg": a participle without "had"/"has"/"'s" names the one
        // who received it ("Mum's given him Calpol", "she'd given" are the giver's).
        if keys[v] == "given", !perfect, !(s >= 0 && s < tokens.count && tokens[s].text.hasSuffix("'s")),
           !["she'd", "he'd", "they'd", "we'd", "i'd", "we've", "i've", "they've"].contains(key(s) ?? "") {
            return .unsaid
        }
        if Self.participles.contains(keys[v]), !perfect, ["patient", "pt"].contains(key(s) ?? "") { return .unsaid }
        // "self-administered", "self administered": the patient.
        if key(s) == "self" || (isPunct(s, "-") && key(s - 1) == "self") { return .other }
        // "His wife, I believe, gave…", "His wife, who is 76 and very anxious about him, gave…": a giver opening the
        // sentence (up to three words) before an aside of up to ten words between commas.
        if isPunct(s, ","), let open = (max(0, s - 11)..<s).last(where: { isPunct($0, ",") }),
           !(open..<s).contains(where: { isSentenceEnd($0) }) {
            var first = open - 1
            while first > 0, !isSentenceEnd(first - 1), open - first < 3 { first -= 1 }
            if first == 0 || isSentenceEnd(first - 1),
               (first..<open).contains(where: { isOtherGiverWord(keys[$0]) && !isPrepositionObject($0) }) {
                return .other
            }
        }
        guard s >= 0, s < tokens.count, !isSentenceEnd(s), tokens[s].isWord else { return elidedGiver(before: s) }
        let word = keys[s]
        if Lexicon.crewPronouns.contains(word) {
            if isReported(before: s) { return .other }
            // "His wife and I gave…", "she and I gave…": a pair with someone else ("…the heart failure, and we gave…"
            // joins two clauses; "My partner and I gave…" stays the crew's).
            // X must open its clause: "We reassured his wife and I gave him morphine" is the crew's.
            if key(s - 1) == "and", let p = key(s - 2), isOtherGiverWord(p) || Self.otherPronouns.contains(p) {
                var q = s - 3
                while let w = key(q), Self.determiners.contains(w) { q -= 1 }
                // (After "then", "so", "and", "on arrival" too: "On arrival his wife and I gave…".)
                while let w = key(q), ["then", "so", "and", "also", "arrival", "on"].contains(w) { q -= 1 }
                if q < 0 || isSentenceEnd(q) || isPunct(q, ",") { return .other }
            }
            return .crew
        }
        if Self.crewNouns.contains(word) {
            let before = key(s - 1) ?? ""
            if ["my", "our"].contains(before) { return isReported(before: s - 1) ? .other : .crew }
            // "crew" is the crew unless another crew is meant ("the previous crew", "the HEMS crew").
            if word == "crew" {
                return ["previous", "first", "other", "another", "day", "night", "hems", "his", "her", "their", "a",
                        "an", "earlier", "last", "helicopter", "air", "fire", "engine", "rescue", "police", "event",
                        "festival"].contains(before) ? .other : .crew
            }
            // Bare at the start of its clause ("Partner gave 324 mg aspirin PO") is the crew's; after any other word
            // it is someone else's ("the patient's partner", "off duty paramedic", "event medic", "the tech at the
            // gym", "the previous crew").
            if s == 0 || isSentenceEnd(s - 1) || isPunct(s - 1, ",") || ["and", "then", "so"].contains(before) {
                return .crew
            }
            return .other
        }
        if isCrewNurse(s) { return isReported(before: s) ? .other : .crew }
        // "she"/"he"/"they": the crew only when the nearest person named before it in the sentence is a crewmate
        // ("Crewmate cannulated and she gave her ketamine"); a name, a relative or nobody gives neither (review
        // rounds 8 and 9: "mum says sarah arrived and she gave…").
        // Only "<crewmate> … and she gave", the crewmate opening the sentence (within its first three words) and
        // "and" straight before the pronoun: "My partner assessed her, she had given herself…", "my colleague spoke
        // to sarah she gave him aspirin" are neither.
        // (Not "found collapsed in the shop gave…", "he's a sheep farmer gave him…", "my instructor gave…": a
        // preposition's object, a predicate, the crew's own; review 102.)
        if Self.directGivers.contains(word), !isPrepositionObject(s), !isPredicate(s),
           !["my", "our"].contains(key(s - 1) ?? "") {
            return .other
        }
        // "Out of hours gave clarithromycin": the GP out-of-hours service.
        if word == "hours", key(s - 1) == "of", key(s - 2) == "out" { return .other }
        if Self.otherPronouns.contains(word) {
            if ["she", "he", "they"].contains(word), key(s - 1) == "and" {
                var first = s - 1
                while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
                let opener = (first..<min(first + 3, s)).contains { q in
                    keys[q] == "crewmate" || isCrewNurse(q)
                        || (Self.crewNouns.contains(keys[q]) && ["my", "our"].contains(key(q - 1) ?? ""))
                }
                if opener, !(first..<s).contains(where: { isOtherGiverWord(keys[$0]) || isPunct($0, ",") }) { return .crew }
            }
            return .other
        }
        // "The tech at the gym gave…", "the nurse at the care home gave…": the head before a prepositional phrase.
        // (Not a conjunction, which is no noun: "We met the skipper at the jetty and gave him…" is the crew's.)
        // (Nor the object of the crew's verb: "We met the farmer in the field then gave her…"; review 102.)
        if !["and", "then", "so", "but", "or"].contains(word), isPrepositionObject(s), let p = (max(0, s - 4)..<s).last(where: { Self.prepositions.contains(keys[$0]) }),
           let head = key(p - 1), !isObjectOfCrewsVerb(p - 1) {
            if isOtherGiverWord(head) || Self.directGivers.contains(head) { return .other }
            // "a lady from the next campsite gave him two Benadryl": a person from somewhere else (HeldOut21).
            if keys[p] == "from", ["lady", "man", "woman", "gentleman", "bloke", "guy", "fella", "chap", "girl", "boy",
                                   "person", "fellow"].contains(head) {
                return .other
            }
            // "One of the carers gave…", "one of his friends gave…".
            if ["one", "some", "all", "both", "two", "none", "several", "each", "any"].contains(head),
               isOtherGiverWord(word) {
                return .other
            }
            if Self.crewNouns.contains(head), !["my", "our"].contains(key(p - 2) ?? ""), p - 1 > 0, !isSentenceEnd(p - 2) {
                return .other
            }
        }
        if isOtherGiverWord(word) || isHomeHelp(s) {
            return isPrepositionObject(s) ? elidedGiver(before: s) : .other
        }
        // "Janice gave her two paracetamol", "Harrogate gave levetiracetam": the name of someone the handover
        // introduces as someone else ("carer Janice", "from Harrogate ED").
        if isOthersName(s), !isPrepositionObject(s) { return .other }
        // A name after a giver word ("His daughter Sarah gave…", "her husband mark gave…", "The nursing home
        // gave…"), unless that word is a preposition's object.
        for d in [s - 1, s - 2] where d >= 0 && tokens[d].isWord && isOtherGiverWord(keys[d]) {
            if (d...s).contains(where: { !tokens[$0].isWord }) { break }
            if isPrepositionObject(d) { break }
            return .other
        }
        return elidedGiver(before: s)
    }

    /// "Her daughter found her, put a pillow under her head and gave her two paracetamol", "Their team physio checked
    /// him with her own kit, …, and gave him two ibuprofen": a verb of giving after "and" (at `s`), in a sentence
    /// that opens with someone else doing something (up to four words of a giver or a name, then a verb in the past,
    /// not one of reporting), shares that subject. Not when anyone else is a subject on the way (the crew, a crew
    /// word, "she", "he", "they"), nor past "so", "but", "when", "on arrival"… or more than three commas ("Wife
    /// stated onset at 13:00, gave aspirin" has no "and": the crew's clipped note).
    private func isJoinedToOpeningGiver(_ s: Int) -> Bool {
        guard key(s) == "and" else { return false }
        var first = s
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        var verb: Int?
        var g = first
        while g < min(first + 4, s), tokens[g].isWord {
            if isOtherGiverWord(keys[g]) {
                var v = g + 1
                // ("Her daughter Sarah found her", "Their team physio checked him", "The carer had already rung".)
                while v < s, v < first + 5, isOtherGiverWord(keys[v]) || isOthersName(v) { v += 1 }
                while let w = key(v), Self.betweenSubjectAndVerb.contains(w) { v += 1 }
                if let w = key(v), v < s, Self.pastTenseVerbs.contains(w) || (w.hasSuffix("ed") && w.count > 4),
                   !Lexicon.reportingVerbs.contains(w) {
                    verb = v
                }
                break
            }
            g += 1
        }
        guard let verb, !isPrepositionObject(g) else { return false }
        let blockers: Set<String> = [
            "we", "we've", "we'd", "i", "i've", "us", "she", "he", "they", "she'd", "he'd", "they'd", "so", "but", "when",
            "while", "until", "till", "before", "after", "because", "as", "arrival", "who", "which", "then",
        ]
        var commas = 0
        for q in verb + 1..<s {
            if isPunct(q, ",") { commas += 1 }
            if commas > 3 || isPunct(q, ":") || blockers.contains(keys[q]) || Self.crewNouns.contains(keys[q]) { return false }
        }
        return true
    }

    /// Past-tense verbs that do not end in "-ed", for `isJoinedToOpeningGiver`.
    private static let pastTenseVerbs: Set<String> = [
        "found", "put", "gave", "took", "got", "did", "rang", "came", "sat", "brought", "kept", "made", "went", "ran",
        "held", "saw", "fetched", "laid", "lay", "drove", "stayed", "sent",
    ]

    /// The name at `k` of someone other than the crew, of a person or a place ("Janice", "Harrogate"): a capitalised
    /// word of three letters or more (no drug, title, day or crew word; not after "Dr", "ECP", "HCA"…) that the
    /// handover also writes straight after a word for someone else ("carer Janice", "her husband Geoff", "neighbour
    /// Grace"), before one after a comma ("Geoff, her husband"), or before a word for a hospital or a surgery ("from
    /// Harrogate ED", "Harrogate General"). A name the text never introduces so is nobody's in particular: the
    /// patient's, a crewmate's ("Dave gave morphine"), a place the crew went to. Not a name the crew gives itself
    /// anywhere ("my crewmate today is Dave", "working with Sarah", "me and Liam", "I'm Sam"). Engines that write
    /// everything in lower case name nobody.
    func isOthersName(_ k: Int) -> Bool {
        guard k >= 0, k < tokens.count, tokens[k].isWord else { return false }
        let base = Self.nameBase(tokens[k].raw)
        guard base.count >= 3, base.first?.isUppercase == true, base.dropFirst().allSatisfy({ $0.isLowercase }),
              !Self.crewNouns.contains(keys[k]), !Self.notNames.contains(keys[k]), !Lexicon.titles.contains(keys[k]),
              longest(Lexicon.drugs, at: k) == nil,
              !["dr", "doctor", "ecp", "hca", "eca", "emt", "paramedic", "medic", "tech"].contains(key(k - 1) ?? "") else {
            return false
        }
        let places = tokens.indices.filter { tokens[$0].isWord && Self.nameBase(tokens[$0].raw) == base }
        let mates: Set<String> = ["crewmate", "colleague", "partner", "educator", "mentor", "trainee", "preceptor",
                                  "student", "tech", "technician", "paramedic", "emt", "eca", "ecp", "hca", "medic",
                                  "driver", "crew"]
        let facilities: Set<String> = ["ed", "a&e", "hospital", "infirmary", "general", "royal", "ward", "surgery",
                                       "practice", "clinic", "unit", "icu", "hdu", "mau", "amu"]
        var introduced = false
        for j in places {
            // The crew's own: a crew word up to four words before it ("my crewmate today is Dave"), "working with
            // Sarah", "me and Liam", "I'm Sam", "my name's Sam", or "Linda, my practice educator".
            if (max(0, j - 4)..<j).contains(where: { mates.contains(keys[$0]) }) { return false }
            if (key(j - 1) == "with" && key(j - 2) == "working") || (key(j - 1) == "and" && key(j - 2) == "me")
                || key(j - 1) == "i'm" || (key(j - 1) == "am" && key(j - 2) == "i") || key(j - 1) == "name"
                || (key(j - 1) == "is" && key(j - 2) == "name") {
                return false
            }
            if isPunct(j + 1, ","), ["my", "our"].contains(key(j + 2) ?? ""),
               (j + 3..<min(tokens.count, j + 6)).contains(where: { mates.contains(keys[$0]) }) {
                return false
            }
            // Introduced as someone else: "carer Janice", "her husband Geoff", "Geoff, her husband", "from Harrogate
            // ED".
            if let before = key(j - 1), isOtherGiverWord(before) || Self.directGivers.contains(before), j > 0, tokens[j - 1].isWord {
                introduced = true
            }
            if isPunct(j + 1, ",") {
                var r = j + 2
                while let w = key(r), Self.determiners.contains(w) { r += 1 }
                if let w = key(r), isOtherGiverWord(w) { introduced = true }
            }
            if let after = key(j + 1), facilities.contains(after) { introduced = true }
        }
        return introduced
    }

    private static func nameBase(_ raw: String) -> Substring {
        for suffix in ["'s", "\u{2019}s"] where raw.hasSuffix(suffix) { return raw.dropLast(2) }
        return Substring(raw)
    }

    /// Capitalised words that are no one's name.
    private static let notNames: Set<String> = Lexicon.weekdays.union([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "christmas", "easter", "patient", "the", "then", "and", "also", "she", "he", "they", "we", "her",
        "his", "this", "that", "god", "mum", "dad", "nan", "gran", "grandma", "grandpa", "mummy", "daddy", "auntie",
        "uncle",
    ])

    /// Whether the word at `s` (after any determiners and one modifier) follows a preposition: "found by police",
    /// "lives with his daughter", "at the scene".
    private func isPrepositionObject(_ s: Int) -> Bool {
        var p = s - 1
        var modifiers = 0
        while let w = key(p), Self.determiners.contains(w) || (modifiers < 1 && tokens[p].isWord
                                                               && !Self.prepositions.contains(w)
                                                               && Self.determiners.contains(key(p - 1) ?? "")) {
            if !Self.determiners.contains(w) { modifiers += 1 }
            p -= 1
        }
        return Self.prepositions.contains(key(p) ?? "")
    }

    /// The noun at `s` ends a phrase (up to three words of determiners and modifiers) that follows a copula: "he's a
    /// sheep farmer", "patient is the shop owner". What he is, not who gave.
    private func isPredicate(_ s: Int) -> Bool {
        var q = s - 1
        while q >= 0, s - q <= 3, tokens[q].isWord {
            // ("he's" is "he" among the keys.)
            if ["is", "was", "he's", "she's", "being", "as", "are", "were"].contains(tokens[q].text) { return true }
            q -= 1
        }
        return false
    }

    /// The noun phrase ending at `head` (up to three words of determiners and modifiers) is the object of a verb whose
    /// subject is the crew, in its part of the sentence: "We met the farmer in the field", "We met the tech at the
    /// station". Not past a comma, "and", "but", "so", "then".
    private func isObjectOfCrewsVerb(_ head: Int) -> Bool {
        var q = head - 1
        while q >= 0, !isSentenceEnd(q), !isPunct(q, ","), !["and", "but", "so", "then"].contains(keys[q]) {
            if isCrewSubject(q) { return true }
            q -= 1
        }
        return false
    }

    /// No subject right before the verb: the nearest party named earlier in the sentence (up to 25 words, not past
    /// a comma, "so", "on arrival", "took over") decides.
    /// The crew as a subject (`isCrewSubject`) → `.crew` (`.other` in reported speech); a giver word that is no
    /// preposition's object → `.other` ("Wife found him on the floor and gave him aspirin"). "he"/"she" are not
    /// used here: they are mostly the patient ("He was in pain so gave morphine"). Nobody → `.unsaid`.
    private func elidedGiver(before s: Int) -> Giver {
        var q = s
        while q >= 0, s - q <= 25, !isSentenceEnd(q) {
            // Not past a comma, "so", "on arrival", "took over": "Wife doing CPR on arrival, took over and gave
            // adrenaline", "Daughter anxious on scene, so gave him morphine".
            if q < s, isPunct(q, ",") || keys[q] == "so" || (keys[q] == "arrival" && key(q - 1) == "on")
                || (keys[q] == "over" && key(q - 1) == "took") {
                return isPunct(q, ",") && isJoinedToOpeningGiver(s) ? .other : .unsaid
            }
            if isCrewSubject(q) { return isReported(before: q) ? .other : .crew }
            if isCrewNurse(q) { return .crew }
            // Not a modifier: "bystander CPR on arrival gave adrenaline", "family history of…".
            if q < keys.count, isOtherGiverWord(keys[q]), !isPrepositionObject(q),
               longest(Lexicon.interventions, at: q + 1) == nil, !["history", "hx"].contains(key(q + 1) ?? "") {
                return .other
            }
            q -= 1
        }
        return .unsaid
    }

    /// A reporting verb right before `s` (past "that", a comma or words of when: "Wife states I gave…", "Mum says
    /// that we gave…", "Mum says at about 6 I gave…", "so she goes I gave…") said by someone other than the crew,
    /// or a ":" or a quotation mark right before it. Further back, in unpunctuated engine text, a reporting verb is
    /// mostly another statement ("so sweat said that's ninety four … we've given aspirin").
    private func isReported(before s: Int) -> Bool {
        if isPunct(s - 1, ":") || isPunct(s - 1, "\"") || isPunct(s - 1, "\u{201C}") { return true }
        // The reporting verb right before (past "that", a comma), said by someone who is not the crew: not "As I
        // said, we gave…", "like i said we gave", "ECG confirmed a STEMI so we gave", "wife says he's diabetic we
        // gave".
        var q = s - 1
        if isPunct(q, ",") || key(q) == "that" { q -= 1 }
        // Past words of when ("Mum says at about 6 I gave…", "Wife says this morning I gave…").
        let when: Set<String> = ["at", "about", "around", "this", "morning", "evening", "afternoon", "earlier", "today",
                                 "yesterday", "night", "last", "then", "approximately", "roughly", "o'clock", "am", "pm"]
        var skipped = 0
        while q >= 0, skipped < 4, let w = key(q), when.contains(w) || tokens[q].isNumber || isPunct(q, ",") {
            q -= 1
            skipped += 1
        }
        guard let verb = key(q), Lexicon.reportingVerbs.contains(verb) || verb == "goes" else { return false }
        let speaker = key(q - 1) ?? ""
        return !Lexicon.crewPronouns.contains(speaker) && !["as", "like"].contains(speaker)
            && !(key(q - 2).map { ["as", "like"].contains($0) } ?? false)
    }
}
