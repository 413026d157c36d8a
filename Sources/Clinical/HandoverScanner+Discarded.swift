/// Readings the crew says it threw out: "The treadmill screen said her heart rate was one sixty-five, but that's off
/// the hand grips, so we didn't use it" (HeldOut24 Boston), "The publican clipped the pub's first aid oximeter on her
/// and it said sats seventy-one and a pulse of two hundred and ten, but her hands were freezing off the cold glass and
/// it was flashing, so we binned that" (HeldOut24 Broken Hill). Both were read as the crew's first set, and every set
/// after it one place late.
extension HandoverScanner {
    /// The reading at `i..<end` is thrown out by the crew later in its sentence, or in the first words of the next
    /// (`isDiscardingClause(at:)`), at most 40 words on. Only when:
    /// - a device or someone else is named before the reading in its sentence ("The treadmill screen said…", "The
    ///   publican clipped the pub's first aid oximeter on her and it said…"), and no crew word ("we", "our", "on
    ///   arrival", "now"…) is;
    /// - nothing between the reading and the clause could be what was thrown out instead: no one else named, no drug
    ///   ("his home oxygen, but we didn't use it"), no kit or plan ("the splint didn't fit so we didn't use it"), and
    ///   the crew does not speak before the clause;
    /// - in the reading's own sentence, the crew says why first, "but …, so we didn't use it"; a bare "- disregarded"
    ///   only straight after the readings or after a semicolon ("…; not used"). (Review 103 found "Monitor HR 88,
    ///   SpO2 97%, vac mattress, not used" and "…, the cold pack was in the bag but we didn't use it" read as
    ///   readings thrown out.)
    func isDiscardedByTheCrew(_ i: Int, _ end: Int) -> Bool {
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        // (Nor a drug or kit before it: "Wife had his GTN spray out before we arrived, HR 88, BP 150/90; not used" is
        // about the spray; review 105.)
        guard !(s..<i).contains(where: isCrewWord),
              !(s..<i).contains(where: { longest(Lexicon.drugs, at: $0) != nil || Self.kit.contains(keys[$0]) }),
              (s..<i).contains(where: { isSomeoneElse($0) || Self.devices.contains(keys[$0]) }) else { return false }
        var k = end
        var but = false
        while k < tokens.count, k - end <= 40 {
            if isSentenceEnd(k) {
                // The next sentence's first words only ("… on the cold glass. We binned that.").
                return isDiscardingClause(at: k + 1)
            }
            if k > end, let clause = discardingClause(at: k) {
                // (A bare one after a semicolon closes the reading's sentence: "Mom's home pulse ox read SpO2 88% before
                // we arrived, probe on his toe while he was kicking; not used", HeldOut24 Phoenix.)
                if clause.bare { return isPunct(k - 1, ";") || onlyReadingsBetween(end, k) }
                return but && (key(k) == "so" || key(k - 1) == "so")
            }
            if keys[k] == "but" { but = true }
            if isCrewWord(k) || isSomeoneElse(k) || longest(Lexicon.drugs, at: k) != nil || Self.kit.contains(keys[k]) {
                return false
            }
            k += 1
        }
        return false
    }

    /// Things that show a reading and are not the crew's kit.
    private static let devices: Set<String> = [
        "screen", "treadmill", "watch", "smartwatch", "fitbit", "phone", "app", "bike",
    ]
    /// Kit, plans and advice: what "we didn't use it" after them is about.
    private static let kit: Set<String> = [
        "splint", "mattress", "collar", "binder", "mask", "specs", "cannula", "iv", "line", "bag", "scoop", "board",
        "chair", "stretcher", "pack", "nebuliser", "nebulizer", "concentrator", "tourniquet", "dressing", "idea",
        "plan", "advice", "tube", "airway", "suction", "defib", "pads", "blanket", "cylinder", "spray", "pen",
        "epipen", "helmet",
    ]

    /// Between a vital's name ending at `end` and `k`: only its reading and more readings ("SpO2 71%, HR 210 -").
    private func onlyReadingsBetween(_ end: Int, _ k: Int) -> Bool {
        var q = end
        while q < k {
            if let v = longest(Lexicon.vitals, at: q) {
                q = v.end
                continue
            }
            guard !tokens[q].isWord || numbers.isNumberWord(q)
                    || ["percent", "over", "point", "and", "a", "of", "bpm", "on", "air", "room", "ra", "was", "were",
                        "is", "said", "mmhg"].contains(keys[q]) else { return false }
            q += 1
        }
        return true
    }

    /// Verbs of throwing a reading out.
    private static let discardVerbs: Set<String> = [
        "binned", "ignored", "disregarded", "discarded", "discounted", "chucked", "dismissed", "scrapped", "ditched",
    ]
    /// Verbs of using a reading, after a negation ("we didn't use it", "we don't trust that").
    private static let useVerbs: Set<String> = [
        "use", "used", "trust", "trusted", "count", "counted", "believe", "record", "chart",
    ]

    /// At `start`: the crew throwing the reading out. After an optional "so", "and", "but":
    /// - "we" or "I" + a verb of throwing out + what ("we binned that", "we ignored it", "we disregarded those"),
    ///   or "threw it out";
    /// - "we" + a negation + a verb of using + what ("we didn't use it", "we did not trust that reading", "we've not
    ///   used them");
    /// - after a comma, a dash or a bracket, a bare verb of throwing out ending its clause ("SpO2 71%, HR 210 -
    ///   disregarded (poor trace)"), or "not used", "not trusted" (`bare`).
    /// What: "it", "that", "this", "those", "these", "them", or "the/that/those reading(s)", "that one", "the numbers",
    /// ending its clause ("We binned that idea", "We didn't use it for the transfer" are about something else).
    private func discardingClause(at start: Int) -> (bare: Bool, end: Int)? {
        var p = start
        if ["so", "and", "but", "which"].contains(key(p) ?? "") { p += 1 }
        guard let w = key(p) else { return nil }
        if ["we", "i", "we've", "i've", "we'd"].contains(w) {
            var q = p + 1
            var object: Int?
            if Self.discardVerbs.contains(key(q) ?? "") {
                object = whatWasReadEnd(at: q + 1)
            } else if ["threw", "tossed"].contains(key(q) ?? ""), let e = whatWasReadEnd(at: q + 1),
                      ["out", "away"].contains(key(e) ?? "") {
                object = e + 1
            } else {
                let negations = ["didn't", "didnt", "don't", "dont", "never", "wouldn't", "couldn't", "haven't", "havent"]
                if negations.contains(key(q) ?? "") {
                    q += 1
                } else if ["did", "do", "have", "would"].contains(key(q) ?? ""), key(q + 1) == "not" {
                    q += 2
                } else if ["we've", "i've"].contains(w), key(q) == "not" {
                    q += 1
                } else {
                    return nil
                }
                if Self.useVerbs.contains(key(q) ?? "") { object = whatWasReadEnd(at: q + 1) }
            }
            guard let e = object, endsClause(e) else { return nil }
            return (false, e)
        }
        guard start > 0, isPunct(start - 1, ",") || isPunct(start - 1, "-") || isPunct(start - 1, "(")
                || isPunct(start - 1, ";") else { return nil }
        var e = p
        if Self.discardVerbs.contains(w) {
            e = p + 1
        } else if w == "not", ["used", "trusted", "counted"].contains(key(p + 1) ?? "") {
            e = p + 2
        } else {
            return nil
        }
        return endsClause(e) || ["as", "because"].contains(key(e) ?? "") ? (true, e) : nil
    }

    private func isDiscardingClause(at start: Int) -> Bool { discardingClause(at: start) != nil }

    private func endsClause(_ e: Int) -> Bool {
        e >= tokens.count || isSentenceEnd(e) || isPunct(e, ",") || isPunct(e, ")") || isPunct(e, "(")
            || isPunct(e, "-") || isPunct(e, ";")
    }

    /// Where the words for the reading thrown out end: "it", "that", "those", "them", "this", "these" alone, or "the",
    /// "that", "those" + "reading(s)", "one", "numbers", "number", "figure(s)".
    private func whatWasReadEnd(at k: Int) -> Int? {
        guard let w = key(k) else { return nil }
        let nouns: Set<String> = ["reading", "readings", "one", "numbers", "number", "figure", "figures", "result", "value"]
        if ["the", "that", "those", "this", "these"].contains(w), let n = key(k + 1), nouns.contains(n) { return k + 2 }
        return ["it", "that", "those", "them", "this", "these"].contains(w) ? k + 1 : nil
    }
}
