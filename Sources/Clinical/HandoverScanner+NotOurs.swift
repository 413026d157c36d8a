/// Readings the teller says, after saying them, are someone else's: "the medic had his pressure at one sixty over
/// ninety-five and sats ninety-four on the platform. That's the medic's, nae oors", "The grandmother counted her
/// breathing at sixty on the way to the road; that count is hers, not ours", "The facility nurse had a temp of one oh
/// two and sats of eighty-eight…; those are the facility's, not ours", "One of the officers checked her pulse and got
/// one thirty-six, but that was theirs". HeldOut22 read each as the crew's first set, and every set after it one
/// place late.
extension HandoverScanner {
    /// The reading at `i..<end` is disowned by a later clause of its sentence, or by the first words of the next
    /// sentence (`isDisowningClause(at:bounded:)`), at most 30 words on. Only when:
    /// - someone else is named before the reading in its sentence ("The medic had…", "Janice's finger machine said…",
    ///   "Her own thermometer said…"), and nobody new between the reading and the clause ("Sats ninety-two on air,
    ///   the nurse had eighty-eight earlier, that's on her sheet, not ours" disowns the nurse's, not the 92; review
    ///   96);
    /// - no crew pronoun or word of the crew's arrival ("on arrival", "now") is earlier in the reading's sentence or
    ///   between it and the clause ("Our pulse was 92; the nurse's was 110, that's hers, not ours" keeps the 92).
    ///   "before we came", "until we arrived" are no crew's words.
    func isSaidToBeSomeoneElses(_ i: Int, _ end: Int) -> Bool {
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        guard !(s..<i).contains(where: isCrewWord) else { return false }
        // ("Glucose was one point eight on the neighbour's meter, that's the neighbour's, not ours": whose device
        // said it, after the reading.)
        let device = theirDeviceAfter(end)
        guard (s..<i).contains(where: isSomeoneElse) || device != nil else { return false }
        var k = end
        while k < tokens.count, k - end <= 30 {
            if let d = device, k >= d.lowerBound, k < d.upperBound {
                k += 1
                continue
            }
            // (Anywhere, for engine text that has no commas: "…the facility nurse had a temp of … those are the
            // facilities not ours"; "that was theirs" only after a comma, "but", "so" or a stop.)
            let bounded = isPunct(k - 1, ";") || isPunct(k - 1, ",") || isPunct(k - 1, "-") || isSentenceEnd(k - 1)
                || ["but", "so"].contains(key(k - 1) ?? "")
            if isDisowningClause(at: k, bounded: bounded) { return true }
            if isCrewWord(k) || isSomeoneElse(k) { return false }
            if isSentenceEnd(k) {
                // The next sentence's first words only.
                return isDisowningClause(at: k + 1, bounded: true)
            }
            k += 1
        }
        return false
    }

    /// "on the neighbour's meter", "on the carer's machine" within the eight words after a reading ending at `end`,
    /// over its value's words only: the words of that device.
    private func theirDeviceAfter(_ end: Int) -> Range<Int>? {
        var k = end
        while k < tokens.count, k - end <= 8, !isSentenceEnd(k) {
            if keys[k] == "on" {
                var q = k + 1
                if word(q) == "the" { q += 1 }
                guard q < tokens.count, isPossessiveName(q), isSomeoneElse(q) else { return nil }
                var d = q + 1
                while ["home", "own", "wee", "little", "finger", "blood", "bp", "sugar", "smart"].contains(word(d) ?? "") {
                    d += 1
                }
                return Self.theirThings.contains(word(d) ?? "") || ["glucometer", "oximeter", "watch"].contains(word(d) ?? "")
                    ? k..<(d + 1) : nil
            }
            guard tokens[k].isNumber || numbers.isNumberWord(k) || ["over", "point", "/", "%", "percent", "of", "a",
                                                                   "and", "was", "is", "at"].contains(keys[k]) else {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// A crew pronoun or a word of the crew's arrival at `k`; not in "before we came", "until we arrived", "prior to
    /// our arrival".
    func isCrewWord(_ k: Int) -> Bool {
        guard Self.crewWordsAndOurs.contains(keys[k]) else { return false }
        let notYet: Set<String> = ["before", "until", "till", "prior"]
        // (The arrival of "before we arrived", "until our arrival" too.)
        if ["arrived", "arrival"].contains(keys[k]), ["we", "our"].contains(key(k - 1) ?? ""), notYet.contains(key(k - 2) ?? "") {
            return false
        }
        return !notYet.contains(key(k - 1) ?? "") && !(key(k - 1) == "to" && key(k - 2) == "prior")
    }

    private static let crewWordsAndOurs: Set<String> = [
        "we", "we've", "we'd", "we're", "our", "ours", "us", "i", "i've", "i'd", "i'm", "my", "me", "oor", "oors", "mine",
        "arrival", "arrived", "initially", "now", "scene",
    ]

    /// Someone other than the patient and the crew at `k`: a relative, carer, nurse, medic, officer…, a possessive name
    /// ("Janice's", "the medic's"), or "own" ("her own thermometer").
    func isSomeoneElse(_ k: Int) -> Bool {
        guard tokens[k].isWord else { return false }
        return Self.someoneElse.contains(keys[k]) || isCareWorker(k) || Lexicon.relatives.contains(keys[k])
            || Lexicon.thirdPartyGivers.contains(keys[k]) || Self.otherTellers.contains(keys[k]) || keys[k] == "own"
            || (isPossessiveName(k) && !["patient's", "pt's", "casualty's"].contains(tokens[k].text))
    }

    /// People who take readings besides the crew, beyond `someoneElse` (also `dropSetsBeforeTheCrewsFirstSet`).
    static let otherTellers: Set<String> = [
        "medic", "grandmother", "grandma", "granny", "facility", "officer", "officers", "police", "lifeguard",
        "lifeguards", "staff", "carer", "carers", "teacher", "coach", "bystander", "bystanders", "passer-by",
        "neighbour", "neighbor", "friend", "friends", "mate", "mates", "team", "rig", "fire", "firefighters", "firies",
    ]

    /// "that's hers, not ours", "That's the medic's, nae oors", "that count is hers, not ours", "those are the
    /// facility's, not ours", "that's on her sheet, not ours", "but that's her kit, not ours", "it's not ours",
    /// "that was theirs": an opening ("that's", "that is/was", "those are/were", "it's", "they're", "that count is"…,
    /// after an optional "but", "so"), then whose (`ownerEnd(at:)`) and "not ours" ("nae oors", "not our own"), or
    /// "theirs" alone at the clause's end (only `bounded`: after a comma, "but", "so" or a stop). Not "that's his heart rate", "that's his normal", "that's Mum's" (no "not
    /// ours": the patient's mum may be the one who said it, not the one who measured it).
    func isDisowningClause(at start: Int, bounded: Bool) -> Bool {
        var p = start
        if ["but", "so", "and"].contains(word(p) ?? "") { p += 1 }
        // (Not a bare "that's not ours", "it's not ours": what is not theirs is named after it, "the blanket", "that
        // scoop", or not at all; review 96.)
        guard let opened = openingEnd(at: p), let owner = ownerEnd(at: opened) ?? lostPossessiveEnd(at: opened) else {
            return false
        }
        var q = owner
        if isPunct(q, ",") { q += 1 }
        if let n = notOursEnd(at: q) { return !isAfterthought(at: n) }
        // "that was theirs", "that's theirs": the clause ends there.
        return bounded && owner == opened + 1 && tokens[opened].text == "theirs" && !isAfterthought(at: owner)
    }

    /// Engine text loses the possessive: "those are the facilities not ours". "the" and up to two words, then "not
    /// ours".
    private func lostPossessiveEnd(at p: Int) -> Int? {
        guard word(p) == "the" else { return nil }
        return (p + 2...p + 3).first { q in
            q <= tokens.count && (p + 1..<q).allSatisfy { tokens[$0].isWord && !isCrewWord($0) } && notOursEnd(at: q) != nil
        }
    }

    /// The clause names a thing after it, so the thing is what is not theirs: "That's theirs, not ours, the
    /// wheelchair", "… not ours, that scoop" (review 96).
    private func isAfterthought(at k: Int) -> Bool {
        var q = k
        if isPunct(q, ",") || isPunct(q, "-") { q += 1 }
        guard let w = word(q) else { return false }
        return ["the", "that", "this", "those", "these", "a", "an", "his", "her", "their", "its", "it's", "it", "my"]
            .contains(w)
    }

    /// Where the opening at `p` ends: "that's", "it's", "they're", "that is", "that was", "those are", "those were",
    /// "these are", "that count is", "those readings are".
    private func openingEnd(at p: Int) -> Int? {
        guard let first = word(p) else { return nil }
        if ["that's", "it's", "they're", "thats"].contains(first) { return p + 1 }
        guard ["that", "those", "these", "it", "they"].contains(first), let second = word(p + 1) else { return nil }
        let copulas: Set<String> = ["is", "was", "are", "were"]
        if copulas.contains(second) { return p + 2 }
        guard ["that", "those", "these"].contains(first) else { return nil }
        // ("that count is", or "that count's": the tokenizer keeps the "'s" inside the word.)
        if Self.readingNouns.contains(second), let third = word(p + 2), copulas.contains(third) { return p + 3 }
        if second.hasSuffix("'s"), Self.readingNouns.contains(String(second.dropLast(2))) { return p + 2 }
        return nil
    }

    private static let readingNouns: Set<String> = [
        "count", "reading", "readings", "set", "obs", "numbers", "figures", "pressure", "bp", "pulse",
        "temp", "temperature", "sats", "sugar", "bm", "result", "results", "value", "values",
    ]

    /// Whose, from `p`: "hers", "his", "theirs"; a possessive name ("Mum's", "Janice's"); "the", "her", "his",
    /// "their" and up to three words, the last a possessive ("the medic's", "the facility nurse's") or a thing
    /// ("her kit", "on her sheet", "their set").
    private func ownerEnd(at start: Int) -> Int? {
        var p = start
        if word(p) == "on" { p += 1 }
        guard let first = word(p) else { return nil }
        if ["hers", "his", "theirs"].contains(first) { return p + 1 }
        if isPossessiveName(p) { return p + 1 }
        guard ["the", "her", "his", "their"].contains(first) else { return nil }
        var q = p + 1
        while q < tokens.count, q <= p + 3, tokens[q].isWord {
            if isPossessiveName(q) { return q + 1 }
            q += 1
        }
        // "her kit", "their set", "on her sheet": a thing of theirs, with nothing after it but the negation.
        if first != "the", p + 2 <= tokens.count, tokens[p + 1].isWord, Self.theirThings.contains(tokens[p + 1].text) { return p + 2 }
        return nil
    }

    private static let theirThings: Set<String> = [
        "kit", "sheet", "chart", "notes", "set", "obs", "numbers", "readings", "reading", "machine", "monitor", "cuff",
        "probe", "thermometer", "meter", "figures", "paperwork", "printout",
    ]

    /// A word's possessive at `k` ("mum's", "medic's", "facility's"), not a contraction ("he's", "that's", "it's").
    private func isPossessiveName(_ k: Int) -> Bool {
        guard k < tokens.count, tokens[k].isWord, tokens[k].text.hasSuffix("'s"), tokens[k].text.count > 3 else { return false }
        return !["that's", "it's", "he's", "she's", "there's", "what's", "let's", "who's", "where's", "here's",
                 "one's", "thats"].contains(tokens[k].text)
    }

    /// Where "not ours", "not oors", "nae ours", "nae oors", "not our own", "none of ours" ends, from `p`.
    private func notOursEnd(at p: Int) -> Int? {
        guard let first = word(p), ["not", "nae", "none"].contains(first) else { return nil }
        var q = p + 1
        if first == "none", word(q) == "of" { q += 1 }
        guard let w = word(q) else { return nil }
        if ["ours", "oors"].contains(w) { return q + 1 }
        if w == "our", word(q + 1) == "own" { return q + 2 }
        return nil
    }

    /// The text of the word at `k` (lowercased, with its "'s": the keys drop it), or nil.
    private func word(_ k: Int) -> String? {
        k >= 0 && k < tokens.count && tokens[k].kind != .punctuation ? tokens[k].text : nil
    }
}
