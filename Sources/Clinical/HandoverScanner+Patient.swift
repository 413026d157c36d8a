/// Age, gender and interventions.
extension HandoverScanner {
    static let ageRanges: [String: ClosedRange<Int>] = ["years": 0...120, "months": 0...36, "weeks": 0...104,
                                                         "days": 0...60]

    /// "fifty-six year old", "18 month old", "82 yo", "56-year-old", "aged forty-five", "age sixty-eight".
    mutating func matchAge(at i: Int) -> Int? {
        if key(i) == "age" || key(i) == "aged" {
            // "unknown age, two-vehicle RTC", "frail for her age, 3 falls": not the patient's age being given.
            if let before = key(i - 1), ["unknown", "her", "his", "their", "for", "of", "same", "an", "what"].contains(before) {
                return nil
            }
            // "two kids aged 4 and 7 (years old)": their ages, straight after a plural word for other people (not "Their
            // son aged 4 has had a seizure", "Called by her son. Aged 82, …", "Mother of two kids, aged 34": the
            // patient). Their ages are stepped over, so "4 years old" is not read either.
            let others: Set<String> = ["kids", "children", "grandchildren", "siblings", "brothers", "sisters", "sons",
                                       "daughters", "grandsons", "granddaughters"]
            if key(i) == "aged", others.contains(key(i - 1) ?? "") {
                var k = i + 1
                while k < tokens.count, !isSentenceEnd(k), numbers.parse(at: k) != nil || ["and", "years", "year", "old",
                                                                                          "months", "month"].contains(keys[k]) {
                    k = numbers.parse(at: k)?.end ?? k + 1
                }
                return k
            }
            // "His wife aged 80 found him. 82 year old male.": an age after a relative is kept only until the patient's
            // own age is said ("Their son aged 4 has had a seizure" may be the patient).
            if key(i) == "aged", (max(0, i - 3)..<i).contains(where: { Lexicon.thirdPartyGivers.contains(keys[$0])
                || ["son", "daughter", "brother", "sister", "partner", "parents"].contains(keys[$0]) }) {
                ageAfterRelative = true
            }
            var j = i + 1
            var comma = false
            while isPunct(j, ":") || isPunct(j, "-") || isPunct(j, ",") || key(j) == "of" || key(j) == "is" {
                if isPunct(j, ",") { comma = true }
                j += 1
            }
            // "age one oh two" (colloquial with a zero word) is 102; "age one nineteen" is no 119.
            guard let n = numbers.parse(at: j), n.form == .digits || n.form == .cardinal
                    || (n.form == .colloquial && (n.first..<n.end).contains { NumberParser.zeros.contains(keys[$0]) }),
                  let v = n.intValue else { return nil }
            // "Age, seventy-eight, female": after a comma, only an age unit, a sex or the end of the clause may follow.
            if comma, let next = key(n.end), Lexicon.ageUnits[next] == nil, Lexicon.genders[next] == nil,
               !isPunct(n.end, ","), !isSentenceEnd(n.end) {
                return nil
            }
            var end = n.end
            var unit = "years"
            if let k = key(end), let u = Lexicon.ageUnits[k] {
                unit = u
                end += 1
                if key(end) == "old" { end += 1 }
            }
            return setAge(v, unit, i, end)
        }
        guard let n = numbers.parse(at: i), n.form != .clock, n.form != .hundreds, let v = n.intValue,
              !numbers.articleDisagrees(n), !numbers.followsGluedLetter(i) else { return nil }
        if n.form == .colloquial {
            // "one oh two year old": 102, which no plausible reading of the words gives as anything else; its tail
            // ("two year old") must not be read either. "One nineteen-year-old" (an engine's "One" before 19): no
            // 119, and the nineteen is read on its own.
            if (n.first..<n.end).contains(where: { NumberParser.zeros.contains(keys[$0]) }) { return n.end }
            return nil
        }
        // "an A.T. four-year-old", "A.T. 4-year-old": a number word or a single digit straight after two-letter
        // initials an engine wrote for a number (eighty-four). Not a patient's initials ("Pt J.S. 4 y/o"), not "p.m."
        // or "AVPU A.".
        if i >= 4, isPunct(i - 1, "."), isPunct(i - 3, "."), tokens[i - 2].isWord, tokens[i - 2].text.count == 1,
           tokens[i - 4].isWord, tokens[i - 4].text.count == 1, tokens[i - 2].text != "m",
           !tokens[i].isNumber || (tokens[i].text.count == 1
                                    && !["pt", "patient", "mr", "mrs", "ms", "miss", "name"].contains(key(i - 5) ?? "")) {
            return nil
        }
        // "seven to eight year old", "six or seven year old": a range, not an age.
        if let k = key(i - 1), k == "to" || k == "or" || k == "-", numbers.isNumberWord(i - 2) { return nil }
        var j = n.end
        while isPunct(j, "-") { j += 1 }
        // ("Mom and older sister (6 y/o) riding with us": a relative's age in brackets, the relative joined to
        // someone before her, in a sentence that does not name the patient; HeldOut21. Review 87: "Grandad (82 y/o)
        // fell", "Patient is the older sister (9 y/o)", "The patient's carer (54 y/o) who collapsed" are the patient.)
        var start = i
        while start > 0, !isSentenceEnd(start - 1) { start -= 1 }
        let bracketedOther = isPunct(i - 1, "(") && i >= 3
            && (Lexicon.relatives.contains(keys[i - 2]) || Lexicon.thirdPartyGivers.contains(keys[i - 2]))
            && (max(start, i - 5)..<(i - 2)).contains { ["and", "with", "plus", "older", "younger", "big", "little"].contains(keys[$0]) }
            && !(start..<i).contains { ["patient", "pt", "patient's", "pt's", "casualty"].contains(keys[$0]) }
        if key(j) == "y", isPunct(j + 1, "/"), key(j + 2) == "o" {
            return bracketedOther ? j + 3 : setAge(v, "years", i, j + 3)
        }
        // "4 mo F", "6 mo male", "Pt: 9 mo M": the record's months opening its sentence, straight before a sex
        // (HeldOut21, HeldOut22).
        // Review 87: not "on warfarin for 6 mo,", "her 6 mo baby", "a 6 mo old pacemaker", "LMP 2 mo, F".
        // (After "Pt:", review 91: only with the sex ending its clause, and no age in years said anywhere: "Pt: 6 mo
        // F/U for cardiac stent, 58 yo M", "Pt: 2 mo F pregnant, 31 yo", "Pt: 9 mo M. Actually 9 yo per school".)
        let afterLabel = i == start + 2 && ["pt", "patient"].contains(keys[start]) && isPunct(start + 1, ":")
        let yearsSaid = tokens.indices.contains { k in
            ["yo", "yrs", "yr", "years", "year"].contains(keys[k]) || (keys[k] == "y" && isPunct(k + 1, "/"))
        }
        if ["mo", "mos"].contains(key(j) ?? ""), patient.age == nil,
           i == start || (i == start + 1 && ["pt", "patient", "a"].contains(keys[start]))
            || (afterLabel && !yearsSaid && (j + 2 >= tokens.count || isSentenceEnd(j + 2) || isPunct(j + 2, ","))),
           ["M", "F"].contains(j + 1 < tokens.count ? tokens[j + 1].raw : "")
            || ["male", "female", "boy", "girl"].contains(key(j + 1) ?? "") {
            return setAge(v, "months", i, j + 1)
        }
        if key(j) == "yo" { return setAge(v, "years", i, j + 1) }
        // "This is Margaret, eighty-four, sorry she's been so long", "Afternoon. Daniel, forty-six, scaffolder": a
        // name, then the age alone between commas (`isNamedAge`).
        if n.form == .digits || n.form == .cardinal, (0...110).contains(v), isNamedAge(i, v, end: j) {
            // "Mr Okafor, 67", "This is Mrs Ann Shaw, 80": the patient's own title says the sex, unless a word says it
            // (`readSexFromTitle`, after the scan).
            let titled: [String: String] = ["mr": "male", "mister": "male", "mrs": "female", "ms": "female", "miss": "female"]
            if titledSex == nil, let t = [i - 3, i - 4].first(where: { titled[key($0) ?? ""] != nil }),
               (t + 1..<i - 1).allSatisfy({ tokens[$0].isWord }), let g = titled[keys[t]], isPatientsTitle(t, ageEnd: j) {
                titledSex = (g, t)
            }
            // "This is Kai, he's six": the pronoun straight after the patient's name says the sex, as a title does.
            let pronoun = i >= 1 && ["he's", "she's"].contains(tokens[i - 1].text)
            if titledSex == nil, pronoun {
                titledSex = (tokens[i - 1].text == "he's" ? "male" : "female", i - 1)
            }
            // ("Mrs. Sunita Pawar, 22 years, primi": the unit goes with the age.)
            let ageEnd = key(j) == "years" ? j + 1 : j
            // These two forms give way to an age said plainly later ("He's an 8 year old boy actually", "aged 76",
            // "64 year old male"; review 80), as an age after a relative does.
            if pronoun || ageEnd > j { ageAfterRelative = true }
            if possessiveSex == nil { possessiveSex = sexByPossessive(after: ageEnd) }
            return setAge(v, "years", i, ageEnd)
        }
        // "Twenty-nine, male." opening a sentence: the terse way to give age and sex.
        if i == 0 || isSentenceEnd(i - 1), n.form == .digits || n.form == .cardinal, isPunct(j, ","),
           let g = key(j + 1), Lexicon.genders[g] != nil, j + 2 >= tokens.count || isSentenceEnd(j + 2) {
            return setAge(v, "years", i, j)
        }
        guard let k = key(j), let unit = Lexicon.ageUnits[k] else { return nil }
        j += 1
        while isPunct(j, "-") { j += 1 }
        // "twenty-three years of age" (a formal record); "a forty-five years male" (Indian English): the unit and
        // then a sex straight after it, not after "for", "last", "past", "over" or "since" ("smoked for thirty
        // years, man" has its comma; "for twenty years female" does not count).
        // Only of the patient: "of age" straight after a comma, a colon or "is", with no one else named before it in
        // the sentence and no "over"/"under" ("Mum is 25 years of age", "children under 5 years of age"); the sex
        // straight after "a"/"an" ("ten years male" after "diabetic" is how long).
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        let others: Set<String> = ["son", "daughter", "children", "kids", "baby", "brother", "sister", "witness", "driver",
                                   "caller", "casualty", "pedestrian", "passenger", "bystander", "cyclist", "rider",
                                   "other", "another", "second", "first", "victim", "occupant"]
        let someoneElse = (s..<i).contains { Lexicon.thirdPartyGivers.contains(keys[$0]) || Lexicon.relatives.contains(keys[$0])
            || others.contains(keys[$0]) }
        // Only as a record opens: "Patient: female, twenty-three years of age", "Female, 30 years of age", "Patient is
        // 23 years of age" — "patient" or a sex among the sentence's first three words and within three words before
        // the number, nothing like "over", "under", "about" straight before it. ("Witness, 25 years of age", "the
        // practice nurse, female, 30 years of age", "a male approximately 20 years of age" are not the patient.)
        let opening = (s..<min(i, s + 3)).contains { k in ["patient", "pt"].contains(keys[k]) || Lexicon.genders[keys[k]] != nil }
        let nearby = (max(s, i - 3)..<i).contains { k in ["patient", "pt"].contains(keys[k]) || Lexicon.genders[keys[k]] != nil }
        let hedged = ["over", "under", "about", "around", "approximately", "approx", "since", "from", "than", "roughly"]
            .contains(key(i - 1) ?? "")
        // (And said at once: at most five words before the number, so "Patient was assaulted by a male, 25 years of
        // age" and "Female, her attacker is male, 30 years of age" are not read.)
        if key(j) == "of", key(j + 1) == "age", !someoneElse, opening, nearby, !hedged, i - s <= 5 {
            return setAge(v, unit, i, j + 2)
        }
        if let g = key(j), Lexicon.genders[g] != nil, ["a", "an"].contains(key(i - 1) ?? ""), !someoneElse {
            return setAge(v, unit, i, j)
        }
        guard key(j) == "old" || key(j) == "yo" else { return nil }
        return setAge(v, unit, i, j + 1)
    }

    /// The number `age` at `i` (ending at `end`) is an age said after the patient's name, the way handovers open: a
    /// capitalised name (one or two words, no word the extractor knows: not "Pulse", "Morning", "Calpol") straight
    /// before a comma, after "this is", "handover for", "handing over", "meet" or a title, or opening its sentence;
    /// after the number only a comma or the end of the sentence ("This is Margaret, eighty-four, sorry…", "Hilda,
    /// 79, rheumatoid arthritis"). Not "Bay 4, 82", "Room 12, …": the name comes straight before the comma.
    ///
    /// Also "this is Kai, he's six, from the pool", "Priya, she's nineteen, a first-year" (the pronoun after the
    /// name's comma), and "Mrs. Sunita Pawar, 22 years, primi" ("years" after the number).
    private func isNamedAge(_ i: Int, _ age: Int, end: Int) -> Bool {
        let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mister", "dr"]
        // (Where the name's comma is: straight before the number, or before "he's"/"she's"; not someone named by
        // their role straight after: "This is Margaret, she's 58, she's the daughter", "This is Ahmed, he's 35, he's
        // interpreting", review 80.)
        let pronoun = i >= 1 && ["he's", "she's"].contains(tokens[i - 1].text)
        if pronoun {
            let roles: Set<String> = ["husband", "wife", "daughter", "son", "mum", "mom", "mother", "dad", "father",
                                      "sister", "brother", "partner", "student", "interpreter", "interpreting",
                                      "translating", "crewmate", "colleague", "carer", "friend", "neighbour", "neighbor",
                                      "nurse", "doctor", "paramedic", "patient", "relative", "caller", "girlfriend",
                                      "boyfriend"]
            var k = end
            while k < tokens.count, k < end + 10, !isSentenceEnd(k) {
                if ["he's", "she's", "who's"].contains(tokens[k].text) || keys[k] == "is",
                   (k + 1..<min(k + 5, tokens.count)).contains(where: { roles.contains(keys[$0]) }) {
                    return false
                }
                k += 1
            }
        }
        let i = pronoun ? i - 1 : i
        let end = key(end) == "years" && (end + 1 >= tokens.count || isPunct(end + 1, ",") || isSentenceEnd(end + 1)) ? end + 1 : end
        guard i >= 2, isPunct(i - 1, ","), end >= tokens.count || isPunct(end, ",") || isSentenceEnd(end) else { return false }
        func isName(_ k: Int) -> Bool {
            guard k >= 0, tokens[k].isWord, tokens[k].raw.count >= 2, tokens[k].raw.first?.isUppercase == true,
                  tokens[k].raw.dropFirst().allSatisfy({ $0.isLowercase || $0 == "'" || $0 == "-" }) else { return false }
            let notNames: Set<String> = ["morning", "afternoon", "evening", "hi", "hiya", "hello", "right", "okay", "ok",
                                         "so", "yes", "no", "well", "now", "then", "bed", "bay", "room", "ward", "cubicle",
                                         "crew", "call", "cat", "category", "job", "unit", "station", "flat", "house",
                                         "page", "point", "set", "line", "number", "patient", "age", "obs", "pain",
                                         "sugar", "female", "male", "man", "woman", "lady", "gentleman", "boy", "girl",
                                         "baby", "mum", "dad", "wife", "husband", "son", "daughter", "both", "twins",
                                         "ambulance", "resus", "majors", "minors", "triage", "handover", "sorry", "thanks",
                                         "cheers", "night", "today", "yesterday", "aged", "dose", "weight"]
            return !notNames.contains(keys[k]) && !titles.contains(keys[k]) && longest(Lexicon.vitals, at: k) == nil && longest(Lexicon.drugs, at: k) == nil
                && longest(Lexicon.times, at: k) == nil && Lexicon.genders[keys[k]] == nil && Lexicon.ageUnits[keys[k]] == nil
                && !Lexicon.thirdPartyGivers.contains(keys[k])
        }
        guard isName(i - 2) else { return false }
        let first = isName(i - 3) ? i - 3 : i - 2
        // Not corrected in its sentence: "This is Mary, 82, I mean 82 this year, she's 81 really", "This is George,
        // 70, his son tells me he's 71".
        var k = end
        while k < tokens.count, !isSentenceEnd(k) {
            if let m = numbers.parse(at: k)?.intValue, abs(m - age) <= 3 { return false }
            k += 1
        }
        // ("This is Noah, 9, months of vomiting": a unit after it.)
        if let unit = key(end + 1), Lexicon.ageUnits[unit] != nil { return false }
        // Not someone else named in apposition: "His wife, Mrs Jones, 80, found him", "Neighbour, Mrs Green, 70, heard
        // a bang" (a person word straight before the name or its title, past a comma and "his"/"the"; not "Nursing
        // home, Mr Frank Hill, 91", "GP called us to Mr Wood, 75").
        var p = first - 1
        if titles.contains(key(p) ?? "") { p -= 1 }
        while p >= 0, isPunct(p, ",") || ["his", "her", "their", "the", "a", "an"].contains(keys[p]) { p -= 1 }
        if p >= 0, Lexicon.relatives.contains(keys[p]) || ["neighbour", "neighbor", "friend", "carer", "driver",
                                                            "passenger", "witness", "bystander", "partner"].contains(keys[p]) {
            return false
        }
        var sentence = first
        while sentence > 0, !isSentenceEnd(sentence - 1) { sentence -= 1 }
        let before = keys[max(0, first - 2)..<first].joined(separator: " ")
        if ["this is", "handover for", "handing over", "patient is", "name is", "this's"].contains(before)
            || key(first - 1) == "meet" || (titles.contains(key(first - 1) ?? "") && key(first - 1) != "dr") {
            return true
        }
        // A name opening one of the handover's first two sentences, not a day, a month or a score, with no vital's
        // name in the three words after the age: "Target, 94, sats", "Vomited, 4, his pulse", "Tuesday, 14, …",
        // "Rockwood, 6, frail" are no names.
        let notOpeningNames: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                            "january", "february", "march", "april", "may", "june", "july", "august",
                                            "september", "october", "november", "december", "rockwood", "frailty",
                                            "apgar", "wells", "news", "cfs", "qsofa", "curb", "abcd", "waterlow",
                                            "braden", "must", "score", "level", "floor", "stage", "grade", "type"]
        let sentencesBefore = (0..<sentence).filter { isSentenceEnd($0) }.count
        return (first == 0 || isSentenceEnd(first - 1)) && sentencesBefore <= 1
            && !notOpeningNames.contains(keys[first])
            && !(end..<min(tokens.count, end + 4)).contains { startsVital($0) }
    }

    private mutating func setAge(_ v: Int, _ unit: String, _ first: Int, _ end: Int) -> Int {
        let weak = ageAfterRelative
        ageAfterRelative = false
        if patient.age != nil, weakAge, !weak {
            // The patient's own age said after a relative's "aged N": it replaces that.
            patient.age = nil
            patient.ageUnit = nil
            patientEvidence.removeAll { $0.path == "patient.age" }
        }
        guard patient.age == nil else { return end }
        // "a sixty-two-year-old gentleman, sixty-three, he's telling me, sorry, sixty-three": corrected straight after
        // (within twelve words, with nothing between but the patient, stops and commas, words of telling, and a
        // number within three years of it: "sixty eight year old female palpitations … won ten sorry one hundred"
        // corrects the pulse), so the age said is unsure; none is read. Engines' stops count for nothing here ("a
        // 62-year-old gentleman. 63. He's telling me, sorry, 63.").
        let talk: Set<String> = ["he", "she", "he's", "she's", "telling", "tells", "told", "says", "said", "saying",
                                 "me", "us", "no", "apparently", "actually", "wait", "hang", "on", "just"]
        var c = end
        // (Someone correcting it: a word of telling or a close number on the way. "67-year-old male. Sorry. Bit of
        // a noisy one in here." is an apology.)
        var toldOrNumber = false
        while c < tokens.count, c < end + 12 {
            // (The marker then a number, or nothing more: the correcting number may have been dropped with the one
            // it corrected. Not "she says she's sorry for calling".)
            if ["sorry", "correction"].contains(keys[c]) || (keys[c] == "i" && ["mean", "meant"].contains(key(c + 1) ?? "")) {
                var n = keys[c] == "i" ? c + 2 : c + 1
                while n < tokens.count, isPunct(n, ",") { n += 1 }
                // (The same age said again confirms it: "A 19-year-old male. Sorry. 19. Yes.")
                var again = n
                while again < tokens.count, tokens[again].kind == .punctuation { again += 1 }
                if numbers.parse(at: again)?.intValue == v { break }
                // ("45-year-old female. Sorry. 54.", "…, sorry. He's 63, he's telling me.", "Sorry. I mean 27.",
                // "Correction. 65.": another number after the stop, past talk, corrects it too. "Sorry. Bit of a noisy
                // one in here." is an apology.)
                var ahead = again
                while ahead < tokens.count, ahead < again + 6, numbers.parse(at: ahead) == nil,
                      tokens[ahead].kind == .punctuation || talk.contains(keys[ahead])
                        || ["i", "mean", "correction", "actually", "she's", "he's", "is", "age", "aged"].contains(keys[ahead]) {
                    ahead += 1
                }
                if let a = numbers.parse(at: ahead)?.intValue, a == v { break }
                if numbers.parse(at: ahead) != nil || (toldOrNumber && (n >= tokens.count || isSentenceEnd(n))) { return end }
                break
            }
            if let n = numbers.parse(at: c), let m = n.intValue, abs(m - v) <= 3 {
                toldOrNumber = true
                c = n.end
                continue
            }
            if ["telling", "tells", "told", "says", "said", "saying"].contains(keys[c]) { toldOrNumber = true }
            guard tokens[c].kind == .punctuation || talk.contains(keys[c]) || Lexicon.genders[keys[c]] != nil else { break }
            c += 1
        }
        guard Self.ageRanges[unit]?.contains(v) ?? false else {
            flags.append(Flag(code: "implausible_value", rule: "plausible range age", level: .info,
                              message: "Age outside the plausible range; left out.", path: "patient.age",
                              text: text(first, end)))
            return end
        }
        patient.age = v
        patient.ageUnit = unit
        weakAge = weak
        patientEvidence.append(Evidence(path: "patient.age", text: text(first, end),
                                        start: scalarSpan(first, end).lowerBound, end: scalarSpan(first, end).upperBound,
                                        nemsis: "ePatient.15"))
        return end
    }

    /// The title at `t` (of a name with the age after it, ending at `ageEnd`) is the patient's: it opens its
    /// sentence (after a greeting or "this is", "handover for", "the patient is"…), is no one's met or called by
    /// ("We were met by Mrs Akhtar, 70"), has no role after the age (", his neighbour", ", the landlady"), and its
    /// sentence does not go on to name "the patient" or a caller ("Mrs Begum, 62, found the patient collapsed", "Mrs
    /// Smith, 80, called about her husband").
    private func isPatientsTitle(_ t: Int, ageEnd: Int) -> Bool {
        var first = t
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        let lead: Set<String> = ["this", "is", "handover", "for", "handing", "over", "the", "patient", "pt", "right",
                                 "so", "okay", "ok", "morning", "afternoon", "evening", "hi", "hello", "good", "we've",
                                 "got", "here's", "meet", "and", "now", "nursing", "home", "care", "resident", "a", "of"]
        guard (first..<t).allSatisfy({ lead.contains(keys[$0]) || isPunct($0, ",") }) else { return false }
        var r = ageEnd
        if isPunct(r, ",") { r += 1 }
        while let w = key(r), Self.roleDeterminers.contains(w) { r += 1 }
        if let w = key(r), Lexicon.thirdPartyGivers.contains(w) || Lexicon.relatives.contains(w)
            || ["landlady", "landlord", "neighbour", "neighbor", "caller", "witness", "driver", "owner", "manager"].contains(w) {
            return false
        }
        var end = ageEnd
        while end < tokens.count, !isSentenceEnd(end) {
            // (Nor a caller: "Mrs Smith, 80, called about her husband", "Mrs Shaw, 80, is the caller".)
            if ["patient", "pt", "casualty", "caller"].contains(keys[end])
                || (["called", "rang", "phoned", "calling", "ringing"].contains(keys[end])
                    && (end + 1..<min(tokens.count, end + 3)).contains(where: { ["about", "for", "regarding", "re"].contains(keys[$0]) })) {
                return false
            }
            end += 1
        }
        return true
    }

    private static let roleDeterminers: Set<String> = ["the", "his", "her", "their", "a", "an", "our", "my"]

    /// "This is Brenda, eighty-one, …, her husband says": in the rest of the sentence that names the patient with
    /// the age (from `end`), "her"/"his" straight before someone close to the patient (a relative, a carer, a
    /// neighbour, a friend) gives the patient's sex, unless both possessives appear there.
    private func sexByPossessive(after end: Int) -> (sex: String, at: Int)? {
        let close = Lexicon.relatives.union(["carer", "carers", "partner", "boyfriend", "girlfriend", "flatmate",
                                             "housemate", "mate", "mates", "gp"])
        var found: (sex: String, at: Int)?
        var last = end
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        // (Not a sentence that names "the patient" apart from the one introduced: "Mrs Davies, 44, her son Jack, 12, is
        // the patient".)
        if (end..<last).contains(where: { ["patient", "pt", "casualty"].contains(keys[$0]) }) { return nil }
        // Only a possessive after a comma or a verb of finding, calling or saying ("…, her husband says", "found by
        // his wife", "according to her carer"); not one of someone else's ("Mrs Smith and her daughter", "a
        // neighbour and her son", "she's his wife", "called about her husband").
        let before: Set<String> = ["found", "called", "rang", "phoned", "says", "said", "reports", "reported", "states",
                                   "stated", "tells", "told", "by"]
        // (Both sexes' possessives before someone close, wherever they stand: "her mum and his dad are both here".)
        let possessives = Set((end..<last).filter { ["her", "his"].contains(keys[$0]) && close.contains(key($0 + 1) ?? "") }.map { keys[$0] })
        if possessives.count > 1 { return nil }
        var k = end
        while k < last {
            if ["her", "his"].contains(keys[k]), let next = key(k + 1), close.contains(next),
               isPunct(k - 1, ",") || before.contains(key(k - 1) ?? "") || (key(k - 1) == "to" && key(k - 2) == "according"),
               !(key(k - 1) == "by" && !["found", "called", "brought", "seen"].contains(key(k - 2) ?? "")),
               // (Not with the other sex's object pronoun in the sentence: "…, her son found him".)
               !(end..<last).contains(where: { keys[$0] == (keys[k] == "her" ? "him" : "her") && !isPossessive($0) }) {
                let sex = keys[k] == "her" ? "female" : "male"
                if let f = found, f.sex != sex { return nil }
                if found == nil { found = (sex, k) }
            }
            k += 1
        }
        return found
    }

    /// "her" at `k` as a possessive ("her son"), not an object ("found her."): a word follows that is no preposition.
    private func isPossessive(_ k: Int) -> Bool {
        guard keys[k] == "her", let next = key(k + 1), tokens[k + 1].isWord else { return false }
        return !["on", "in", "at", "to", "with", "and", "up", "down", "out", "off", "over", "from", "for", "about",
                 "as", "so", "but", "because", "when", "after", "before", "yesterday", "today", "this", "last"].contains(next)
    }

    /// The sex from the possessive in the sentence introducing the patient (`possessiveSex`), when neither a word, the
    /// patient's title nor the pronouns said it.
    mutating func readSexFromPossessive() {
        guard let said = possessiveSex else { return }
        patient.gender = said.sex
        let span = scalarSpan(said.at, said.at + 1)
        patientEvidence.append(Evidence(path: "patient.gender", text: text(said.at, said.at + 1), start: span.lowerBound,
                                        end: span.upperBound, nemsis: "ePatient.13"))
    }

    /// The sex from the patient's own title (`titledSex`), when no word of sex was said in the whole handover.
    mutating func readSexFromTitle() {
        guard let titled = titledSex else { return }
        let t = titled.at
        patient.gender = titled.sex
        let span = scalarSpan(t, t + 1)
        patientEvidence.append(Evidence(path: "patient.gender", text: text(t, t + 1), start: span.lowerBound,
                                        end: span.upperBound, nemsis: "ePatient.13"))
    }

    /// The sex said only by pronouns, when no word said it: three or more of one sex's ("she", "her", "herself"…) and
    /// none at all of the other's, so that nobody else in the handover could be meant, one of them where only the
    /// patient fits ("her hip", "we gave him"). A sentence that names someone of that sex ("Her daughter found her",
    /// "Mum says she…") lends none of its pronouns. After the forty-fifth review (20 hostile probes: a caller's, a
    /// nurse's, a crewmate's, a ship's pronouns) this and `readSexFromPossessive` give the sex of 19 of the 325
    /// labelled typed cases of the corpus and fifteen held-out sets, all as labelled. The evidence is the first
    /// pronoun counted.
    mutating func readSexFromPronouns() {
        for (sex, other) in [("male", "female"), ("female", "male")] {
            let found = countedPronouns(sex, before: tokens.count)
            let otherPronouns = other == "male" ? Self.malePronouns : Self.femalePronouns
            // (At least one of them where only the patient fits.)
            guard found.count >= 3, !tokens.indices.contains(where: { tokens[$0].isWord && otherPronouns.contains(keys[$0]) }),
                  found.contains(where: isPatientsOnlyPronoun), let k = found.first else { continue }
            patient.gender = sex
            let span = scalarSpan(k, k + 1)
            patientEvidence.append(Evidence(path: "patient.gender", text: text(k, k + 1), start: span.lowerBound,
                                            end: span.upperBound, nemsis: "ePatient.13"))
            return
        }
    }

    private static let malePronouns: Set<String> = ["he", "him", "his", "he'd", "himself", "he'll"]
    private static let femalePronouns: Set<String> = ["she", "her", "hers", "she'd", "herself", "she'll"]
    /// Words that name someone male or female: a sentence with one lends none of its pronouns to the patient.
    private static let menWords = Lexicon.maleRelatives.union([
        "daddy", "grandpa", "man", "gentleman", "boy", "guy", "bloke", "mr", "mister", "sir", "lad", "fella",
    ])
    private static let womenWords = Lexicon.femaleRelatives.union([
        "mom", "mummy", "auntie", "woman", "lady", "girl", "mrs", "ms", "miss", "nan", "gran", "nanna",
    ])

    /// A sex word at `i` said of someone the patient has, after the handover has told the patient's other sex by
    /// pronouns alone: "This is Ssemwanga, twenty-four, a boda boda rider. He was knocked by a taxi …, his thigh is
    /// deformed. His passenger was also hurt, a lady, …" (HeldOut23; "lady" is the passenger). Only when:
    /// - its sentence opens with the patient's possessive of the other sex and someone of his or hers ("His
    ///   passenger", "Her driver"), names no patient ("patient", "pt", "our"…), and no number is said within four
    ///   words of it (an age describes the patient: review 102 found "Our patient, a 42-year-old woman", "Mum, a
    ///   29-year-old woman, has a PPH" after someone else's "he" and "his hands");
    /// - before it, at least two pronouns of the other sex are counted (in sentences that name nobody of that sex),
    ///   one of them where only the patient fits (`isPatientsOnlyPronoun`), and none at all of the word's own sex.
    /// The sex is then left unsaid, never turned round (`sexWordSetAside`).
    private func isAgainstPatientsPronouns(_ sex: String, at i: Int) -> Bool {
        let own = sex == "female" ? Self.femalePronouns : Self.malePronouns
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        var e = i
        while e < tokens.count, !isSentenceEnd(e) { e += 1 }
        let patientWords: Set<String> = ["patient", "pt", "casualty", "victim", "our", "we", "this", "named", "called"]
        guard key(s) == (sex == "female" ? "his" : "her"), s + 1 < i, tokens[s + 1].isWord,
              !Self.pronounsBodyWords.contains(keys[s + 1]), longest(Lexicon.vitals, at: s + 1) == nil,
              !(s..<e).contains(where: { patientWords.contains(keys[$0]) }),
              !(max(0, i - 4)..<min(tokens.count, i + 5)).contains(where: { tokens[$0].isNumber || numbers.isNumberWord($0) }),
              !(0..<i).contains(where: { tokens[$0].isWord && own.contains(keys[$0]) }) else { return false }
        let counted = countedPronouns(sex == "female" ? "male" : "female", before: i)
        return counted.count >= 2 && counted.contains(where: isPatientsOnlyPronoun)
    }

    /// The pronouns of `sex` ("he", "his"… or "she", "her"…) before `limit`, in sentences that name nobody of that
    /// sex ("Her daughter found her", "Mum says she…" lend none).
    private func countedPronouns(_ sex: String, before limit: Int) -> [Int] {
        let pronouns = sex == "male" ? Self.malePronouns : Self.femalePronouns
        let names = sex == "male" ? Self.menWords : Self.womenWords
        var counted: [Int] = []
        var first = 0
        while first < limit {
            var end = first
            while end < tokens.count, !isSentenceEnd(end) { end += 1 }
            if !(first..<end).contains(where: { names.contains(keys[$0]) }) {
                counted += (first..<min(end, limit)).filter { tokens[$0].isWord && pronouns.contains(keys[$0]) }
            }
            first = end + 1
        }
        return counted
    }

    /// Body parts and the like that only the patient's pronoun comes before ("her hip", `isPatientsOnlyPronoun`).
    private static let pronounsBodyWords: Set<String> = [
        "hip", "hips", "leg", "legs", "arm", "arms", "head", "chest", "back", "abdomen", "tummy", "belly", "knee",
        "knees", "ankle", "wrist", "shoulder", "neck", "face", "eye", "eyes", "foot", "feet", "hand", "hands", "side",
        "pain", "breathing", "ecg", "obs", "observations", "skin", "lips", "pupils", "airway", "speech", "colour",
        "color", "wound", "fracture", "injury", "injuries", "groin", "calf", "thigh", "elbow", "finger", "fingers",
        "toes", "heart", "lungs", "chest's", "pelvis", "spine", "jaw", "ribs", "nose", "mouth", "throat", "ear",
        "bleeding", "symptoms", "rash", "swelling", "left", "right", "usual", "regular", "own", "meds", "tablets",
        "medication", "medications", "inhaler", "allergies", "history", "gp", "bloods", "sugars", "cannula",
    ]
    /// The crew's verbs that only the patient's pronoun comes after ("we gave her", `isPatientsOnlyPronoun`).
    private static let pronounsCrewVerbs: Set<String> = [
        "gave", "given", "give", "put", "moved", "sat", "laid", "cannulated", "assessed", "examined", "splinted",
        "helped", "carried", "lifted", "reassured", "got", "brought", "taken", "took", "started", "treated",
        "immobilised", "immobilized", "collared",
    ]

    /// A pronoun at `k` where only the patient fits: before a body part or a reading ("her hip", "his sats"), or
    /// after the crew's verb ("we gave her", "we sat him up"). A caller's, a nurse's or a crewmate's pronouns ("The
    /// nurse says she found the patient … She says she checked obs") are none of these.
    private func isPatientsOnlyPronoun(_ k: Int) -> Bool {
        if ["his", "her"].contains(keys[k]), let next = key(k + 1),
           Self.pronounsBodyWords.contains(next) || longest(Lexicon.vitals, at: k + 1) != nil {
            return true
        }
        if ["him", "her"].contains(keys[k]), let verb = key(k - 1), Self.pronounsCrewVerbs.contains(verb),
           (max(0, k - 5)..<k - 1).contains(where: { Lexicon.crewPronouns.contains(keys[$0]) }) {
            return true
        }
        return false
    }

    /// A sex word ("male", "lady", "boy"…) said of the patient. Not someone who does something to the patient: "A
    /// security man with first aid got her BP" (HeldOut18, a pregnant woman read as male), "the cleaning lady found
    /// him", "a man next door heard her shout": a verb of acting within four words after it (no comma or number
    /// between) with "him", "her", "them" or "us" straight after the verb. Review 71: by the word before it ("a
    /// delivery man, 30", "the other man in the car is our patient") it lost the patients' own.
    mutating func matchGender(at i: Int) -> Int? {
        if let n = matchSexLetter(at: i) { return n }
        guard let k = key(i), let g = Lexicon.genders[k], patient.gender == nil else { return nil }
        let acting: Set<String> = ["got", "found", "heard", "called", "rang", "gave", "did", "took", "helped", "saw",
                                   "checked", "pulled", "moved", "lifted", "brought", "put", "sat"]
        var q = i + 1
        // (The sex word as the verb's subject: not "elderly lady her daughter found her on the floor".)
        // ("a lady from the next campsite gave him two Benadryl": a person from somewhere, six words; HeldOut21.)
        // (Acting on "us", she may be the patient calling: "A lady from the care home called us because she fell".)
        let reach = key(i + 1) == "from" ? 6 : 4
        while q < tokens.count, q <= i + reach, tokens[q].isWord, !numbers.isNumberWord(q),
              !["her", "his", "their", "she", "he", "they", "who", "was", "is"].contains(keys[q]),
              !isOtherGiverWord(keys[q]) {
            if acting.contains(keys[q]), ["him", "her", "them"].contains(key(q + 1) ?? "")
                || (key(q + 1) == "us" && q <= i + 4) { return i + 1 }
            q += 1
        }
        if isAgainstPatientsPronouns(g, at: i) {
            sexWordSetAside = true
            return i + 1
        }
        patient.gender = g
        let span = scalarSpan(i, i + 1)
        patientEvidence.append(Evidence(path: "patient.gender", text: text(i, i + 1), start: span.lowerBound,
                                        end: span.upperBound, nemsis: "ePatient.13"))
        return i + 1
    }

    /// "7 y/o M, known epilepsy", "58 y/o F": the US record's sex letter, a capital M or F straight after the
    /// patient's age (HeldOut17, HeldOut18).
    private mutating func matchSexLetter(at i: Int) -> Int? {
        guard patient.gender == nil, ["M", "F"].contains(tokens[i].raw),
              let age = patientEvidence.last(where: { $0.path == "patient.age" }) else { return nil }
        let span = scalarSpan(i, i + 1)
        // Standing alone ("45 y/o M/F", "Age 45 M? F?", "Age 45 F/U" say no sex), not a name's initial ("… 45, M
        // Jones"), and only when nothing in the handover says the other sex ("Age 7 M. Pt is a girl per mum", "45 y/o
        // M, her husband says she collapsed"), nor the age is someone else's or a baby's ("Husband 82 y/o M called",
        // "Pt 1: 30 y/o M driver", "Infant, age 3 M"; review 72).
        guard span.lowerBound >= age.end, span.lowerBound - age.end <= 1,
              i + 1 >= tokens.count || [",", ".", ";"].contains(where: { isPunct(i + 1, $0) })
                || (tokens[i + 1].isWord && tokens[i + 1].raw.first?.isLowercase == true) else {
            return nil
        }
        let sex = tokens[i].raw == "M" ? "male" : "female"
        // (The other sex's nouns anywhere, or its pronouns more often than this sex's: a wife's "she" in a man's
        // handover does not count.)
        let (otherNouns, otherPronouns, ownPronouns): (Set<String>, Set<String>, Set<String>) = sex == "male"
            ? (["female", "woman", "lady", "girl"], ["she", "she's", "her", "hers"], ["he", "he's", "him", "his"])
            : (["male", "man", "gentleman", "boy"], ["he", "he's", "him", "his"], ["she", "she's", "her", "hers"])
        if keys.contains(where: { otherNouns.contains($0) })
            || keys.filter({ otherPronouns.contains($0) }).count > keys.filter({ ownPronouns.contains($0) }).count {
            return nil
        }
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        if (s..<i).contains(where: { q in
            isOtherGiverWord(keys[q]) || Lexicon.relatives.contains(keys[q])
                || ["infant", "baby", "neonate", "newborn", "months", "month", "driver", "passenger", "friend"].contains(keys[q])
                || (["pt", "patient"].contains(keys[q]) && tokens.indices.contains(q + 1) && tokens[q + 1].isNumber
                    && isPunct(q + 2, ":"))
        }) { return nil }
        patient.gender = sex
        patientEvidence.append(Evidence(path: "patient.gender", text: text(i, i + 1), start: span.lowerBound,
                                        end: span.upperBound, nemsis: "ePatient.13"))
        return i + 1
    }

    mutating func matchIntervention(at i: Int) -> Int? {
        guard let m = longest(Lexicon.interventions, at: i) else { return nil }
        if let prev = key(i - 1), Lexicon.negations.contains(prev) { return m.end }
        if m.value == "IV access", keys[i] == "cannulated" || keys[i] == "cannulation", key(i - 1) == "nasal" {
            return m.end
        }
        addIntervention(m.value, scalarSpan(i, m.end))
        return m.end
    }

    mutating func addIntervention(_ name: String, _ span: Range<Int>) {
        guard !interventions.contains(name) else { return }
        addEvidence("interventions[\(interventions.count)]", span)
        interventions.append(name)
    }
}
