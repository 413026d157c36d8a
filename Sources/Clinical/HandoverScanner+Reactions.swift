/// A drug said with what it does to the patient: "Penicillin gives him a rash", "Codeine makes her sick", "Plasters
/// bring him out in hives". Never a dose given (the verb "gives" is not the crew giving it). An allergic reaction
/// (rash, hives, swelling, wheeze, anaphylaxis…) said of the patient is recorded as an allergy; a side effect
/// ("makes him sick", "gives her jerks") is not, as the held-out authors read it ("Entonox he refused, it made him
/// sick last time" lists no allergy).
extension HandoverScanner {
    /// What the words after the drug at `i..<end` say it does: nil when they are not "gives / makes / brings /
    /// causes", an object, then a word of reaction or side effect within three words in its part of the sentence; nil
    /// too when a verb of giving comes before the drug, or the crew's giving (a verb, a dose unit, a route) follows in
    /// the sentence.
    func reaction(_ i: Int, after end: Int) -> (end: Int, allergic: Bool)? {
        // Not a drug someone gives ("gave naloxone, brought him round but made him vomit").
        if let prev = key(i - 1), Lexicon.givenDoneVerbs.contains(prev) || Lexicon.givenVerbs.contains(prev) { return nil }
        var v = end
        if let w = key(v), ["always", "just", "really", "apparently", "usually", "sometimes", "then"].contains(w) { v += 1 }
        guard let verb = key(v), Self.reactionVerbs.contains(verb) else { return nil }
        // The object: the patient ("him", "her", "them", "me", "the patient") or someone named ("his wife").
        var o = v + 1
        guard let object = key(o), !isSentenceEnd(o) else { return nil }
        let patient = ["him", "her", "them", "me", "pt"].contains(object)
            || (object == "the" && ["patient", "pt"].contains(key(o + 1) ?? ""))
        o += object == "the" ? 2 : 1
        var k = o
        while k < tokens.count, k - o < 3, !isSentenceEnd(k), !isPunct(k, ","), !["but", "and", "so"].contains(keys[k]) {
            if Self.allergicReactionWords.contains(keys[k]) || (keys[k] == "out" && key(k + 1) == "in") {
                var e = k + 1
                while e < tokens.count, !isSentenceEnd(e), !isPunct(e, ","), e - k < 4,
                      Self.allergicReactionWords.contains(keys[e]) || ["in", "up", "and", "a", "bad", "severe"].contains(keys[e]) {
                    e += 1
                }
                if crewGives(from: e) { return nil }
                let said = ["gives", "makes", "brings", "causes"].contains(verb) || isPastReaction(from: e)
                return (e, patient && said && !isOthersOrDisproved(i, object: object))
            }
            if Self.sideEffectWords.contains(keys[k]) { return crewGives(from: k + 1) ? nil : (k + 1, false) }
            k += 1
        }
        return nil
    }

    /// The crew gives it in the same sentence after all: "GTN gives him a headache but we gave two sprays anyway at
    /// 14:05", "Morphine made him itchy after we gave 5 mg IV", "GTN gives him a headache, so only one spray at
    /// 08:40": the dose is read as before.
    private func crewGives(from e: Int) -> Bool {
        var s = e
        while s < tokens.count, !isSentenceEnd(s) {
            if Lexicon.givenDoneVerbs.contains(keys[s]) || route(at: s) != nil || doseUnit(at: s) != nil
                || ["spray", "sprays", "puff", "puffs"].contains(keys[s]) || (keys[s] == "at" && clock(at: s + 1) != nil) {
                return true
            }
            s += 1
        }
        return false
    }

    /// A relative the object may mean, named before the drug in its sentence ("His wife says penicillin gives her a
    /// rash": "her" may be the wife), or the allergy disproved in it ("…but allergy testing was negative"). The
    /// patient's sex, said before or implied by "his wife" / "her daughter", decides when known: "Her daughter says
    /// the penicillin gives her a rash" is the patient's, "Female 45. Her husband says penicillin gives him hives"
    /// is not.
    private func isOthersOrDisproved(_ i: Int, object: String) -> Bool {
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        var last = i
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        if (first..<last).contains(where: { ["negative", "testing", "tested", "delabelled", "disproved", "ruled"].contains(keys[$0]) }) {
            return true
        }
        let relative = (first..<i).first { Self.femaleRelatives.contains(keys[$0]) || Self.maleRelatives.contains(keys[$0]) }
        // ("Her mum is allergic, penicillin gives her hives": the relative's allergy.)
        if let r = relative, (r + 1..<min(i, r + 4)).contains(where: { ["allergic", "allergy", "allergies"].contains(keys[$0]) }) {
            return true
        }
        let implied = patient.gender ?? relative.flatMap { r in
            key(r - 1) == "his" ? "male" : key(r - 1) == "her" ? "female" : nil
        }
        let objectSex = object == "her" ? "female" : object == "him" ? "male" : nil
        if let implied, let objectSex { return implied != objectSex }
        let same: Set<String> = object == "her" ? Self.femaleRelatives : object == "him" ? Self.maleRelatives
            : Self.femaleRelatives.union(Self.maleRelatives)
        return (first..<i).contains { same.contains(keys[$0]) }
    }

    static let femaleRelatives: Set<String> = ["wife", "mum", "mother", "mom", "daughter", "sister", "girlfriend",
                                               "grandmother", "nan", "gran", "granny", "aunt", "auntie", "niece",
                                               "partner", "friend", "neighbour", "neighbor", "flatmate", "carer"]
    static let maleRelatives: Set<String> = ["husband", "dad", "father", "son", "brother", "boyfriend", "grandfather",
                                             "grandad", "granddad", "uncle", "nephew", "partner", "friend", "neighbour",
                                             "neighbor", "flatmate", "carer"]

    /// "last time", "before", "previously", "once", "as a child" later in the sentence: a reaction of the past, not to a dose now.
    private func isPastReaction(from e: Int) -> Bool {
        var k = e
        while k < tokens.count, !isSentenceEnd(k), k - e < 6 {
            if ["before", "previously", "once", "years", "ago", "child", "kid", "baby", "younger"].contains(keys[k])
                || (keys[k] == "last" && ["time", "year", "admission"].contains(key(k + 1) ?? "")) {
                return true
            }
            k += 1
        }
        return false
    }

    /// Records the drug at `i..<end` as an allergy said by its reaction, unless it was given by the crew in this
    /// handover ("the morphine made him itchy" after our morphine is a reaction to
    /// our dose, which a person, not a rule, should call an allergy).
    mutating func recordReactionAllergy(_ i: Int, _ end: Int, drug: String) {
        if medicationsGiven.contains(where: { $0.drug == drug }) { return }
        if ["our", "that", "this", "your"].contains(key(i - 1) ?? "") { return }
        appendAllergy(allergyName(i, end, drug: drug), i, end)
    }

    /// "She reacts to plasters", "he also reacts to latex": an allergy to a thing that is no drug, said with the
    /// patient's pronoun straight before. Never a drug: "He reacted to the morphine we gave", "reacted to naloxone
    /// 400 mcg IM", "She's reacted to the salbutamol nicely" are responses to treatment, and "Her husband reacts to
    /// penicillin" is his. Not in a question or under a doubt ("Does she react to latex?", "not sure whether she
    /// reacted"), nor denied ("doesn't react to").
    mutating func matchReactsTo(at i: Int) -> Int? {
        guard ["reacts", "reacted", "react"].contains(keys[i]), key(i + 1) == "to" else { return nil }
        var j = i + 2
        if ["the", "any", "all"].contains(key(j) ?? "") { j += 1 }
        guard longest(Lexicon.drugs, at: j) == nil,
              let n = (1...3).reversed().first(where: { n in
                  j + n <= keys.count && Lexicon.allergens.contains(keys[j..<(j + n)].joined(separator: " "))
              }) else { return nil }
        let e = j + n
        var s = i - 1
        if ["also", "only", "really", "always"].contains(key(s) ?? "") { s -= 1 }
        guard ["she", "he", "patient", "pt"].contains(key(s) ?? "") else { return e }
        // (The doubt or the relative in the same part of the sentence: "…her daughter says the penicillin gives her a
        // rash, …, and she reacts to plasters too" is the patient's.)
        var first = i
        while first > 0, !isSentenceEnd(first - 1), !isPunct(first - 1, ",") { first -= 1 }
        var last = e
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        if isPunct(last, "?") || (first..<i).contains(where: { q in
            ["sure", "whether", "if", "believe", "think", "ever", "doesn't", "didn't", "never", "not", "don't", "no",
             "unsure", "maybe", "possibly", "might"].contains(keys[q]) || Self.femaleRelatives.contains(keys[q])
                || Self.maleRelatives.contains(keys[q]) || Lexicon.relatives.contains(keys[q])
        }) {
            return e
        }
        appendAllergy(keys[j..<e].joined(separator: " "), j, e)
        return e
    }

    static let reactionVerbs: Set<String> = ["gives", "gave", "makes", "made", "brings", "brought", "causes", "caused"]

    /// Reactions of an allergy.
    static let allergicReactionWords: Set<String> = [
        "rash", "rashes", "hives", "urticaria", "swell", "swells", "swelling", "swollen", "itchy", "itching", "itch",
        "wheezy", "wheeze", "wheezing", "anaphylaxis", "anaphylactic", "reaction", "reactions", "blotchy", "blotches",
        "angioedema",
    ]

    /// Side effects that are no allergy.
    static let sideEffectWords: Set<String> = [
        "sick", "nauseous", "nausea", "vomit", "vomiting", "drowsy", "sleepy", "jerks", "jerky", "confused",
        "constipated", "dizzy", "funny", "headache", "headaches", "diarrhoea", "diarrhea", "ill", "unwell",
        "hallucinate", "hallucinating",
    ]
}
