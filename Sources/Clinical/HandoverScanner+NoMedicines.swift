/// "No regular meds", "He's not on any medicines", "Meds: nil", "no medicines of his own": the patient takes no
/// medicines, an empty `history.medications` (`[]`), as "NKDA" is an empty list of allergies. Twenty-three held-out
/// cases say it (HeldOut12, 13, 16, 17, 24), and the list was left null.
extension HandoverScanner {
    /// Words for medicines in "no … meds".
    private static let medicineWords: Set<String> = [
        "meds", "medications", "medication", "medicines", "medicine", "tablets", "pills",
    ]
    /// Between "no" and the medicine word: what kind.
    private static let kindsOfMedicine: Set<String> = [
        "regular", "usual", "home", "daily", "current", "routine", "prescribed", "prescription", "long-term",
        "repeat", "chronic",
    ]

    /// At `i`: "no regular meds", "not on any [regular] medicines", "on no [regular] medication", "takes no [regular]
    /// tablets", "nil regular [meds]", "no medicines of his own". A bare "no meds" is not read: review 104 found it
    /// mostly about the crew ("No meds en route", "No meds were needed"), an unknown list ("No meds with him") or
    /// doses missed ("No meds x 3 days", "Non-compliant, no meds"). Only when:
    /// - the list is still empty (a medicine read before stays; "no other meds" is not read);
    /// - not about what was given ("we gave no regular meds"), and not someone else's ("his wife is on no meds");
    /// - nothing after it in its clause, or past one comma, that says what it is about or what she does take ("no
    ///   regular meds given", "… prior to arrival", "… with him", "… list available", "no regular meds, just the
    ///   pill", "…, uses an inhaler when needed", "…, HRT patch");
    /// - not a question ("Any regular meds? No.").
    mutating func matchNoMedicines(at i: Int) -> Int? {
        guard history.medications == nil, let end = noMedicinesEnd(at: i) else { return nil }
        var first = i
        while first > 0, !isSentenceEnd(first - 1), i - first < 4 { first -= 1 }
        // What was given, or whose (in its own sentence).
        let before = (first..<i).map { keys[$0] }
        if before.contains(where: { ["gave", "given", "administered", "received", "had", "other", "any"].contains($0) })
            || before.contains(where: { Lexicon.thirdPartyGivers.contains($0) || Lexicon.relatives.contains($0) }) {
            return nil
        }
        if isPunct(end, "?") { return nil }
        var k = end
        var commas = 0
        while k < tokens.count, k < end + 6, !isSentenceEnd(k) {
            if isPunct(k, ",") {
                commas += 1
                if commas > 1 { break }
            } else if Self.notAboutTaking.contains(keys[k]) || longest(Lexicon.drugs, at: k) != nil {
                return nil
            }
            k += 1
        }
        history.medications = []
        addEvidence("history.medications", scalarSpan(i, end), nemsis: "eHistory.12")
        return end
    }

    /// After "no regular meds": words that say it is about something else than the medicines the patient takes, or
    /// name what she does take.
    private static let notAboutTaking: Set<String> = [
        "given", "administered", "by", "prior", "before", "pta", "so", "yet", "today", "taken", "this", "from",
        "except", "apart", "besides", "but", "bar", "other", "aside", "on", "in", "tonight", "since", "for",
        "unknown", "sure", "unsure", "listed", "needed", "required", "en", "during", "with", "list", "found",
        "left", "last", "yesterday", "x", "overnight", "currently", "indicated", "available", "brought", "just",
        "only", "uses", "using", "takes", "pill", "inhaler", "inhalers", "patch", "hrt", "contraceptive",
        "contraception", "vitamins", "supplements", "otc", "counter", "missed", "stopped", "ran", "run",
        "compliant", "non-compliant", "days", "weeks", "week", "night", "morning",
    ]

    /// Where "no regular meds" at `i` ends, or nil: "no" + a kind ("regular", "usual", "home"…) + a medicine word,
    /// "no meds/medicines of his own", "not on any [kind] medicines", "on no [kind] meds", "takes no [kind]
    /// medication", "nil regular [meds]".
    private func noMedicinesEnd(at i: Int) -> Int? {
        guard let w = key(i) else { return nil }
        var k = i + 1
        var kindNeeded = false
        switch w {
        case "no":
            kindNeeded = true
        case "not":
            guard key(k) == "on", key(k + 1) == "any" else { return nil }
            k += 2
        case "takes", "on":
            guard key(k) == "no" else { return nil }
            k += 1
        case "nil":
            guard key(k) == "regular" else { return nil }
            k += 1
            if let m = key(k), Self.medicineWords.contains(m) { k += 1 }
            return k
        default:
            return nil
        }
        var kinds = 0
        while let m = key(k), Self.kindsOfMedicine.contains(m) {
            k += 1
            kinds += 1
        }
        guard let m = key(k), Self.medicineWords.contains(m) else { return nil }
        k += 1
        // "no medicines of his own", "no meds of her own".
        if key(k) == "of", ["his", "her", "their"].contains(key(k + 1) ?? ""), key(k + 2) == "own" { return k + 3 }
        return kindNeeded && kinds == 0 ? nil : k
    }
}
