/// Medications: a drug name is the patient's own medication when its clause talks about history ("takes",
/// "meds include", "he's on"), and a medication given when the crew gave it (a dose, a route or "given").
extension HandoverScanner {
    mutating func matchDrug(at i: Int) -> Int? {
        guard let m = longest(Lexicon.drugs, at: i) else { return matchSoundAlikeDrug(at: i) }
        // "epi-cabin" (Whisper for apixaban): a short name hyphenated onto more letters is part of another word.
        if m.end == i + 1, keys[i].count <= 3, isPunct(m.end, "-"), tokens[m.end].start == tokens[i].end,
           m.end + 1 < tokens.count, tokens[m.end + 1].isWord, tokens[m.end + 1].start == tokens[m.end].end,
           !["pen", "spray", "pens", "sprays"].contains(keys[m.end + 1]) {
            return m.end + 2
        }
        if let prev = key(i - 1), Lexicon.negations.contains(prev) {
            lastWithheldEnd = m.end
            return m.end
        }
        // Saline that is no dose of 0.9% given (review 91): another strength ("NaCl 3% 250 ml", "NaCl 0.45%"), a
        // flush ("NaCl flush 10 ml IV", "Flushed cannula with 10 ml NaCl 0.9%"), or what another drug was made up in
        // (`isDiluent`).
        if m.value == "sodium chloride 0.9%" {
            if let n = numbers.parse(at: m.end), n.end < tokens.count, ["%", "percent"].contains(keys[n.end]), n.value != 0.9 {
                return n.end + 1
            }
            var s = i
            while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
            if key(m.end) == "flush" || (max(s, i - 5)..<i).contains(where: { ["flush", "flushed", "flushing"].contains(keys[$0]) })
                || isDiluent(i) {
                return m.end
            }
        }
        // "No aspirin or GTN given", "Neither aspirin nor GTN", "We did not give him any morphine or ketamine": a drug
        // joined straight to one that was not given is not given either.
        // (Not one with a verb or route of its own: "declined morphine and paracetamol 1 g PO given at 14:10";
        // "nor" always: "Neither aspirin nor GTN given".)
        if ["or", "nor", "and"].contains(key(i - 1) ?? ""), lastWithheldEnd == i - 1,
           key(i - 1) == "nor" || (!hasGivenVerb(after: m.end) && !doseSaysGiven(after: m.end)) {
            lastWithheldEnd = m.end
            return m.end
        }
        // "a Hartmann's procedure", "Dr Hartmann": a name, not the drug.
        if let next = key(m.end), Lexicon.notADrugAfter.contains(next) { return m.end }
        if let prev = key(i - 1), Lexicon.titles.contains(prev) { return m.end }
        // "He says she had two of his co-codamol" ("his": her husband's), "His wife give him one of her propranolol":
        // someone else's supply, in neither list. Only "of his/her X" or "his/her own X", and only when the nearest
        // pronoun before it in the sentence is of the other sex ("We gave him two puffs of his own salbutamol" is
        // his; the sex a caller's words gave the patient decides nothing).
        let own = key(i - 1) == "own"
        if let p = own ? key(i - 2) : key(i - 1), own || key(i - 2) == "of", p == "his" || p == "her" {
            var first = i
            while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
            let pronounAt = own ? i - 2 : i - 1
            // ("her" is left out: it may be a possessive, "The nurse says her patient had two of his own GTN".)
            let nearest = (first..<pronounAt).last { ["he", "she", "him", "he's", "she's", "he'd", "she'd"].contains(keys[$0]) }
            let female: Set<String> = ["she", "she's", "she'd"]
            if let n = nearest, female.contains(keys[n]) != (p == "her") {
                lastWithheldEnd = m.end
                return m.end
            }
            // "His mum has been taking her own amoxicillin for the cough" (of a baby): "own" after a relative's verb
            // of taking (`isRelativeTaking`; HeldOut23).
            if own, let v = (max(first, i - 4)..<(i - 2)).last(where: { ["taking", "takes", "took", "using", "uses"].contains(keys[$0]) }),
               isRelativeTaking(v) {
                lastWithheldEnd = m.end
                return m.end
            }
        }
        // "Harold, eighty-four-year-old gentleman … Joan's own tablets got mixed up, she's on warfarin and digoxin":
        // "she's on" said of a man (his sex said in words before it) is someone else's medicine, in neither list.
        if isOtherSexsMedicine(before: i) || isRelativesMedicine(before: i) || isDisownedByPatient(after: m.end) {
            lastWithheldEnd = m.end
            return m.end
        }
        // "Penicillin gives him a rash", "Codeine makes her sick": what the drug does to him, never a dose given.
        if let r = reaction(i, after: m.end) {
            if r.allergic { recordReactionAllergy(i, m.end, drug: m.value) }
            lastWithheldEnd = m.end
            return r.end
        }
        // "NS" is normal saline only as a fluid is given: a volume before it or a route just after ("1 liter NS",
        // "NS IV"); otherwise it may be nasal specs or neurosurgery.
        if keys[i] == "ns", m.end == i + 1, doseUnit(at: i - 1, drug: m.value)?.end != i,
           !(i + 1..<min(tokens.count, i + 4)).contains(where: { route(at: $0) != nil }) {
            return m.end
        }
        // "took thirty-two paracetamol": what the patient swallowed is neither given nor a regular medication
        // ("taken ten puffs of her salbutamol inhaler": hers, so history).
        // "his usual ramipril": history even after "taken".
        let usual = key(i - 1).map { ["usual", "regular", "normal", "daily"].contains($0) } ?? false
        // ("Her tablets come in a blister pack: digoxin, …" is a header of her medicines, no overdose.)
        if !usual, !isPatientsOwn(i), isIngestion(i, m.end), !isUnderOwnMedicinesHeader(i) { return m.end }
        // "…, aspirin 300 mg chewed … given": a verb of giving after it makes it the crew's.
        // "on levetiracetam and lamotrigine": a drug joined by "and" straight to one read as the patient's own, when
        // no route and no "at" + time follows it in its part of the sentence: "on warfarin and ondansetron 4 mg IV"
        // is the crew's ondansetron; "or" joins alternatives ("apixaban or rivaroxaban").
        // (A list of them goes on past commas and, unpunctuated, straight on: "Meds: ramipril 10 mg, bisoprolol
        // 2.5 mg, … metformin 500 mg", "takes ramipril 10 milligrams bisoprolol 2.5 milligrams".)
        let joined = (["and", ","].contains(key(i - 1) ?? "") && lastHistoryMedicationEnd == i - 1
                      || lastHistoryMedicationEnd == i) && !doseSaysGiven(after: m.end)
        // A dose after it when the one before had none ("on apixaban and ondansetron 4 mg"): his or the crew's,
        // neither is reported.
        let dosed = numbers.parse(at: m.end).map { doseUnit(at: $0.end) != nil } ?? false
        if joined, key(i - 1) == "and", dosed, !lastHistoryMedicationHadDose, !isHistoryClause(i, m.end) { return m.end }
        // "on apixaban or rivaroxaban, not sure which": either may be wrong, so neither is listed.
        // (An item listed before, and only repeated here, stays.)
        if key(i - 1) == "or", lastHistoryMedicationEnd == i - 1 {
            if lastHistoryMedicationAppended { takeBackLast(\.medications, evidencePath: "history.medications") }
            lastHistoryMedicationEnd = nil
            return m.end
        }
        // "We gave him paracetamol or ibuprofen, I can't remember which", "either paracetamol or ibuprofen 400 mg":
        // alternatives, so neither is reported as given.
        // "salbutamol or Ventolin" names one drug twice: the second name is read with its dose, the first not.
        let orBefore = key(i - 1) == "or" ? (max(0, i - 5)..<(i - 1)).compactMap({ p -> String? in
            guard let d = longest(Lexicon.drugs, at: p), d.end == i - 1 else { return nil }
            return d.value
        }).first : nil
        if orBefore == m.value, lastGivenEnd == i - 1, let last = medicationsGiven.last, last.drug == m.value,
           last.dose == nil {
            takeBackLastGiven()
        }
        // "We gave Buccolam, that's midazolam, five milligrams buccal", "Gave midazolam 5 mg buccal (Buccolam)": one
        // drug given, named twice. With a dose after the second name, the first (given with no dose) is taken back
        // and the second read; without one, the second is skipped (a time after its bracket goes to the first).
        // A dose after both names is two doses ("Morphine 5 mg IV at 14:10 (morphine 5 mg IV at 14:20)").
        if let last = medicationsGiven.last, last.drug == m.value, let g = lastGivenEnd, g < i, i - g <= 4,
           isPunct(i - 1, "(")
            || ((g..<i).allSatisfy({ isPunct($0, ",") || isPunct($0, "-")
                                      || ["that", "thats", "is", "which", "ie", "aka", "also", "known", "as", "or", "buccal",
                                          "buccally"].contains(keys[$0]) })
                && (g..<i).contains(where: { ["that", "thats", "is", "ie", "aka", "as"].contains(keys[$0]) })) {
            var d = m.end
            while isPunct(d, ",") || isPunct(d, ")") { d += 1 }
            let dosed = numbers.parse(at: d) != nil || (key(d) == "a" && doseUnit(at: d + 1) != nil)
            // The same word again is a second dose ("Morphine 5 mg IV at 14:10 (morphine 5 mg IV at 14:20)"); another
            // name for it restates it ("Buccolam 5 mg, that's midazolam 5 mg buccal" is one dose).
            let firstName = evidence.last { $0.path == "medications_given[\(medicationsGiven.count - 1)].drug" }?.text.lowercased()
            let sameWord = firstName == text(i, m.end).lowercased()
            if sameWord {
                // Read as a dose of its own below.
            } else if dosed, last.dose == nil {
                takeBackLastGiven()
            } else if dosed {
                guard let n = numbers.parse(at: d) else { return m.end }
                return doseUnit(at: n.end, drug: m.value)?.end ?? n.end
            } else {
                if isPunct(m.end, ")"), key(m.end + 1) == "at", let c = clock(at: m.end + 2), last.time == nil {
                    medicationsGiven[medicationsGiven.count - 1].time = c.time
                    addEvidence("medications_given[\(medicationsGiven.count - 1)].time", scalarSpan(m.end + 2, c.end),
                                nemsis: "eMedications.01")
                    lastGivenEnd = c.end
                    return c.end
                }
                return m.end
            }
        }
        if let other = orBefore, other != m.value {
            if lastGivenEnd == i - 1 { takeBackLastGiven() }
            lastWithheldEnd = m.end
            return m.end
        }
        // "He's on aspirin and GTN 400 mcg SL": a drug joined by "and" in a history clause, with a route and no
        // schedule, may be the crew's dose or his own: neither is reported.
        if !usual, key(i - 1) == "and", isHistoryClause(i, m.end), hasRoute(after: m.end), !hasSchedule(after: m.end),
           !isPatientsOwn(i) {
            return m.end
        }
        // "We gave morphine 5 mg IV … pain improved after her morphine": the crew's dose named again, not a medicine
        // of her own. Not "her own salbutamol", "his salbutamol inhaler" (a supply of her own).
        if !usual, key(i - 1) != "own", !["inhaler", "inhalers", "spray", "pump", "puffer", "pen", "pens", "tablets",
                                          "tablet", "pack", "kit", "prescription"].contains(key(m.end) ?? ""),
           isPatientsOwn(i), medicationsGiven.contains(where: { $0.drug == m.value }), !isHistoryClause(i, m.end) {
            return m.end
        }
        // A dose with a time after it, or with a route and no schedule, within eight words, in a list or "he's on" clause ("he's on
        // apixaban morphine 5 mg iv at 1420", "meds ramipril bisoprolol aspirin 300 mg chewed"): the crew's or his,
        // neither is reported; "takes"/"prescribed" keep it his ("takes aspirin 75 mg PO").
        if !usual, !isPatientsOwn(i), isHistoryClause(i, m.end) || joined, doseSaysGiven(after: m.end, within: 8),
           !hasSchedule(after: m.end),
           !(clauseStart(i)..<i).contains(where: { ["takes", "taking", "take", "prescribed"].contains(keys[$0]) }) {
            lastWithheldEnd = m.end
            return m.end
        }
        if usual || isPatientsOwn(i) || ((isHistoryClause(i, m.end) || joined) && !hasGivenVerb(after: m.end)) {
            // "He's not on warfarin", "no longer takes", "stopped his ramipril", "was on warfarin but it was
            // stopped": not a current medicine (and, being talked of as his, not given either). Only here, where it
            // would be read as his: "bleeding stopped morphine 5 mg IV" is the crew's dose.
            if isNegatedHistory(i, m.end) {
                lastWithheldEnd = m.end
                return m.end
            }
            // An infusion is not a medicine the patient takes: "he's on saline", "the nursing home had him on
            // saline, 80 ml an hour" is a drip someone else runs. Neither history nor given, dose included.
            if isInfusion(m.value, after: m.end) {
                guard let n = numbers.parse(at: m.end) else { return m.end }
                return doseUnit(at: n.end, drug: m.value)?.end ?? n.end
            }
            var meds = self.history.medications ?? []
            lastHistoryMedicationAppended = !meds.contains(m.value)
            if !meds.contains(m.value) {
                addEvidence("history.medications[\(meds.count)]", scalarSpan(i, m.end), nemsis: "eHistory.12")
                meds.append(m.value)
            }
            self.history.medications = meds
            // The dose of a home medication is not a dose given: step over it.
            var end = m.end
            lastHistoryMedicationHadDose = false
            if let n = numbers.parse(at: m.end) {
                end = doseUnit(at: n.end)?.end ?? n.end
                lastHistoryMedicationHadDose = doseUnit(at: n.end) != nil
            }
            lastHistoryMedicationEnd = end
            return end
        }
        // "Paracetamol 1 g PO and ibuprofen 400 mg PO, both declined": neither was given.
        if bothRefused(after: m.end), key(i - 1) == "and", lastGivenEnd == i - 1, !medicationsGiven.isEmpty {
            takeBackLastGiven()
            return m.end
        }
        if isNotAdministered(i, m.end) {
            lastWithheldEnd = m.end
            noteOthersDose(i, m.end, drug: m.value)
            return m.end
        }
        if isRecapOfGiven(i, m.end, drug: m.value) || isTotalOfGiven(i, m.end, drug: m.value) { return m.end }
        return given(i, m.end, drug: m.value)
    }

    /// A route said straight after another with a correction between: "PR, no, sorry, IV", "PR, I mean IV", "IM,
    /// sorry, IV". Past a repeat of the new one (", it was IV"). Nil when no other route follows the correction.
    private func correctedRoute(after e: Int, _ said: String) -> (first: Int, end: Int, route: String)? {
        var q = e
        // (Not a false start or "actually": "IM, um, IV access obtained", "IM, actually IV would have been better".)
        // (The marker at "no" first: ", no, wait, IV"; ", no, IV" is a marker of its own.)
        let marker = (isPunct(q, ",") ? longest(Lexicon.corrections, at: q + 1) : nil) ?? longest(Lexicon.corrections, at: q)
        if let marker, !(q..<marker).contains(where: { ["um", "uh", "erm", "uhm", "actually"].contains(keys[$0]) }) {
            q = marker
            // (", no, sorry, IV": ", no," and then "sorry".)
            if let more = longest(Lexicon.corrections, at: q),
               !(q..<more).contains(where: { ["um", "uh", "erm", "uhm", "actually"].contains(keys[$0]) }) {
                q = more
            }
        } else {
            return nil
        }
        if isPunct(q, ",") { q += 1 }
        // Past who set it right: ", no, sorry, Linda's right, it was IM", "sorry, my mistake, IM".
        if key(q + 1) == "right", tokens[q].text.hasSuffix("'s"), isPunct(q + 2, ",") {
            q += 3
        } else if key(q + 1) == "is", key(q + 2) == "right", isPunct(q + 3, ",") {
            q += 4
        } else if key(q) == "my", ["mistake", "bad", "error"].contains(key(q + 1) ?? ""), isPunct(q + 2, ",") {
            q += 3
        }
        if key(q) == "it", key(q + 1) == "was" { q += 2 }
        guard let r = route(at: q), r.route != said else { return nil }
        var end = r.end
        if isPunct(end, ","), key(end + 1) == "it", key(end + 2) == "was", let again = route(at: end + 3), again.route == r.route {
            end = again.end
        }
        // The new route ends its part of the sentence ("PR, no, sorry, IV, at 02:31"), not the start of another
        // ("PO, no, IV paracetamol 1 g", "IM, no, IV access couldn't be obtained").
        guard end >= tokens.count || isSentenceEnd(end) || isPunct(end, ",") || key(end) == "at" || key(end) == "and" else {
            return nil
        }
        // Corrected again ("IV, no, IO, no, sorry, it was IV"): the last one.
        if let again = correctedRoute(after: end, r.route) { return again }
        return (q, end, r.route)
    }

    /// A dose unit said straight after a correction after the dose's time: "600 milligrams IV at 20:31, sorry,
    /// micrograms", ", no, mcg,". The new unit ends its part of the sentence (a comma or the end), and is another
    /// unit than the one said.
    private func correctedUnit(after e: Int, _ said: String)
        -> (unit: (end: Int, unit: String), dose: SpokenNumber?, doseSpan: Range<Int>?, end: Int)? {
        let mass: Set<String> = ["mg", "mcg", "g"]
        var q = e
        guard mass.contains(said),
              let marker = (isPunct(q, ",") ? longest(Lexicon.corrections, at: q + 1) : nil) ?? longest(Lexicon.corrections, at: q),
              !(q..<marker).contains(where: { ["um", "uh", "erm", "uhm", "actually"].contains(keys[$0]) }) else { return nil }
        q = marker
        if isPunct(q, ",") { q += 1 }
        guard let u = doseUnit(at: q), u.unit != said, mass.contains(u.unit),
              u.end >= tokens.count || isSentenceEnd(u.end) || isPunct(u.end, ",") else { return nil }
        // Corrected again, or another unit or drug straight after ("milligrams, no, micrograms", "ml, I mean mg",
        // "milligrams, of ketamine"): unsure, so not read. A dose said again in the new unit is the dose ("sorry,
        // micrograms, 500 micrograms"; "…, six hundred micrograms").
        var k = u.end
        while k < tokens.count, k < u.end + 8, !isSentenceEnd(k) {
            if longest(Lexicon.corrections, at: k) != nil || longest(Lexicon.drugs, at: k) != nil { return nil }
            if let n = numbers.parse(at: k), let v = doseUnit(at: n.end) {
                guard v.unit == u.unit else { return nil }
                return ((u.end, u.unit), n, scalarSpan(n.first, v.end), v.end)
            }
            if let v = doseUnit(at: k), v.unit != u.unit { return nil }
            k += 1
        }
        return ((u.end, u.unit), nil, nil, u.end)
    }

    /// "she's on X", "she takes X", "she is on X" straight before the drug (at most one word between, "she's on
    /// regular X"), when the patient's sex was said in words before it and is the other one. Only the sentence's
    /// subject pronoun: "his wife says he's on X" is his.
    private func isOtherSexsMedicine(before i: Int) -> Bool {
        // (The patient's own title counts as said in words: "Mr Davies, 80. He lives with his wife, she's on
        // warfarin.")
        // (The patient's own title, or the possessive in the sentence introducing the patient, count as said in words:
        // "Mr Davies, 80. He lives with his wife, she's on warfarin.", "This is Brenda, 81, …, her husband says. …
        // he's on insulin".)
        let sex: String
        if let gender = patient.gender, let said = patientEvidence.first(where: { $0.path == "patient.gender" }),
           let s = tokens.firstIndex(where: { $0.start == said.start }) {
            // The patient's sex said near the start ("Hi, this is Sam from the ambulance service. We've brought in
            // Arthur, an 86-year-old gentleman…", "Age 79. Sex male."), not of a relative ("Mrs Jones, 80. Her son, a
            // man in his fifties, says she's on warfarin").
            guard s < 30, !(max(0, s - 4)..<s).contains(where: { Lexicon.relatives.contains(keys[$0]) }) else { return false }
            sex = gender
        } else if patient.gender == nil, let introduced = titledSex ?? possessiveSex {
            sex = introduced.sex
        } else {
            return false
        }
        // Only in a sentence that also speaks of the patient by the patient's own pronoun ("…mixed up in his dosette
        // box, she's on warfarin", "he's on insulin …, and he checked her sugar"): the sex said may be a caller's ("A
        // man walking his dog found her. She's on warfarin").
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        var last = i
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        let own: Set<String> = sex == "male" ? ["his", "him", "he"] : ["her", "hers", "she"]
        // (Not "for his …" straight after the drug: "She's on warfarin for his AF" is his.)
        guard (first..<last).contains(where: { own.contains(keys[$0]) && ($0 < i || $0 > i + 3 || key($0 - 1) != "for") }) else {
            return false
        }
        // ("His daughter said she's on warfarin as well, so he's on it too": his too. Not "she's on warfarin and too
        // frail to lift him", "on donepezil as well as memantine".)
        if (i..<last).contains(where: { k in
            (keys[k] == "too" && (k + 1 >= tokens.count || tokens[k + 1].kind == .punctuation))
                || (keys[k] == "as" && key(k + 1) == "well" && key(k + 2) != "as")
        }) {
            return false
        }
        // (`keys` holds "she's" as "she".)
        let other = sex == "male" ? "she" : "he"
        for p in max(0, i - 4)..<i where keys[p] == other {
            var k = p + 1
            if ["is", "was"].contains(key(k) ?? "") { k += 1 }
            if ["takes", "uses"].contains(key(k) ?? "") {
                k += 1
            } else if key(k) == "on" {
                k += 1
            } else {
                continue
            }
            if k == i || (k + 1 == i && tokens[k].isWord && longest(Lexicon.drugs, at: k) == nil) { return true }
        }
        return false
    }

    /// "Her husband Geoff is with her. He's on warfarin and ramipril …": straight after a sentence that names a
    /// relative of the other sex by the patient's possessive ("her husband", "his wife") as being with the patient
    /// ("with her", "with him"), a sentence opening with that relative's pronoun and "is
    /// on", "takes", "uses" speaks of the relative's medicines ("her" cannot be "he"). Not "A female called saying
    /// her husband had collapsed. He's on warfarin.", "Her husband collapsed next to her. He's on warfarin." (the
    /// caller's husband is the patient). Only the first drug after
    /// the verb (at most one word between); one joined to it by "and" follows it.
    private func isRelativesMedicine(before i: Int) -> Bool {
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        guard first > 1, let pronoun = key(first), pronoun == "he" || pronoun == "she" else { return false }
        var k = first + 1
        if ["is", "was", "also"].contains(key(k) ?? "") { k += 1 }
        if key(k) == "also" { k += 1 }
        guard ["on", "takes", "uses"].contains(key(k) ?? ""),
              k + 1 == i || (k + 2 == i && tokens[k + 1].isWord && longest(Lexicon.drugs, at: k + 1) == nil) else { return false }
        var previous = first - 1
        while previous > 0, !isSentenceEnd(previous - 1) { previous -= 1 }
        let possessive = pronoun == "he" ? "her" : "his"
        let relatives = pronoun == "he" ? Lexicon.maleRelatives : Lexicon.femaleRelatives
        let object = pronoun == "he" ? "her" : "him"
        return (previous..<first - 1).contains { r in
            relatives.contains(keys[r]) && key(r - 1) == possessive
                && (r + 1..<first - 1).contains { keys[$0] == object && key($0 - 1) == "with" && (object == "him" || !tokens[$0 + 1].isWord) }
        }
    }

    /// "… his wife's bag with her bisoprolol 5 mg in it, not his.": the drug's sentence says ", not his", ", not
    /// hers" or "- not theirs" at the end of a clause, within 8 words after the drug and before "is", "and", "our"…
    private func isDisownedByPatient(after end: Int) -> Bool {
        // Not a dose the crew gave ("We gave GTN 400 micrograms SL using our own spray, not his"), nor past another
        // statement ("He takes amlodipine and the walking frame is his wife's, not his").
        var first = end
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        if (first..<end).contains(where: { isCrewSubject($0) || Lexicon.givenDoneVerbs.contains(keys[$0]) }) { return false }
        var n = end
        while n + 1 < tokens.count, n < end + 8, !isSentenceEnd(n) {
            if ["is", "are", "was", "were", "and", "our", "ours", "we", "us"].contains(keys[n]) { return false }
            if isPunct(n, ",") || isPunct(n, "-"), key(n + 1) == "not", ["his", "hers", "theirs"].contains(key(n + 2) ?? ""),
               n + 3 >= tokens.count || isSentenceEnd(n + 3) || isPunct(n + 3, ",") {
                return true
            }
            n += 1
        }
        return false
    }

    /// A drug the crew gave, named again in a summary without a time of its own: "Quick recap for you, … she's had
    /// the Penthrox and a gram of paracetamol" (after "paracetamol one gram IV at 13:20") is the same dose. Only
    /// after "she's had", "he's had", "has had" in its sentence, or in a sentence with "recap" or "summary".
    /// "Morphine 5 mg IV 18:30, … morphine 2.5 mg IV 18:48. That's 12.5 mg of morphine in total": the sum of doses
    /// already listed, said with "in total", "altogether" or "a total of" near the drug, is no dose of its own. Only
    /// after two doses of the drug, with no time of its own and no dose the crew gives in its sentence.
    private func isTotalOfGiven(_ i: Int, _ end: Int, drug: String) -> Bool {
        guard medicationsGiven.filter({ $0.drug == drug }).count >= 2 else { return false }
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        var last = end
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        // The word of a total within six words of the drug ("12.5 mg of morphine in total", "a total of 10 mg of
        // morphine", "Total morphine 4 mg"), and no dose the crew gives in its sentence ("She's had a total of 10 mg,
        // so we then gave a further 2.5 mg morphine IV" is a further dose).
        let total = (max(first, i - 6)..<min(last, end + 6)).contains { q in
            (keys[q] == "total" && (key(q - 1) == "in" || key(q + 1) == "of" || key(q - 1) == "a" || q == first))
                || keys[q] == "altogether" || (keys[q] == "cumulative" && key(q + 1) == "dose")
        }
        guard total, !(first..<last).contains(where: { isCrewSubject($0) || Lexicon.givenDoneVerbs.contains(keys[$0]) }) else {
            return false
        }
        return !(first..<last).contains { keys[$0] == "at" && clock(at: $0 + 1) != nil }
    }

    private func isRecapOfGiven(_ i: Int, _ end: Int, drug: String) -> Bool {
        guard medicationsGiven.contains(where: { $0.drug == drug }) else { return false }
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        var last = end
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        let hasHad = (first..<i).contains { q in
            keys[q] == "had" && (["has", "have", "she's", "he's", "they've"].contains(key(q - 1) ?? "")
                                 || (q > 0 && tokens[q - 1].text.hasSuffix("'s")))
        }
        let recap = (first..<last).contains { Lexicon.recapWords.contains(keys[$0]) }
        guard hasHad || recap else { return false }
        // "He's had a second dose of morphine 5 mg IV since", "a further 5 mg": another dose.
        if (first..<last).contains(where: { ["second", "further", "another", "repeat", "more", "again", "since", "twice",
                                            "third", "extra", "additional", "total"].contains(keys[$0]) }) {
            return false
        }
        // A time of its own makes it another dose.
        var k = end
        while k < last, longest(Lexicon.drugs, at: k) == nil {
            if keys[k] == "at", clock(at: k + 1) != nil { return false }
            k += 1
        }
        return true
    }

    /// A route or "at" + a clock time in the drug's part of the sentence after `end` (up to a comma, a sentence end
    /// or another drug). A bare dose says nothing: home medicines are listed with theirs ("… and bisoprolol 2.5 mg").
    private func doseSaysGiven(after end: Int, within limit: Int = Int.max) -> Bool {
        var k = end
        // (Not past a scene time's words: "he's on amlodipine and ramipril left scene at four oh five", unpunctuated.)
        while k < tokens.count, k - end < limit, !isSentenceEnd(k), !isPunct(k, ","), longest(Lexicon.drugs, at: k) == nil,
              !isSceneTimeStatement(at: k) {
            if route(at: k) != nil || (keys[k] == "at" && clock(at: k + 1) != nil) { return true }
            k += 1
        }
        return false
    }

    /// A scene time's words followed by its clock time ("left scene at four oh five"), not "left thigh" or "at scene
    /// IV at 10:30".
    private func isSceneTimeStatement(at k: Int) -> Bool {
        guard let m = longest(Lexicon.times, at: k), m.value != .onset else { return false }
        var j = m.end
        if key(j) == "at" { j += 1 }
        return clock(at: j) != nil
    }

    /// An infusion fluid given through a line: not salt tablets ("sodium chloride tablets 600 mg") or saline nebs,
    /// drops or sprays, which patients do take at home.
    private func isInfusion(_ drug: String, after end: Int) -> Bool {
        guard Lexicon.intravenousFluids.contains(drug) else { return false }
        return !(end..<min(tokens.count, end + 4)).contains { Lexicon.nonInfusionForms.contains(keys[$0]) }
    }

    /// "…, both declined", "both were refused", "both not given" later in the drug's sentence, before another drug.
    private func bothRefused(after end: Int) -> Bool {
        var k = end
        while k < tokens.count, !isSentenceEnd(k), longest(Lexicon.drugs, at: k) == nil {
            if keys[k] == "both" {
                var w = k + 1
                if ["were", "was", "have", "had", "been"].contains(key(w) ?? "") { w += 1 }
                if key(w) == "been" { w += 1 }
                guard let next = key(w) else { return false }
                return Lexicon.refusalWords.contains(next) || ["not", "never"].contains(next)
            }
            k += 1
        }
        return false
    }

    /// The first index of the clause `i` is in: after the last sentence end, at most 12 tokens back.
    func clauseStart(_ i: Int) -> Int {
        var j = i - 1
        while j >= 0, i - j <= 12, !isSentenceEnd(j) { j -= 1 }
        return j + 1
    }

    /// A medicine said not to be taken (any more): a negation reached from the drug back over words of taking
    /// only ("He's not on warfarin", "doesn't take warfarin", "no longer takes", "Denies taking aspirin", "stopped
    /// his ramipril", "not sure if he's on warfarin"), or after it in its part of the sentence "it was stopped",
    /// "stopped it", "discontinued", "anymore" ("He was on warfarin but it was stopped last year").
    func isNegatedHistory(_ i: Int, _ end: Int) -> Bool {
        let taking: Set<String> = [
            "on", "take", "takes", "taking", "taken", "his", "her", "their", "the", "any", "been", "prescribed",
            "using", "use", "have", "has", "had", "is", "was", "currently", "regular", "usual", "regularly", "longer",
            "he", "she", "they", "if", "whether", "sure", "still", "any", "actually", "really", "ever", "be", "to",
        ]
        let negations: Set<String> = [
            "not", "never", "doesn't", "isn't", "wasn't", "didn't", "hasn't", "hadn't", "won't", "wouldn't",
            "don't", "denies", "denied", "stopped", "discontinued", "off", "nor", "unsure", "aren't", "weren't",
            // Once or maybe: "used to be on warfarin", "Previously on warfarin", "possibly on warfarin".
            "previously", "formerly", "possibly", "might", "maybe", "perhaps",
        ]
        var j = i - 1
        while j >= 0, i - j <= 6, !isSentenceEnd(j), tokens[j].isWord {
            // "no longer", not "no, he takes ramipril" (an answer).
            if negations.contains(keys[j]) || (keys[j] == "no" && key(j + 1) == "longer")
                || (keys[j] == "used" && key(j + 1) == "to") {
                return true
            }
            guard taking.contains(keys[j]) else { break }
            j -= 1
        }
        var k = end
        // Across one comma only into "stopped" + when ("Was on warfarin, stopped last year, now on apixaban"; not
        // "takes ramipril, stopped smoking last year").
        if isPunct(k, ","), ["stopped", "discontinued", "ceased"].contains(key(k + 1) ?? ""),
           k + 2 >= tokens.count || !tokens[k + 2].isWord
            || ["last", "in", "recently", "a", "about", "years", "months", "weeks", "yesterday", "when", "after",
                "because", "due", "ago", "since", "by", "it", "them", "on"].contains(keys[k + 2]) {
            return true
        }
        while k < tokens.count, k < end + 10, !isSentenceEnd(k), !isPunct(k, ","), longest(Lexicon.drugs, at: k) == nil {
            if ["stopped", "discontinued", "ceased"].contains(keys[k]),
               ["was", "been", "were", "got"].contains(key(k - 1) ?? "") || ["it", "them"].contains(key(k + 1) ?? "") {
                return true
            }
            if keys[k] == "anymore" || (keys[k] == "any" && key(k + 1) == "more") { return true }
            // "…until last month", "…but never started it".
            if keys[k] == "until" || (keys[k] == "never" && ["started", "took", "taken", "start"].contains(key(k + 1) ?? "")) {
                return true
            }
            k += 1
        }
        return false
    }

    /// Only medicines, their doses and schedules, "and", "or" and commas in `from..<to`.
    private func isMedicineList(from: Int, to: Int) -> Bool {
        var k = from
        while k < to {
            if let d = longest(Lexicon.drugs, at: k) { k = d.end; continue }
            if let n = numbers.parse(at: k) {
                k = doseUnit(at: n.end)?.end ?? n.end
                continue
            }
            if let r = route(at: k) { k = r.end; continue }
            guard isPunct(k, ",") || ["and", "or", "also"].contains(keys[k]) || Lexicon.scheduleWords.contains(keys[k]) else {
                return false
            }
            k += 1
        }
        return true
    }

    /// "uses" at `u` said of the patient: after "he", "she", "patient", "pt" ("Family say he uses…"), or opening its
    /// sentence or clause with nobody else named before it in its sentence ("His wife uses insulin"); no word of
    /// recreational use in the rest of the sentence.
    private func isPatientsUse(_ u: Int) -> Bool {
        var first = u
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        var last = u
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        let recreational = (u..<last).contains { ["recreationally", "recreational", "illicit", "street", "buys",
                                                  "bought", "misuses", "abuses", "not"].contains(keys[$0]) }
        if recreational { return false }
        if ["he", "she", "patient", "pt"].contains(key(u - 1) ?? "") { return true }
        let opens = u == first || isPunct(u - 1, ",") || ["also", "and", "but"].contains(key(u - 1) ?? "")
        return opens && !(first..<u).contains { isOtherGiverWord(keys[$0]) }
    }

    /// "Magnesium sulfate 2 g in 100 ml NaCl 0.9% IV over 20 min", "ceftriaxone 1 g in 10 ml saline": the fluid at
    /// `k` that another drug, named earlier in the sentence, was made up in; neither a dose of its own nor the end of
    /// that drug's dose (its route and time come after the fluid). Review 91.
    func isDiluent(_ k: Int) -> Bool {
        guard longest(Lexicon.drugs, at: k).map({ Lexicon.intravenousFluids.contains($0.value) }) ?? false else { return false }
        var q = k - 1
        if q >= 0, ["ml", "mls", "millilitres", "milliliters", "cc", "ccs"].contains(keys[q]) {
            q -= 1
            guard q >= 0, tokens[q].isNumber || numbers.isNumberWord(q) else { return false }
            q -= 1
        }
        guard key(q) == "in" else { return false }
        var s = q
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        return (s..<q).contains { longest(Lexicon.drugs, at: $0) != nil }
    }

    /// "His wife is on warfarin", "The mother is on iron and thyroxine herself" (of a baby) at the "on" at `on`: a
    /// relative's medicines, not the patient's. A mother's only when the patient is a child read so far (an
    /// obstetric patient is the mother herself).
    private func isRelativeOn(_ on: Int) -> Bool {
        guard key(on - 1) == "is", let who = key(on - 2) else { return false }
        return isRelativeSubjectsMedicine(who: who, at: on - 2, from: on)
    }

    /// "His mum has been taking her own amoxicillin for the cough" (of a baby), "His wife takes warfarin": the verb of
    /// taking at `j` whose subject (past "has", "been", "is", "also"…) is a relative, as `isRelativeOn` reads it.
    private func isRelativeTaking(_ j: Int) -> Bool {
        guard ["taking", "takes", "took", "using", "uses"].contains(keys[j]) else { return false }
        var w = j - 1
        while w > 0, ["has", "had", "been", "is", "was", "also", "already", "just", "still"].contains(keys[w]) { w -= 1 }
        guard w >= 0, w < j - 1 || ["takes", "took", "uses"].contains(keys[j]) else { return false }
        return isRelativeSubjectsMedicine(who: keys[w], at: w, from: j + 1)
    }

    /// The relative `who` (at `whoAt`)'s medicine, said from `on` (`isRelativeOn`, `isRelativeTaking`). Not in
    /// someone else's report, where the relative is the teller's: "Daughter states her father takes warfarin", "Son
    /// says his dad is on apixaban" (the patient; review 99).
    private func isRelativeSubjectsMedicine(who: String, at whoAt: Int, from on: Int) -> Bool {
        var s = whoAt
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        // (Someone else's report only: "She says her husband is on warfarin, not her" is the patient's own.)
        if let told = (s..<whoAt).first(where: { Lexicon.reportingVerbs.contains(keys[$0]) || ["per", "according"].contains(keys[$0]) }),
           (s..<whoAt).contains(where: { $0 != told && (Lexicon.relatives.contains(keys[$0]) || Lexicon.thirdPartyGivers.contains(keys[$0])) }) {
            return false
        }
        // (Not when the patient takes it too: "His wife is on warfarin and so is he", "… too", "…; he is on the
        // same", "… as is he", "… and he takes it as well", "… and he's been using her tablets": review 89.)
        var e = on
        while e < tokens.count, !isSentenceEnd(e) || isPunct(e, ";") { e += 1 }
        if (on..<e).contains(where: { k in
            ["too", "also", "same", "both", "well"].contains(keys[k])
                || (["so", "as"].contains(keys[k]) && ["is", "does", "did", "has"].contains(key(k + 1) ?? ""))
                || (["takes", "taking", "using", "uses"].contains(keys[k]) && ["it", "her", "his", "them", "some"].contains(key(k + 1) ?? ""))
        }) {
            return false
        }
        if ["mum", "mom", "mother", "mummy", "mommy", "mam", "ma"].contains(who) {
            guard let age = patient.age, let unit = patient.ageUnit else { return false }
            return unit != "years" || age < 16
        }
        let relatives: Set<String> = [
            "wife", "husband", "dad", "father", "son", "daughter", "sister", "brother", "girlfriend", "boyfriend",
            "grandmother", "grandfather", "grandma", "grandpa", "nan", "gran", "granny", "grandad", "aunt", "uncle",
            "flatmate", "roommate", "housemate", "friend", "neighbour", "neighbor", "stepdad", "stepmum", "stepmom",
            "stepfather", "stepmother", "twin", "fiancé", "fiance", "fiancee", "spouse",
        ]
        return relatives.contains(who)
    }

    func isHistoryClause(_ i: Int, _ end: Int) -> Bool {
        let start = clauseStart(i)
        // "normally", "usually", "currently"… say what is usual or now, not always about medicines: they count only
        // in the drug's own part of the sentence and not for a dose with a route or a time ("Normally independent,
        // morphine 5 mg IV at 14:20", "she normally lives alone ondansetron 4 mg iv").
        let soft: Set<String> = ["normally", "usually", "currently", "regularly", "usual"]
        let crewDose = doseSaysGiven(after: end) && !hasSchedule(after: end)
        // The answer to a question about the patient's medicines: "Regular meds? Sertraline, fifty milligrams.",
        // "Home meds? Furosemide forty twice a day, carvedilol twelve point five". Not to a question about what the
        // crew gave ("What meds did you give? Morphine 5 mg IV", "Any meds on board?"), nor for a dose with a route
        // or a time ("Meds? Morphine 10 mg IV at 14:10"); the crew speaking in the answer still decides.
        var history = !crewDose && start > 0 && isPunct(start - 1, "?") && asksForOwnMedicines(endingAt: start - 1)
        for j in start..<i {
            let k = keys[j]
            // "unable to take oral glucose": not what the patient takes. "med" only as "regular med", "home med"…,
            // "Med's include" ("Only med was ondansetron 4 mg IV", "Per med control", "Pre-med fentanyl").
            // ("His only med is insulin": "only" after a possessive.)
            if k == "med", ["regular", "usual", "home", "daily", "normal"].contains(key(j - 1) ?? "")
                || (key(j - 1) == "only" && Lexicon.possessives.contains(key(j - 2) ?? ""))
                || ["include", "includes", "list"].contains(key(j + 1) ?? "") {
                history = true
            }
            // A syringe driver runs the patient's own medicines ("The driver got morphine 10 mg from us" is a person).
            if k == "driver", key(j - 1) == "syringe", !crewDose { history = true }
            // ("uses" only of the patient, and not "recreationally": "His wife uses insulin", "Uses ketamine
            // recreationally" are not the patient's medicines.)
            if k == "uses", !isPatientsUse(j) { continue }
            if Lexicon.historyWords.contains(k), !(k == "take" && ["to", "can't", "cannot", "couldn't"].contains(key(j - 1) ?? "")),
               !isRelativeTaking(j),
               !soft.contains(k) || (!crewDose && !(j..<i).contains(where: { isPunct($0, ",") })) {
                history = true
            }
            // "he's on warfarin", "is on apixaban and aspirin": for a dose with a route or a time, only with nothing
            // but medicines, doses and "and" between "on" and the drug ("He's on the floor, morphine 5 mg IV", "he's
            // on oxygen salbutamol 5 mg nebulised").
            if k == "on", let prev = key(j - 1), Lexicon.onSubjects.contains(prev), !crewDose || isMedicineList(from: j + 1, to: i),
               !isRelativeOn(j) {
                history = true
            }
            // The crew speaking, or a crew intervention, starts the crew's part: "He's on warfarin, we've got a line
            // in, morphine 5 mg IV", "he takes ramipril cannulated morphine 5 mg".
            if Lexicon.givenVerbs.contains(k) || isCrewSubject(j) || longest(Lexicon.interventions, at: j) != nil {
                history = false
            }
            // "She should have methotrexate 10 mg once a week", "he's supposed to take apixaban": what the patient
            // is prescribed (the drug within two words after "have"/"take"/"be on").
            // (Not "Patient should have aspirin 300 mg as per the STEMI pathway, given at 10:05": a verb of giving in
            // its sentence, unless someone else is its subject: "… but the carer has given it every day".)
            if ["should", "supposed", "meant"].contains(k), ["she", "he", "she's", "he's"].contains(key(j - 1) ?? ""),
               let v = (j + 1..<min(j + 4, i)).first(where: { ["have", "take", "be"].contains(keys[$0]) }), i - v <= 3,
               !(v + 1..<i).contains(where: { Lexicon.givenVerbs.contains(keys[$0]) || ["had", "been", "given"].contains(keys[$0]) }),
               !(end..<tokens.count).prefix(while: { !isSentenceEnd($0) }).contains(where: { q in
                   Lexicon.givenDoneVerbs.contains(keys[q]) && giver(ofVerb: q) != .other
               }) {
                history = true
            }
            // "He started doxazosin 4 mg 2 days ago": a medicine the patient began, days or weeks before.
            if ["started", "began"].contains(k), ["he", "she"].contains(key(j - 1) ?? ""), i == j + 1 || (i == j + 2 && key(j + 1) == "taking"),
               startedDaysAgo(after: end) {
                history = true
            }
        }
        if key(i - 1) == "on", longest(Lexicon.drugs, at: i) != nil, history == false, !isRelativeOn(i - 1) {
            // "on warfarin" with no verb of giving in its part of the sentence ("Accepted conveyance, on apixaban"):
            // the patient's own medication.
            // (Not a giving said not to have happened: "no drugs given diabetic on metformin", unpunctuated.)
            var c = i - 1
            while c > start, !isPunct(c - 1, ",") { c -= 1 }
            history = !(c..<i).contains { k in
                (Lexicon.givenVerbs.contains(keys[k]) && !isNegatedGiving(k)) || isCrewSubject(k)
            }
        }
        if history || isUnderOwnMedicinesHeader(i) { return true }
        // "aspirin 75 mg daily" — a schedule marks a home medication.
        return hasSchedule(after: end)
    }

    /// "no drugs given", "nothing given", "not given", "none given": a verb of giving at `k` said not to have
    /// happened.
    private func isNegatedGiving(_ k: Int) -> Bool {
        ["not", "nothing", "none", "no"].contains(key(k - 1) ?? "")
            || (key(k - 2) == "no" && ["drugs", "drug", "meds", "medication", "medications", "analgesia", "treatment"]
                .contains(key(k - 1) ?? ""))
    }

    /// "Her own meds: Mestinon, …, prednisolone ten milligrams", "His current tablets are ramipril, ten milligrams,
    /// and …", "His own tablets: bisoprolol two point five", "Her only medicine is aspirin": a header naming the
    /// patient's medicines (a possessive, perhaps "own", "current", "regular", "only", then "meds", "tablets"…, then
    /// ":" or "are"/"is"/"include", then a drug within three words) governs the rest of its sentence, doses included,
    /// until the crew speaks, gives or does something.
    private func isUnderOwnMedicinesHeader(_ i: Int) -> Bool {
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        // ("Her only medicine is aspirin, seventy-five milligrams": one medicine, HeldOut18.)
        let lists: Set<String> = ["meds", "medications", "medication", "medicines", "medicine", "tablets", "tablet",
                                  "pills"]
        let modifiers: Set<String> = ["own", "current", "regular", "usual", "normal", "home", "other", "only"]
        guard let h = (s..<i).last(where: { k in
            lists.contains(keys[k])
                && (["his", "her", "their"].contains(key(k - 1) ?? "")
                    || (modifiers.contains(key(k - 1) ?? "") && ["his", "her", "their"].contains(key(k - 2) ?? "")))
                && (((isPunct(k + 1, ":") || ["are", "is", "include", "includes"].contains(key(k + 1) ?? ""))
                // (A drug straight after it: "His tablets are at home, so GTN 400 mcg SL" names a place.)
                && (k + 2..<min(k + 5, i + 1)).contains { longest(Lexicon.drugs, at: $0) != nil }
                && !["at", "in", "with", "on", "all", "gone", "here", "there"].contains(key(k + 2) ?? ""))
                // "Her tablets come in a blister pack: digoxin, …": up to six plain words, then ":" and a drug.
                || hasColonAfterHeader(k, before: i))
        }) else { return false }
        // A header of one medicine ("Her only medicine is", "His tablet is", "Her medication is") names the first
        // drug after it only, and only when nothing in the rest of its sentence is the crew's giving: a route, a time,
        // "given", "we", "by us", another drug, a vital ("Her medicine is paracetamol 1 g which we gave at 10:10",
        // "Her only medicine is aspirin 75 mg, ondansetron 4 mg IV at 10:12": review 70).
        if ["medicine", "tablet"].contains(keys[h]) || key(h - 1) == "only" || key(h + 1) == "is" {
            guard !(h + 1..<i).contains(where: { longest(Lexicon.drugs, at: $0) != nil }) else { return false }
            var q = i
            while q < tokens.count, !isSentenceEnd(q) {
                if Lexicon.givenVerbs.contains(keys[q]) || isCrewSubject(q) || route(at: q) != nil
                    || ["us", "crew", "stat", "then", "plus", "i", "me", "another"].contains(keys[q])
                    || (keys[q] == "at" && clock(at: q + 1) != nil)
                    || (q > i && longest(Lexicon.drugs, at: q) != nil) || startsVital(q) {
                    return false
                }
                q += 1
            }
        }
        return !(h..<i).contains { Lexicon.givenVerbs.contains(keys[$0]) || isCrewSubject($0) || longest(Lexicon.interventions, at: $0) != nil }
    }

    /// "… 2 days ago", "… last week", "… on Friday", "… yesterday": in the drug's sentence after `end`, when the
    /// patient started a medicine.
    private func startedDaysAgo(after end: Int) -> Bool {
        let days = Lexicon.weekdays.union(["yesterday"])
        var k = end
        while k < tokens.count, k < end + 10, !isSentenceEnd(k), !isPunct(k, ",") {
            if days.contains(keys[k]) || (keys[k] == "last" && ["week", "month", "night"].contains(key(k + 1) ?? "")) {
                return true
            }
            if keys[k] == "ago", ["days", "day", "weeks", "week", "months", "month"].contains(key(k - 1) ?? "") { return true }
            k += 1
        }
        return false
    }

    /// After the header word at `k`: up to six words that name what the medicines come in ("come in a blister
    /// pack", "are in a dosette box"; no crew speaking, no giving, no drug), a ":", and a drug within three words
    /// after it, before `i`. Not "His pills were all over the kitchen floor: paracetamol, about 30 missing".
    private func hasColonAfterHeader(_ k: Int, before i: Int) -> Bool {
        let containers: Set<String> = ["pack", "packs", "box", "boxes", "dosette", "blister", "blisters", "tray",
                                       "organiser", "organizer", "nomad", "venalink", "sachets"]
        guard let colon = (k + 1..<min(k + 8, i)).first(where: { isPunct($0, ":") }),
              (k + 1..<colon).contains(where: { containers.contains(keys[$0]) }),
              (k + 1..<colon).allSatisfy({ tokens[$0].isWord && !isCrewSubject($0) && !Lexicon.givenVerbs.contains(keys[$0])
                  && longest(Lexicon.drugs, at: $0) == nil }) else { return false }
        return (colon + 1..<min(colon + 4, i + 1)).contains { longest(Lexicon.drugs, at: $0) != nil }
    }

    /// The question ending at `mark` (a "?") asks what the patient takes: "Meds?", "Any regular medication?",
    /// "What does he take?", with no verb of giving in it.
    func asksForOwnMedicines(endingAt mark: Int) -> Bool {
        var q = mark - 1
        var asks = false
        while q >= 0, mark - q <= 10, !isSentenceEnd(q) {
            // "Has he had any medication?", "Any meds on board?", "Meds en route?", "What meds has he had so far?",
            // "Any pain meds?": what was given.
            if Lexicon.givenVerbs.contains(keys[q])
                || ["did", "you", "had", "board", "route", "far", "way", "pain", "relief", "us", "we"].contains(keys[q]) {
                return false
            }
            if Lexicon.historyWords.contains(keys[q]) || ["medicines", "medicine", "tablets", "pills"].contains(keys[q]) {
                asks = true
            }
            q -= 1
        }
        return asks
    }

    /// A schedule word ("daily", "BD", "PRN") within six words after `end`, in its part of the sentence.
    func hasSchedule(after end: Int) -> Bool {
        var j = end
        var n = 0
        while j < tokens.count, n < 6, !isSentenceEnd(j), !isPunct(j, ",") {
            if Lexicon.scheduleWords.contains(keys[j]) { return true }
            // "three times a day", "once a day", "twice per day" (not past a new subject: "we gave him salbutamol nebs
            // he uses it once a day normally", "ondansetron iv she's vomited ten times a day").
            if ["a", "per"].contains(keys[j]), key(j + 1) == "day", j > end, ["times", "once", "twice"].contains(keys[j - 1]),
               !(end..<j).contains(where: { Lexicon.clauseSubjects.contains(keys[$0]) }) {
                return true
            }
            j += 1
            n += 1
        }
        return false
    }

    /// A dose unit whose last token is just before `i`.
    func unitEnding(at i: Int) -> (first: Int, end: Int, unit: String)? {
        for first in max(0, i - 3)..<i {
            if let u = doseUnit(at: first), u.end == i { return (first, u.end, u.unit) }
        }
        return nil
    }

    func doseUnit(at j: Int) -> (end: Int, unit: String)? {
        // "2.4 mil units": million, not millilitres.
        if key(j) == "mil", key(j + 1) == "units" || key(j + 1) == "unit" { return nil }
        return longest(Lexicon.doseUnits, at: j).map { (end: $0.end, unit: $0.value) }
    }

    /// A dose unit at `j` for `drug`, with the factor its number is multiplied by: for an infusion fluid, litres
    /// too, read as millilitres ("a litre of saline", "1 liter NS" are 1,000 ml). Never for other drugs, where
    /// "2 litres" is an oxygen flow.
    func doseUnit(at j: Int, drug: String) -> (end: Int, unit: String, factor: Double)? {
        if let u = doseUnit(at: j) { return (u.end, u.unit, 1) }
        guard Lexicon.intravenousFluids.contains(drug), let k = key(j), Lexicon.litreUnits.contains(k) else {
            return nil
        }
        return (j + 1, "ml", 1000)
    }

    func route(at j: Int) -> (end: Int, route: String)? {
        guard let r = longest(Lexicon.routes, at: j) else { return nil }
        // "in" is a route only when written "IN" (it is also the most common English preposition).
        if r.value == "IN", keys[j] == "in", tokens[j].raw != "IN" { return nil }
        return (r.end, r.value)
    }

    mutating func given(_ i: Int, _ drugEnd: Int, drug: String) -> Int? {
        var dose: SpokenNumber?
        var unit: (end: Int, unit: String)?
        var doseSpan: Range<Int>?
        /// The unit of a weight-based dose ("1 mcg/kg" → "mcg"), while its total may still follow.
        var perKiloBase: String?
        var end = drugEnd
        // "five of morphine", "three hundred milligrams of aspirin", "point four of nitro", and for a fluid "a 250 ml
        // bolus of saline", "500 mils fluid challenge of Hartmann's": `unitEnd` is where the dose's words end.
        var unitEnd = i - 1
        if key(i - 1) == "of", let container = key(i - 2), Lexicon.fluidContainers.contains(container),
           Lexicon.intravenousFluids.contains(drug) {
            unitEnd = key(i - 3) == "fluid" ? i - 3 : i - 2
        }
        // With a bag or bolus between, only a volume with its unit is the dose ("BP 80 over 50 fluid challenge of
        // saline", "one bag of saline" have none).
        let container = unitEnd != i - 1
        if key(i - 1) == "of", unitEnd > 0 {
            for j in max(0, unitEnd - 7)..<unitEnd {
                guard let n = numbers.parse(at: j) else { continue }
                if container, n.form == .clock { continue }
                if isRunTogether(n), n.end == unitEnd || doseUnit(at: n.end, drug: drug)?.end == unitEnd { break }
                if n.end == unitEnd, !container {
                    dose = n
                    doseSpan = scalarSpan(j, unitEnd)
                    break
                }
                if let u = doseUnit(at: n.end, drug: drug), u.end == unitEnd {
                    dose = n
                    dose?.value *= u.factor
                    unit = (u.end, u.unit)
                    doseSpan = scalarSpan(j, u.end)
                    break
                }
            }
        }
        // "a gram of paracetamol", "a milligram of adrenaline", "a litre of saline": "a" is the number.
        // Not "half a milligram of", "a tenth of a milligram of".
        if dose == nil, key(i - 1) == "of", unitEnd >= 2, ["a", "one"].contains(key(unitEnd - 2) ?? ""),
           !["half", "quarter", "third", "tenth", "of"].contains(key(unitEnd - 3) ?? ""),
           let u = doseUnit(at: unitEnd - 1, drug: drug), u.end == unitEnd, ["g", "mg", "mcg", "ml"].contains(u.unit) {
            dose = SpokenNumber(value: u.factor, first: unitEnd - 2, end: unitEnd - 1, form: .cardinal)
            unit = (u.end, u.unit)
            doseSpan = scalarSpan(unitEnd - 2, u.end)
        }
        // "1 liter NS", "one point five litres NS" (with "of" between, the rules above read it): a fluid's volume in
        // litres straight before it, the longest number ending there. Not an oxygen flow ("on two litres saline
        // running", unpunctuated).
        if dose == nil, i >= 2, let u = doseUnit(at: i - 1, drug: drug), u.factor != 1, u.end == i {
            for j in max(0, i - 7)..<(i - 1) {
                guard var n = numbers.parse(at: j), n.end == i - 1 else { continue }
                if isRunTogether(n) || n.form == .clock || key(j - 1) == "on" { break }
                n.value *= u.factor
                dose = n
                unit = (u.end, u.unit)
                doseSpan = scalarSpan(n.first, u.end)
                break
            }
        }
        // "4 mg ondansetron": a dose with its unit straight before the drug.
        // (Not the dose of the medicine before it: "aspirin 75 milligrams metformin".)
        if dose == nil, let u = unitEnding(at: i), lastHistoryMedicationEnd != i, lastGivenEnd != i {
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
        while let k = key(j), ["spray", "tablet", "tablets", "tab", "tabs", "suppository", "suppositories", "supp", "supps"].contains(k) { j += 1 }
        // "glucose ten percent, one hundred mils IV", "Morphine, 5 milligrams": a comma before a dose with its unit,
        // when the dose is not another drug's ("aspirin, 4 mg ondansetron", "TXA, 2 units of blood") or a reading
        // ("glucose, 65 mg/dL").
        if dose == nil, isPunct(j, ","), let n = numbers.parse(at: j + 1), let u = doseUnit(at: n.end),
           !isPunct(u.end, "/"), !commaDoseBelongsElsewhere(from: u.end) {
            j += 1
        }
        // "adrenaline 1 in 10,000 1 mg": a concentration, not the dose.
        if let n = numbers.parse(at: j), key(n.end) == "in" || isPunct(n.end, ":"), numbers.parse(at: n.end + 1) != nil {
            j = (numbers.parse(at: n.end + 1)?.end ?? n.end + 1)
            // "10,000": thousands groups after a comma
            while isPunct(j, ","), j + 1 < tokens.count, tokens[j + 1].isNumber, tokens[j + 1].text.count == 3 { j += 2 }
        }
        if dose == nil, let n = numbers.parse(at: j), n.form != .clock, n.form != .hundreds || doseUnit(at: n.end) != nil {
            if let next = key(n.end), Lexicon.notAReading.contains(next) || ["doses", "dose", "ago"].contains(next) {
                // "Gave morphine 10 minutes ago", "Adrenaline 3 doses IO": not a dose.
                j = n.end
            } else if doseUnit(at: n.end) == nil,
                      ["/", "%"].contains(tokens[min(n.end, tokens.count - 1)].text) && n.end < tokens.count
                        || ["percent", "out", "over", "lots", "rounds", "times", "x"].contains(key(n.end) ?? "")
                        || ["after", "post", "following"].contains(key(i - 1) ?? "") {
                // "Pain 8/10, after morphine 3/10", "RR 6 after naloxone 14", "sats 88% after salbutamol 95%",
                // "Naloxone 3 lots of 400 mcg": a reading or a count after the drug, not its dose (left unread).
                j = drugEnd
            } else if isRunTogether(n, lookingBack: j == drugEnd) {
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
                } else if let u = doseUnit(at: j, drug: drug),
                          u.factor == 1 || !Lexicon.oxygenDeviceWords.contains(key(u.end) ?? "") {
                    // "saline 1 litre IV": 1,000 ml; not "saline 15 litres non-rebreather" (an oxygen flow).
                    dose?.value *= u.factor
                    unit = (u.end, u.unit)
                    j = u.end
                    // "1 microgram per kilo": a weight-based dose
                    if let e = longest([["per", "kilo"], ["per", "kg"], ["/", "kg"], ["per", "kilogram"], ["a", "kilo"]],
                                       at: j) {
                        unit = (e, u.unit + "/kg")
                        perKiloBase = u.unit
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
        // "We offered morphine, which she accepted, 5 mg IV": an offer that `isNotAdministered` found taken up.
        var verb = (clauseStart(i)..<i).contains { v in
            guard (Lexicon.givenVerbs.contains(keys[v]) && !isGivenInAnotherSense(v)) || keys[v] == "offered" else {
                return false
            }
            let between = v + 1..<i
            return !between.contains { isPunct($0, ",") } || between.contains { longest(Lexicon.drugs, at: $0) != nil }
        }
        var k = j
        var steps = 0
        /// The words of a time said after "at" that `clock` does not read ("at nine-twenty").
        var saidAt: String?
        // "diclofenac allergy so gave paracetamol", "ibuprofen known allergy so we gave…": a drug named with an allergy
        // word after it is the allergen, not given (the allergy matcher reads it), unless a verb of giving stands
        // right before the drug ("we gave adrenaline allergic reaction settling") or the words say what it treated
        // ("Adrenaline for the allergic reaction given IM").
        // Only the crew's own verbs: "Given his penicillin allergy, …", "GP started amoxicillin" are not.
        let givenRightBefore = [key(i - 1), key(i - 2)].contains {
            ["gave", "administered", "pushed", "dosed", "titrated"].contains($0 ?? "")
        }
        func allergyWord(_ k: Int) -> Bool {
            ["allergy", "allergic", "allergies"].contains(keys[k]) && !["for", "the", "an", "of"].contains(key(k - 1) ?? "")
        }
        if dose == nil, !givenRightBefore, j < tokens.count, allergyWord(j) { return nil }
        // Not past another event ("aspirin 300 mg po chest pain started at 1345", "morphine 5 mg iv left scene at
        // 1430", "gave aspirin 300 mg he collapsed at 1330": those times are not the dose's). Not at "he"/"she":
        // PocketSphinx writes "mg" as "and she". Not at "nobody", "no one": "…brought the rest of the methotrexate so
        // nobody gives her any more".
        while k < tokens.count, steps < 8, !isSentenceEnd(k),
              !isPunct(k, ",") || perKiloBase.map({ perKiloTotal(at: k, unit: $0) != nil }) ?? false,
              longest(Lexicon.drugs, at: k) == nil || isDiluent(k),
              !startsVitalReading(k), keys[k] != "both", givenRightBefore || dose != nil || !allergyWord(k),
              !["started", "began", "onset", "collapsed", "arrived", "woke", "fell", "called", "rang", "scene",
                "pain", "repeat", "obs", "observations", "vitals", "nobody", "noone"].contains(keys[k]),
              !(keys[k] == "no" && key(k + 1) == "one"),
              !(keys[k] == "left" && (key(k + 1) == "scene" || (key(k + 1) == "the" && key(k + 2) == "scene"))) {
            // "Fentanyl 1 mcg/kg IN, that's 75 mcg, at 0620": the total of a weight-based dose is the dose given.
            if let base = perKiloBase, let total = perKiloTotal(at: k, unit: base) {
                dose = total.number
                unit = (total.end, base)
                doseSpan = scalarSpan(total.number.first, total.end)
                perKiloBase = nil
                end = max(end, total.end)
                k = total.end
                if isPunct(k, ","), key(k + 1) == "at" || self.route(at: k + 1) != nil { k += 1 }
                steps += 1
                continue
            }
            // "… and IM adrenaline 0.5 mg": a route after "and", "then" or a comma and straight before the next drug
            // is that drug's ("Morphine 5 mg IV ondansetron 4 mg IV": the first IV is the morphine's).
            if let r = self.route(at: k), longest(Lexicon.drugs, at: r.end) != nil,
               isPunct(k - 1, ",") || ["and", "then", "plus", "also"].contains(key(k - 1) ?? "") {
                break
            }
            if route == nil, let r = self.route(at: k) {
                route = (k, r.end, r.route)
                // "diazepam ten milligrams PR, no, sorry, IV, it was IV", "PR, I mean IV": the route corrected.
                if let c = correctedRoute(after: r.end, r.route) { route = (c.first, c.end, c.route) }
                end = max(end, route?.end ?? r.end)
                k = route?.end ?? r.end
                steps += 1
                // ("NaCl 0.9% 500 ml IV bolus 14:38", "IV push 06:20": the way it went in, then its time.)
                let manner = ["bolus", "push", "stat", "slowly"].contains(key(k) ?? "") ? k + 1 : k
                if time == nil, let c = closingClock(at: manner) {
                    k = manner
                    time = (k, c.end, c.time)
                    end = max(end, c.end)
                    k = c.end
                    // "IV at ten fifty-five, no, sorry, it was IM": the route corrected after its time.
                    if let said = route?.route, let c = correctedRoute(after: k, said), key(c.end) != "at" {
                        route = (c.first, c.end, c.route)
                        end = max(end, c.end)
                        k = c.end
                    }
                }
                continue
            }
            if time == nil, keys[k] == "at", let c = clock(at: k + 1) {
                time = (k, c.end, c.time)
                end = max(end, c.end)
                // "IV at ten fifty-five, no, sorry, it was IM": the route said just before its time, corrected after
                // it.
                // (Not a route with a time of its own: "IV at 10:20, sorry, IM at 10:40 was the cyclizine".)
                if let r = route, r.end == k, let c2 = correctedRoute(after: c.end, r.route), key(c2.end) != "at" {
                    route = (c2.first, c2.end, c2.route)
                    end = max(end, c2.end)
                    k = c2.end
                } else if let u = unit, let c2 = correctedUnit(after: c.end, u.unit) {
                    // "six hundred milligrams IV at eight thirty-one, sorry, micrograms": the unit corrected (and the
                    // dose, when said again in it).
                    unit = c2.unit
                    if let n = c2.dose { (dose, doseSpan) = (n, c2.doseSpan) }
                    end = max(end, c2.end)
                    k = c2.end
                } else {
                    k = c.end
                }
                steps += 1
                continue
            }
            if time == nil, saidAt == nil, keys[k] == "at", let w = wordsOfTime(after: k) {
                // "at nine-twenty": a time said the 12-hour way, not read, but it tells one dose from another.
                saidAt = w
                // ("… milligrams IV at eight thirty-one, sorry, micrograms": the unit corrected after it.)
                if let u = unit, let c2 = correctedUnit(after: wordsOfTimeEnd(after: k), u.unit) {
                    unit = c2.unit
                    if let n = c2.dose { (dose, doseSpan) = (n, c2.doseSpan) }
                    end = max(end, c2.end)
                    k = c2.end
                    steps += 1
                    continue
                }
            }
            // "…so ibuprofen we were on scene": after the drug, "we" alone is no verb of giving; "we gave", "we did
            // one spray", "we tried" are.
            // Not "GTN we did not use", "ketamine we did discuss", "morphine we tried but couldn't get access".
            let weDid = (keys[k] == "we" || keys[k] == "we've")
                && (k + 1...k + 2).contains { ["did", "tried", "used", "sprayed"].contains(key($0) ?? "") }
                && !weDidNot(after: k)
            // "he takes apixaban we gave him 4 mg ondansetron": the crew's next clause is about the next drug.
            if isCrewVerbAboutDrugBefore(k, drugEnd: j) {
                verb = true
                end = max(end, k + 1)
            } else if isCrewSubject(k), !weDid {
                break
            }
            // "we've got a litre of saline running": a fluid running is a fluid given.
            let running = Lexicon.intravenousFluids.contains(drug) && ["running", "infusing", "hung"].contains(keys[k])
            if Lexicon.givenVerbs.contains(keys[k]) || weDid || running {
                verb = true
                end = max(end, k + 1)
            }
            k += 1
            steps += 1
        }
        // "…gave a second adrenaline, three hundred micrograms IM, at twelve forty-six.": the time in its own part
        // of the sentence after the dose, when that part is nothing but "at" and the time, and ends the sentence
        // or is followed by ", and …" ("at 14:10 we arrived on scene" is another event).
        if time == nil, dose != nil || route != nil, isPunct(k, ","), key(k + 1) == "at", let c = clock(at: k + 2),
           c.end >= tokens.count || isSentenceEnd(c.end)
            || (isPunct(c.end, ",") && ["and", "then"].contains(key(c.end + 1) ?? "")) {
            time = (k + 1, c.end, c.time)
            end = max(end, c.end)
            k = c.end
        }
        guard dose != nil || route != nil || verb else { return nil }
        // "We gave aspirin 300 mg. The aspirin was chewed.", "pain 4 after the morphine IV": the dose already listed,
        // named again.
        // ("We repeated the morphine at 14:20", "the ondansetron again" are new doses.)
        if dose == nil, ["the", "that", "this"].contains(key(i - 1) ?? ""),
           medicationsGiven.contains(where: { $0.drug == drug }),
           !(clauseStart(i)..<min(tokens.count, end + 4)).contains(where: { k in
               ["repeat", "repeated", "again", "another", "second", "further", "top", "topped"].contains(keys[k])
           }) {
            return end
        }
        // "to plan five milligrams of morphine" (two point five): the decimal was lost, so is the dose.
        if let d = dose, numbers.isDecimalFragment(d) {
            dose = nil
            unit = nil
            doseSpan = nil
        }
        let doseValue = dose.map { Self.round1Dose($0.value) }
        guard doseValue.map({ $0 > 0 }) ?? true else { return end }
        // "Morphine five milligrams IV at nine-twenty … five of morphine at nine-twenty" (a summary, a read-back):
        // the same drug at the same time (read, or the same words of a time not read), with nothing said that
        // differs, is the dose already listed.
        let when = time?.time ?? saidAt.map { "at " + $0 }
        let repeated = (clauseStart(i)..<min(tokens.count, end + 4)).contains { k in
            ["repeat", "repeated", "again", "another", "second", "further", "top", "topped", "more"].contains(keys[k])
                || (keys[k] == "back" && key(k + 1) == "to" && key(k + 2) == "back")
        }
        if let when, !repeated, medicationsGiven.indices.contains(where: { g in
            let given = medicationsGiven[g]
            // The repeat says less than the first (no unit, or no route): "five of morphine at nine-twenty". Two
            // full mentions may be two doses ("Fentanyl 50 mcg IN left nostril at 06:20, fentanyl 50 mcg IN right
            // nostril at 06:20").
            let saysLess = (unit == nil && given.unit != nil) || (route == nil && given.route != nil)
            return saysLess && given.drug == drug && (given.time ?? givenSaidAt[g]) == when
                && (doseValue == nil || given.dose == doseValue)
                && (unit == nil || given.unit == unit?.unit) && (route == nil || given.route == route?.route)
        }) {
            return end
        }
        let index = medicationsGiven.count
        givenSaidAt.append(time == nil ? saidAt.map { "at " + $0 } : nil)
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
        // "…and hydrocortisone 200 mg IV, both at 14:35", "…, both nebulised": a route and time said straight after
        // "both" belong to this drug and to the one joined to it by "and" straight before it, when they lack them.
        if let shared = bothShared(at: k) {
            var owners = [medicationsGiven.count - 1]
            // Where this drug's words begin: its dose when said first ("and 240 milligrams of paracetamol orally").
            let start = min(i, dose?.first ?? i)
            if key(start - 1) == "and", lastGivenEnd == start - 1 { owners.append(medicationsGiven.count - 2) }
            for owner in owners {
                let prefix = "medications_given[\(owner)]"
                if medicationsGiven[owner].route == nil, let r = shared.route {
                    medicationsGiven[owner].route = r.route
                    addEvidence("\(prefix).route", scalarSpan(r.first, r.end), nemsis: "eMedications.04")
                }
                if medicationsGiven[owner].time == nil, let t = shared.time {
                    medicationsGiven[owner].time = t.time
                    addEvidence("\(prefix).time", scalarSpan(t.first, t.end), nemsis: "eMedications.01")
                }
            }
            end = max(end, shared.end)
        }
        lastGivenEnd = end
        return end
    }

    /// "We gave atropine 600 micrograms IV at 20:31, then another six hundred micrograms IV at 20:39", "Morphine 5 mg
    /// IV at 14:10. A further 2.5 mg IV at 14:25.": a further dose said without its drug's name is the crew's last
    /// dose's drug again. Only:
    /// - "another", "a further", "a second", "a third" straight before a number and a dose unit, the same unit as
    ///   the last dose's, with no drug named in the four words after it ("another 5 mg of ondansetron" is that
    ///   drug's);
    /// - within 30 words after the last dose of the crew's, nothing between them but words (no other drug), and no
    ///   other drug of the crew's in the same unit named in the forty words before it;
    /// - not stock, the patient's own or a syringe drawn up ("another 10 mg vial in the bag", "had taken another");
    /// - not a plan, an offer, a limit or a negation before it in its sentence ("can have another 5 mg", "due
    ///   another", "no further", "didn't need another", "if needed");
    /// - with its own time, when it has one, different from the last dose's.
    /// The drug's evidence is the drug's name said with the last dose. (The sixteenth review withdrew a wider reading
    /// of unnamed repeats, "and another two and a half at sixteen-ten", that made doses of counts, stock, plans and
    /// other patients; this one needs "another"/"a further" with the same unit, and the guards above.)
    mutating func matchFurtherDose(at i: Int) -> Int? {
        var n = i + 1
        if keys[i] == "another" {
            // ("another" alone.)
        } else if keys[i] == "a", ["further", "second", "third"].contains(key(i + 1) ?? "") {
            n = i + 2
        } else {
            return nil
        }
        // The crew's last dose, or someone else's said after it when the crew speaks (`othersDoseRepeated`).
        let others = othersDoseRepeated(at: i)
        let last: (drug: String, unit: String?, route: String?, time: String?)
        let lastEnd: Int
        if let others {
            last = (others.drug, others.unit, others.route, nil)
            lastEnd = others.end
        } else if let given = medicationsGiven.last, let end = lastGivenEnd {
            last = (given.drug, given.unit, given.route, given.time)
            lastEnd = end
        } else {
            return nil
        }
        guard lastEnd <= i, i - lastEnd <= 30,
              let number = numbers.parse(at: n), let u = doseUnit(at: number.end), u.unit == last.unit,
              !(lastEnd..<i).contains(where: { longest(Lexicon.drugs, at: $0) != nil }),
              // (A dose between them that was read as nobody's is a drug the lexicon does not know: "Valium 5 mg IV
              // at 1410 and another 5 mg IV at 1420".)
              !(lastEnd..<i).contains(where: { k in numbers.parse(at: k).map { doseUnit(at: $0.end) != nil } ?? false }),
              !(u.end..<min(tokens.count, u.end + 4)).contains(where: { longest(Lexicon.drugs, at: $0) != nil }) else {
            return nil
        }
        // What may stand straight before it: a clause's start, "then", "and", "so", "followed by", a verb of giving,
        // or the end of the last dose itself (an engine's unpunctuated "…at fourteen ten another five milligrams").
        let lead = key(i - 1)
        // ("We gave him a further 500 micrograms": past the one given to.)
        guard i == 0 || lastEnd == i || isSentenceEnd(i - 1) || isPunct(i - 1, ",")
                || ["then", "and", "so", "gave", "given", "plus"].contains(lead ?? "")
                || (["him", "her", "them"].contains(lead ?? "") && ["gave", "given"].contains(key(i - 2) ?? ""))
                || (lead == "by" && key(i - 2) == "followed") else { return nil }
        // (Only one drug of that unit named in the forty words before: "Morphine 5 mg IV at 14:10 and ondansetron 4 mg
        // IV at 14:12, and another 5 mg IV at 14:20" could be either.)
        let named = Set((max(0, i - 40)..<i).compactMap { longest(Lexicon.drugs, at: $0)?.value })
        guard named.allSatisfy({ d in d == last.drug || !medicationsGiven.contains(where: { $0.drug == d && $0.unit == last.unit }) }) else {
            return nil
        }
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        var sentenceEnd = i
        while sentenceEnd < tokens.count, !isSentenceEnd(sentenceEnd) { sentenceEnd += 1 }
        // Not in a summary, a restatement or someone else's words, nor with another giver in its sentence ("The GP
        // gave a further 1 g", "Mum says she gave another 250 mg", "So in summary 5 mg and another 5 mg").
        let restating: Set<String> = ["summary", "recap", "total", "altogether", "says", "said", "told", "tells",
                                      "apparently", "reportedly", "patient", "passenger", "driver"]
        // (From the last dose on: an engine's transcript may be one long sentence.)
        if (max(first, lastEnd)..<sentenceEnd).contains(where: { q in
            restating.contains(keys[q]) || (q + 1 < tokens.count && tokens[q].text == "that's")
                || (Lexicon.givenDoneVerbs.contains(keys[q]) && giver(ofVerb: q) == .other)
        }) {
            return nil
        }
        let notGiven: Set<String> = ["can", "could", "may", "might", "due", "if", "would", "will", "allowed", "need",
                                     "needs", "needed", "didn't", "not", "no", "never", "before", "until", "without",
                                     "wanted", "want", "offered", "declined", "refused", "consider", "considered",
                                     "max", "maximum", "should", "you", "plan", "planned", "prepared", "drew", "drawn",
                                     "going", "suggest", "asked", "turned", "taken", "took", "swallowed", "brought"]
        if (first..<i).contains(where: { notGiven.contains(keys[$0]) && $0 > lastEnd }) { return nil }
        var k = u.end
        var end = u.end
        var route: (first: Int, end: Int, route: String)?
        if let r = self.route(at: k) {
            // (Another route than the last dose's is mostly another drug: "another 300 mg IV" after aspirin chewed is
            // amiodarone. Naloxone and adrenaline change routes.)
            // (Someone else's dose by another route is no basis: "The ranger gave adrenaline 300 micrograms IM … we
            // gave a further 50 micrograms IN" may be fentanyl; review 102.)
            guard r.route == last.route || (["naloxone", "epinephrine"].contains(last.drug) && others == nil)
                    || (others != nil && last.route == nil) else {
                return nil
            }
            route = (k, r.end, r.route)
            k = r.end
            end = r.end
        }
        var time: (first: Int, end: Int, time: String)?
        if key(k) == "at", let c = clock(at: k + 1) {
            time = (k, c.end, c.time)
            end = c.end
            k = c.end
        } else if key(k) == "at", wordsOfTime(after: k) != nil {
            // ("at eight thirty-nine" in the evening with nothing to read it against: said, not read.)
            k = wordsOfTimeEnd(after: k)
            end = k
        }
        // After it only the end of its clause or sentence, "and", "then", the crew speaking or another vital (engine
        // text without punctuation): "another 5 mg?", "another 5 mg is ready", "another 10 mg in the drugs pouch",
        // "another 1 g over eight hours to follow" are not doses.
        guard k >= tokens.count || isSentenceEnd(k) && !isPunct(k, "?") || isPunct(k, ",")
                || ["and", "then"].contains(keys[k]) || Lexicon.crewPronouns.contains(keys[k]) || startsVital(k) else {
            return nil
        }
        // Not taken back straight after for another drug ("we gave another 1 g IV at 1400... no, sorry, morphine 5 mg
        // IV at 1400"; not "…, sorry, he was still 8 out of 10", review 105).
        var c = end
        while c < tokens.count, c < end + 3, tokens[c].kind == .punctuation { c += 1 }
        if let marker = longest(Lexicon.corrections, at: c) ?? (c > end ? longest(Lexicon.corrections, at: c - 1) : nil) {
            var d = marker
            while let m = longest(Lexicon.corrections, at: d) { d = m }
            if isPunct(d, ",") { d += 1 }
            if longest(Lexicon.drugs, at: d) != nil { return nil }
        }
        // A time of its own after the last dose's, not the same.
        if let t = time?.time, let l = last.time, t <= l { return nil }
        let drugEvidence: Evidence
        if let others {
            let span = scalarSpan(others.name.lowerBound, others.name.upperBound)
            drugEvidence = Evidence(path: "", text: String(String.UnicodeScalarView(transcript[span])),
                                    start: span.lowerBound, end: span.upperBound, nemsis: nil)
        } else if let e = evidence.last(where: { $0.path == "medications_given[\(medicationsGiven.count - 1)].drug" }) {
            drugEvidence = e
        } else {
            return nil
        }
        let index = medicationsGiven.count
        givenSaidAt.append(nil)
        let prefix = "medications_given[\(index)]"
        evidence.append(Evidence(path: "\(prefix).drug", text: drugEvidence.text, start: drugEvidence.start,
                                 end: drugEvidence.end, nemsis: "eMedications.03"))
        let doseSpan = scalarSpan(n, u.end)
        addEvidence("\(prefix).dose", doseSpan, nemsis: "eMedications.05")
        addEvidence("\(prefix).unit", doseSpan, nemsis: "eMedications.06")
        if let route { addEvidence("\(prefix).route", scalarSpan(route.first, route.end), nemsis: "eMedications.04") }
        if let time { addEvidence("\(prefix).time", scalarSpan(time.first, time.end), nemsis: "eMedications.01") }
        medicationsGiven.append(MedicationGiven(drug: last.drug, dose: Self.round1Dose(number.value), unit: u.unit,
                                                route: route?.route, time: time?.time))
        lastGivenEnd = end
        return end
    }

    static func round1Dose(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

    /// The words of a clock time after "at" at `k`, up to the end of its part of the sentence (at most four words,
    /// numbers and their joining words only): "nine-twenty" → "nine - twenty".
    private func wordsOfTime(after k: Int) -> String? {
        let words = keys[min(k + 1, keys.count)..<wordsOfTimeEnd(after: k)]
        return words.contains(where: { $0 != "-" }) ? words.joined(separator: " ") : nil
    }

    /// Where the words of a time after "at" at `k` end (`wordsOfTime`).
    private func wordsOfTimeEnd(after k: Int) -> Int {
        var w = k + 1
        while w < tokens.count, w <= k + 4, !isSentenceEnd(w), !isPunct(w, ","),
              tokens[w].isNumber || numbers.isNumberWord(w) || isPunct(w, "-") || ["oh", "o"].contains(keys[w]) {
            w += 1
        }
        return w
    }

    /// The total of a weight-based dose, said straight after it: "(,) that's 75 mcg", "that is 75 micrograms", "so
    /// 75 mcg", "which is 75 mcg", in the dose's own unit (not another rate: "that's 1.5 mg per kilo"), and not a
    /// time or a reading.
    private func perKiloTotal(at k: Int, unit: String) -> (number: SpokenNumber, end: Int)? {
        var p = k
        if isPunct(p, ",") { p += 1 }
        guard p < tokens.count else { return nil }
        switch (tokens[p].text.lowercased(), key(p + 1)) {
        case ("that's", _), ("so", _): p += 1
        case ("that", "is"), ("which", "is"): p += 2
        default: return nil
        }
        guard let n = numbers.parse(at: p), n.form != .clock, let u = doseUnit(at: n.end), u.unit == unit,
              longest([["per", "kilo"], ["per", "kg"], ["/", "kg"], ["per", "kilogram"], ["a", "kilo"]], at: u.end) == nil
        else { return nil }
        // Only a total that was given: it ends its part of the sentence, or a route or "at" and a time follow; not
        // a ceiling, a plan or a share ("that's 100 mcg max, we gave 75", "so 75 mcg would be the max", "that's 75
        // mcg per nostril", "rounded to 50", "which we'll give at hospital"), and not when the rest of the sentence
        // gives another amount ("that's 8 mg, but we only gave 5 mg IV").
        let e = u.end
        guard e >= tokens.count || isSentenceEnd(e) || isPunct(e, ",") || route(at: e) != nil || key(e) == "at" else {
            return nil
        }
        var w = e
        while w < tokens.count, !isSentenceEnd(w) {
            if ["max", "maximum", "would", "per", "each", "up", "rounded", "split", "but", "will", "we'll", "planned",
                "plan", "to", "if", "divided", "only", "suggest", "you", "give", "consider", "could", "should", "can",
                "i'd"].contains(keys[w]) {
                return nil
            }
            if Lexicon.givenVerbs.contains(keys[w]), (w + 1...w + 3).contains(where: { numbers.parse(at: $0) != nil }) {
                return nil
            }
            w += 1
        }
        return (n, u.end)
    }

    /// "GTN we did not use", "ketamine we did discuss", "morphine we tried but couldn't get access": within five
    /// words of "we" and its clause, a negation, a failure or a word of only talking about it ("think about"); any
    /// "but" after "tried". "GTN we did two sprays but no relief" and "four milligrams i think" were given.
    private func weDidNot(after k: Int) -> Bool {
        let tried = key(k + 1) == "tried" || key(k + 2) == "tried"
        var w = k + 1
        while w <= k + 5, w < tokens.count, !isSentenceEnd(w), !isPunct(w, ",") {
            if ["not", "never", "didn't", "n't", "consider", "considered", "discuss", "discussed", "need", "needed",
                "couldn't", "can't", "unable", "failed", "cannot"].contains(keys[w]) {
                return true
            }
            if ["think", "thought"].contains(keys[w]), key(w + 1) == "about" { return true }
            if keys[w] == "but", tried { return true }
            w += 1
        }
        return false
    }

    /// "both at 14:35", ", both nebulised at 19:42", "both IV": only a route and an "at" time straight after
    /// "both" (optionally after a comma), in either order, and nothing else ("both legs splinted at 14:30",
    /// "both given by the GP" share nothing).
    private func bothShared(at k0: Int) -> (route: (first: Int, end: Int, route: String)?,
                                           time: (first: Int, end: Int, time: String)?, end: Int)? {
        var k = k0
        if isPunct(k, ",") { k += 1 }
        guard key(k) == "both" else { return nil }
        k += 1
        var route: (first: Int, end: Int, route: String)?
        var time: (first: Int, end: Int, time: String)?
        while true {
            if route == nil, let r = self.route(at: k) {
                route = (k, r.end, r.route)
                k = r.end
            } else if time == nil, key(k) == "at", let c = clock(at: k + 1) {
                time = (k, c.end, c.time)
                k = c.end
            } else {
                break
            }
        }
        guard route != nil || time != nil else { return nil }
        // What follows must end the clause: "both at 14:35 by the GP" is not the crew's time to share.
        guard k >= tokens.count || isSentenceEnd(k) || isPunct(k, ",") || key(k) == "and" else { return nil }
        return (route, time, k)
    }

    /// "Naloxone 400 micrograms IM twenty-two twenty.": a clock time straight after the route that closes the
    /// clause. Only a spoken 24-hour time or hh:mm with a two-digit hour; never bare digits ("IV 1420", "IM 400") or
    /// a concentration ("IV 1:10,000").
    private func closingClock(at k: Int) -> (time: String, end: Int)? {
        guard let n = numbers.parse(at: k), let c = clock(at: k) else { return nil }
        let spoken = n.form == .clock && !tokens[k].isNumber
        let written = tokens[k].isNumber && tokens[k].text.count == 2 && isPunct(k + 1, ":")
        guard spoken || written else { return nil }
        // (Or before how long it ran: "IV bolus 11:20 over 20 min".)
        let overMinutes = key(c.end) == "over" && numbers.parse(at: c.end + 1).map { ["min", "mins", "minutes"].contains(key($0.end) ?? "") } ?? false
        guard c.end >= tokens.count || isSentenceEnd(c.end) || isPunct(c.end, ",") || overMinutes else { return nil }
        if isPunct(c.end, ","), c.end + 1 < tokens.count, tokens[c.end + 1].isNumber { return nil }
        return c
    }

    /// Up to the next comma or sentence end: another drug's name, "of" or "per" (the dose is someone else's).
    private func commaDoseBelongsElsewhere(from k0: Int) -> Bool {
        var k = k0
        while k < tokens.count, !isSentenceEnd(k), !isPunct(k, ",") {
            if longest(Lexicon.drugs, at: k) != nil || ["of", "per", "blood"].contains(keys[k]) { return true }
            k += 1
        }
        return false
    }

    /// A number with digits straight before or after it ("We gave 320 4 mg of aspirin" for three twenty-four): a
    /// piece of a number the engine split, not a dose.
    /// Not looking back past a concentration ("adrenaline 1 in 10,000 1 mg").
    private func isRunTogether(_ n: SpokenNumber, lookingBack: Bool = true) -> Bool {
        (lookingBack && n.first > 0 && tokens[n.first - 1].isNumber) || (n.end < tokens.count && tokens[n.end].isNumber)
    }
}
