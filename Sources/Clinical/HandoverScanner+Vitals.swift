/// Vital signs: the number after each vital's name, checked against plausible ranges, grouped into sets.
extension HandoverScanner {
    static let plausible: [String: ClosedRange<Double>] = [
        "bp_systolic": 40...300, "bp_diastolic": 20...200, "hr": 20...250, "rr": 2...80, "spo2": 50...100,
        "temp": 28...44, "gcs": 3...15, "gcs_eye": 1...4, "gcs_verbal": 1...5, "gcs_motor": 1...6,
        "glucose_mmol_l": 0.5...60, "glucose_mg_dl": 9...1100, "etco2": 5...150, "pain_scale_0_10": 0...10,
    ]
    /// °F readings are told apart from °C by magnitude; the converted value must still be in the °C range.
    static let fahrenheitRange: ClosedRange<Double> = 77...113

    // MARK: - Reading the number

    /// The number after a vital's name at `k`, skipping filler words ("is", "of", "about"…). Nil when a word that
    /// is not filler comes first ("very high", "stable", "unrecordable"): a description, not a reading.
    func reading(after k: Int, kind: Lexicon.VitalKind) -> (number: SpokenNumber, approximate: Bool)? {
        var j = k
        var approximate = false
        var skipped = 0
        // "tachycardia at", "brady at": the name ends with "at", so a time may follow.
        var sawAt = k > 0 && k <= keys.count && keys[k - 1] == "at"
        while j < tokens.count, skipped <= 4 {
            // "sats one hundred and pain four out of ten": "a hundred and" with no number after it is a number cut
            // off (`NumberParser`), except for a saturation, which cannot go past 100, before another vital's name.
            if kind == .spo2, ["one", "a"].contains(keys[j]), key(j + 1) == "hundred", key(j + 2) == "and",
               j + 3 < tokens.count, !numbers.isNumberWord(j + 3), !tokens[j + 3].isNumber, startsVital(j + 3) {
                return (SpokenNumber(value: 100, first: j, end: j + 2, form: .cardinal), approximate)
            }
            if let n = numbers.parse(at: j) {
                if numbers.articleDisagrees(n) { return nil }
                // "Temperature 100 and 1.3", "blood sugar 4 T2": part of a number the engine garbled; any value
                // read from it would be a guess.
                if numbers.isFragment(n, letterCodes: kind == .gcs) || numbers.isDecimalFragment(n) { return nil }
                if lostItsDecimal(n, kind: kind) || startsWithAPoint(n) { return nil }
                if sawAt, n.form == .clock || n.form == .hundreds { return nil }
                // "BM at 7 and it was 2.3", "GCS at 9 o'clock was 15", "sugar at 6 am": an hour, not the reading.
                // (Not "RR at 22 and laboured", "GCS at 14 and improving".)
                if sawAt, n.isInteger, n.value <= 24,
                   ["o'clock", "am", "pm", "this", "last", "yesterday", "today", "tonight", "was", "it", "when", "then",
                    "in"].contains(key(n.end) ?? "")
                    || (key(n.end) == "and" && ["it", "he", "she", "they", "was"].contains(key(n.end + 1) ?? "")) {
                    return nil
                }
                // "20:15", "20-15": a clock time, never a reading.
                if tokens[n.first].isNumber, isPunct(n.end, ":") || (sawAt && isPunct(n.end, "-")),
                   n.end + 1 < tokens.count, tokens[n.end + 1].isNumber {
                    return nil
                }
                if let next = key(n.end), Lexicon.notAReading.contains(next), !(kind == .temp && next.hasPrefix("degree")) {
                    return nil
                }
                // "RR sitting at 2 breaths every 10 seconds": a count over another span, not a rate per minute.
                if ["breaths", "beats"].contains(key(n.end) ?? ""), ["every", "in"].contains(key(n.end + 1) ?? "") {
                    return nil
                }
                // "Sugar at 0700 was 2.1": four digits after "at" are a clock time, never a reading.
                if sawAt, tokens[n.first].isNumber, n.first + 1 == n.end, tokens[n.first].text.count == 4,
                   let v = n.intValue, SpokenNumber.clockString(v / 100, v % 100) != nil {
                    return nil
                }
                // "bradycardia at 21 hundred", "at 20 40": a time.
                if sawAt, tokens[n.first].isNumber, key(n.end) == "hundred" || (n.end < tokens.count && tokens[n.end].isNumber) {
                    return nil
                }
                // "glucose 10% 100 ml": a percentage is only ever a saturation reading.
                if kind != .spo2, isPunct(n.end, "%") || key(n.end) == "percent" { return nil }
                if kind != .glucose, kind != .glucometer, let next = key(n.end),
                   Lexicon.doseUnitsWords.contains(next) {
                    return nil
                }
                if isDisowned(after: n.end) { return nil }
                // "sugar 1-44", "heart rate 1-18": Whisper's hyphenated "one forty-four"; any value read from it
                // would be a guess (a pressure's "144-90" is read by the pressure itself).
                // ("Pain 9-10" is nine out of ten.)
                if kind != .bp, kind != .systolic, !(kind == .pain && tokens[min(n.end + 1, tokens.count - 1)].text == "10"),
                   n.form == .digits, n.first + 1 == n.end, isPunct(n.end, "-"),
                   n.end + 1 < tokens.count, tokens[n.end + 1].isNumber, tokens[n.end].start == tokens[n.first].end,
                   tokens[n.end + 1].start == tokens[n.end].end {
                    return nil
                }
                return (n, approximate)
            }
            // "sats came up to ninety-three", "sats improving to 95": the reading follows.
            // Not after a pronoun: "sat her up to 60 degrees" is a posture.
            // Not a target or a range: "happy with sats down to 88", "pain down to 4 to 5".
            if !(k..<j).contains(where: { ["her", "him", "his", "them", "it", "their", "its"].contains(keys[$0]) }),
               let c = longest(Lexicon.continuations, at: j), c > j + 1 || keys[j] != "then", let next = numbers.parse(at: c) {
                if (max(0, k - 5)..<k).contains(where: { t in
                    Lexicon.targetWords.contains(keys[t]) && !(t..<k).contains(where: { isSentenceEnd($0) })
                })
                    || (key(next.end) == "to" && numbers.parse(at: next.end + 1) != nil) {
                    return nil
                }
                skipped += c - j
                j = c
                continue
            }
            let t = tokens[j]
            if t.kind == .punctuation, [":", "-", "=", "~"].contains(t.text) {
                if t.text == "~" { approximate = true }
            } else if t.isWord, Lexicon.fillers.contains(keys[j])
                        || (kind == .temp && Lexicon.temperatureFillers.contains(keys[j])) {
                if Lexicon.approximateWords.contains(keys[j]) { approximate = true }
                if keys[j] == "at" { sawAt = true }
            } else {
                return nil
            }
            j += 1
            skipped += 1
        }
        return nil
    }

    /// True when a temperature, or a blood sugar in mmol/L, said in words as a whole number, is followed by a word
    /// PocketSphinx writes for "point" (`NumberParser.pointSoundAlikesAfter`) and what is left of the decimal: the
    /// whole number alone would be a value nobody said, and these readings are said with a decimal.
    /// - A digit ("thirty eight find nine", "thirty nine planned eight") at the end of the transcript, or before a
    ///   temperature's site or unit, "at", "then", or the next vital's reading ("find nine pulse ninety").
    /// - "for" or "a" (four, eight) at the end of the transcript or before the next vital's reading: "temp thirty
    ///   eight plan for sugar six point two" (38.4), "thirty nine find a heart rate of one twenty" (39.8).
    /// Reviews 56, 58 and 60 kept these readings: "temp thirty seven plan to recheck", "plan to BM him again", "sugar
    /// three plan to sugar four before we move her" ("to" is too often a plan, and the same vital again is a plan's
    /// recheck), "temp thirty seven planned a BP recheck in five minutes" (a vital's name counts only with its number
    /// straight after it, or after "of", "is", "was"), "plan for pain relief", "sugar two planned one milligram
    /// glucagon", and targets ("temp thirty eight plan for sats ninety four to ninety eight", "plan for systolic of
    /// ninety", review 61). Only in a transcript as PocketSphinx writes it (`isWordsOnly`): a typist does not write
    /// "plan" for "point".
    private func lostItsDecimal(_ n: SpokenNumber, kind: Lexicon.VitalKind) -> Bool {
        let family: Set<Lexicon.VitalKind>
        switch kind {
        case .temp: family = [.temp]
        case .glucose, .glucometer: family = [.glucose, .glucometer]
        default: return false
        }
        guard n.form != .digits, n.isInteger, kind == .temp || n.value <= 33, let point = key(n.end),
              NumberParser.pointSoundAlikesAfter.contains(point), tokens[n.end].isWord, n.end + 1 < tokens.count,
              tokens[n.end + 1].isWord, isWordsOnly else { return false }
        /// The next vital's reading at `k`: its name (another vital's, not pain, nor a pressure) and its number, then
        /// the end or a further vital's name; not a target ("plan for sats ninety four to ninety eight", "systolic of
        /// ninety").
        func nextReading(_ k: Int) -> Bool {
            guard k < tokens.count, tokens[k].isWord, let v = longest(Lexicon.vitals, at: k),
                  ![.pain, .bp, .systolic].contains(v.value), !family.contains(v.value) else { return false }
            let start = numbers.parse(at: v.end) != nil ? v.end
                : (["of", "is", "was"].contains(key(v.end) ?? "") ? v.end + 1 : nil)
            guard let start, let reading = numbers.parse(at: start) else { return false }
            // A list of readings goes on with the next vital's name, or ends: "plan for sugar six point two gcs
            // thirteen". A plan goes on with other words ("plan for sats ninety four two ninety eight", "… at least",
            // "plan for gcs fifteen once sugar above four", review 62).
            var after = reading.end
            if ["percent", "%"].contains(key(after) ?? "") { after += 1 }
            return after >= tokens.count || (tokens[after].isWord && longest(Lexicon.vitals, at: after) != nil)
        }
        let k = n.end + 2
        if numbers.isDigitWord(n.end + 1) {
            return k >= tokens.count || Self.afterADecimal.contains(keys[k]) || nextReading(k)
        }
        guard ["for", "a"].contains(keys[n.end + 1]) else { return false }
        return k >= tokens.count || nextReading(k)
    }

    /// "bm a point nine" (eight point nine): no reading starts "a point", and read alone it would be 0.9, a
    /// hypoglycaemia nobody had. Only in PocketSphinx's text (`isWordsOnly`).
    /// (A sugar of just "one", as in "sugar one far is it too" for one forty-two, was tried and withdrawn after
    /// review 64: "bm was one she was unresponsive", "hypo sugar one", "sugar one i. m. glucagon" are hypoglycaemias
    /// said in the same words.)
    private func startsWithAPoint(_ n: SpokenNumber) -> Bool {
        keys[n.first] == "point" && key(n.first - 1) == "a" && isWordsOnly
    }

    /// True for a transcript as PocketSphinx writes it: no digits, and no punctuation but a letter it spelled ("gcs
    /// four c.", "ten k.") or a hyphenated word ("x-ray").
    private var isWordsOnly: Bool {
        tokens.indices.allSatisfy { k in
            let t = tokens[k]
            if t.isNumber { return false }
            guard t.kind == .punctuation else { return true }
            if t.text == ".", k > 0, tokens[k - 1].isWord, tokens[k - 1].text.count == 1 { return true }
            return t.text == "-" && k > 0 && tokens[k - 1].isWord && k + 1 < tokens.count && tokens[k + 1].isWord
        }
    }

    /// What may follow a temperature's last digit: its site or unit, or the next time.
    private static let afterADecimal: Set<String> = [
        "degrees", "degree", "celsius", "centigrade", "fahrenheit", "tympanic", "axillary", "oral", "orally", "rectal",
        "at", "then",
    ]

    /// The crew rejects the reading later in its sentence, before the next vital's name: "First sats read
    /// seventy-one, but the probe was on a wet, cold finger, so ignore that", "a heart rate of 320, which is
    /// artefact", "twenty-nine point eight, which can't be right".
    /// Only a phrase that is about this reading: after "which is", "that's", "it's", "so", "but", "probably", a
    /// comma (", artefact"), or "ignore that/it/this" not followed by "first", "earlier"… ("ignore that first one"
    /// rejects another reading). Not "lots of artefact on the ECG", "unreliable historian", "his libre sensor is
    /// inaccurate", "we can't ignore that".
    func isDisowned(after end: Int) -> Bool {
        var k = end
        while k < tokens.count, k < end + 18, !isSentenceEnd(k) {
            if k > end, startsVital(k) { return false }
            // "which isn't artefact", "definitely not artefact": the crew vouches for it.
            if let e = longest(Lexicon.disowningPhrases, at: k),
               !["not", "isn't", "wasn't", "no", "never"].contains(key(k - 1) ?? "") {
                let lead = [key(k - 1), key(k - 2)].compactMap { $0 }
                let ignoring = keys[k] == "ignore"
                if ignoring, ["first", "earlier", "previous", "initial", "original", "other", "last", "one", "reading",
                              "readings"].contains(key(e) ?? "") {
                    return false
                }
                if ignoring, ["so", "please", "just", ","].contains(key(k - 1) ?? "") || isPunct(k - 1, ",") { return true }
                // "…of two hundred and ten from shivering artefact", "due to movement artefact".
                // ", inaccurate", ", spurious" straight after the reading ("Sats 72%, inaccurate, probe kept falling
                // off"), not before a noun ("GCS 14, unreliable historian").
                if !ignoring, isPunct(k - 1, ","), k - 1 <= end + 1,
                   !["historian", "historians", "witness", "history", "source", "narrator", "timings"].contains(key(e) ?? "") {
                    return true
                }
                if !ignoring, lead.contains(where: { ["which", "that", "it", "it's", "so", "but", "probably", "likely",
                                                     "clearly", "obviously", "definitely", "from"].contains($0) })
                    || (key(k - 2) == "to" && key(k - 3) == "due") || (key(k - 1) == "to" && key(k - 2) == "due")
                    || (isPunct(k - 1, ",") && ["artefact", "artifact", "artefactual"].contains(keys[k])) {
                    return true
                }
            }
            k += 1
        }
        return false
    }

    /// An integer reading inside the plausible range for `key`, or nil after flagging it.
    mutating func plausibleInt(_ n: SpokenNumber, key: String, from first: Int) -> Int? {
        let range = Self.plausible[key]!
        guard let v = n.intValue, range.contains(Double(v)) else {
            flagImplausible("vitals.\(key)", first, n.end, rule: Self.rangeRule(key))
            return nil
        }
        return v
    }

    static func rangeRule(_ key: String) -> String {
        let r = plausible[key]!
        func f(_ d: Double) -> String { d.rounded() == d ? String(Int(d)) : String(d) }
        return "plausible range \(key) \(f(r.lowerBound))...\(f(r.upperBound))"
    }

    static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    // MARK: - Sets

    /// The set a new value of `key` goes into: a new set when the key was already said in the current one (with a
    /// different value), when a marker ("repeat", "second set") or a new time came first.
    mutating func setIndex(for key: String, same: (Vitals) -> Bool) -> Int {
        var needNew = sets.isEmpty
        if !needNew, let spans = setSpans.last, !spans.isEmpty {
            if newSetRequested {
                needNew = !(markerIsLatest && pendingTime == nil && spans[key] != nil && same(sets[sets.count - 1].values))
            } else if spans[key] != nil, !same(sets[sets.count - 1].values) {
                needNew = true
            } else if let t = pendingTime, sets[sets.count - 1].time != t {
                needNew = true
            }
        }
        if needNew {
            if pendingEarlier { earlierSets.insert(sets.count) }
            if pendingTime != nil, pendingTimeAfterNumber { timedAfterItsReading.insert(sets.count) }
            sets.append(VitalsSet(index: sets.count, time: pendingTime))
            setSpans.append([:])
        } else if let t = pendingTime, sets[sets.count - 1].time == nil {
            sets[sets.count - 1].time = t
            if pendingTimeAfterNumber { timedAfterItsReading.insert(sets.count - 1) }
        }
        pendingTime = nil
        newSetRequested = false
        markerIsLatest = false
        // The marker is for the first reading after it, whether or not that reading starts a set.
        pendingEarlier = false
        return sets.count - 1
    }

    mutating func store(_ key: String, in index: Int, span: Range<Int>, approximate: Bool,
                        _ apply: (inout Vitals) -> Void) {
        apply(&sets[index].values)
        setSpans[index][key] = span
        if approximate, !sets[index].approximate.contains(key) {
            sets[index].approximate.append(key)
            sets[index].approximate.sort()
        }
    }

    // MARK: - Matchers

    mutating func matchVital(at i: Int) -> Int? {
        guard let (end, kind) = longest(Lexicon.vitals, at: i) ?? shorthandTemperature(at: i) else { return nil }
        // "his target sats are 88 to 92", "aiming for sats of 94": a goal, not a reading. The goal word governs the
        // name: at most two words before it, nothing but words between ("…which is his target. Pulse 96" reads).
        if let g = (max(0, i - 2)..<i).last(where: { ["target", "targets", "aiming", "aim", "goal"].contains(keys[$0]) }),
           (g..<i).allSatisfy({ tokens[$0].isWord }) {
            return end
        }
        // "BP one forty-eight over eighty-six?" "One thirty-eight.": a reading asked back as a question, nothing in its
        // sentence but the reading, is no reading of its own (the answer is said again after it, or it was said before).
        if isReadBackQuestion(i) { return end }
        // (A set someone else took is followed reading by reading: `continuesForeignList`.)
        let listGoesOn = continuesForeignList(i, kind: kind)
        if listGoesOn || isThirdPartysSet(i) || isMeasuredBySomeoneElse(i, end) || isSaidToBeSomeoneElses(i, end)
            || isDiscardedByTheCrew(i, end) {
            if !listGoesOn { foreignListKinds = [] }
            // A time said for their set is theirs: "The nurse's obs at 13:30: BP 90/60. We repeated: BP 100/65".
            pendingTime = nil
            lastForeignVital = i
            foreignListKinds.insert(kind)
            return end
        }
        if isHabitualOrForeign(i, end, kind: kind) {
            // Someone else's reading starts a list of theirs: "the GP's BP was 178/96, temp 38.1". (Not a device's:
            // "Her home BP machine read 190 over 100, pulse 88, sats 96" — a BP machine reads no saturation.)
            if isOtherPersonsReading(i) {
                lastForeignVital = i
                foreignListKinds = [kind]
            }
            return end
        }
        if Lexicon.soundAlikeVitalNames.contains(keys[i..<end].joined(separator: " ")),
           !(end < tokens.count && tokens[end].isNumber) {
            return nil
        }
        let from = timedReadingStart(after: end, kind: kind) ?? end
        switch kind {
        case .bp, .systolic: return bloodPressure(i, from, systolicOnly: kind == .systolic)
        case .hr: return simple(i, from, kind, key: "hr", \.hr, trailing: [["bpm"], ["beats", "per", "minute"]])
        case .rr:
            return simple(i, from, kind, key: "rr", \.rr,
                          trailing: [["a", "minute"], ["per", "minute"], ["breaths", "per", "minute"],
                                     ["breaths", "a", "minute"], ["a", "min"], ["per", "min"]])
        case .etco2:
            return simple(i, from, kind, key: "etco2", \.etco2, trailing: [["mmhg"], ["mm", "hg"], ["millimetres", "of", "mercury"]])
        case .pain:
            return simple(i, from, kind, key: "pain_scale_0_10", \.painScale0To10,
                          trailing: [["out", "of", "ten"], ["out", "of", "10"], ["/", "10"], ["over", "ten"], ["over", "10"]])
        case .spo2: return oxygenSaturation(i, from)
        case .temp: return temperature(i, from)
        case .gcs: return glasgow(i, from)
        case .gcsEye, .gcsVerbal, .gcsMotor: return gcsComponentsStandalone(i)
        case .glucose, .glucometer:
            // "tried him on some sugar", "any sugar in his tea": food, not a reading ("one more BM 3.8" is one).
            if keys[i] == "sugar", ["some", "any", "more", "extra"].contains(key(i - 1) ?? "") { return from }
            return glucose(i, from, meter: kind == .glucometer)
        }
    }

    /// The vital's name at `i` opens a sentence in quotation marks (the receiver's words) that ends with "?" within
    /// ten tokens, and holds nothing but the name, numbers, "over", "/", "on", "air", "%" and "percent".
    private func isReadBackQuestion(_ i: Int) -> Bool {
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        // (Only someone else's words in quotation marks: "Sats 94? No, 96 on 4 litres." is the crew thinking aloud.)
        guard first < i, isPunct(first, "\"") || isPunct(first, "\u{201C}"), first + 1 == i else { return false }
        // A read-back repeats a reading said before it: the same vital named earlier ("\"Sats 88 on air?\" \"Yes, 88
        // on air.\"" is the only sats).
        guard let kind = longest(Lexicon.vitals, at: i)?.value,
              (0..<first).contains(where: { longest(Lexicon.vitals, at: $0)?.value == kind }) else { return false }
        var k = i
        while k < tokens.count, k < i + 10, !isSentenceEnd(k) { k += 1 }
        guard isPunct(k, "?") else { return false }
        let allowed: Set<String> = ["over", "/", "on", "air", "%", "percent", "room", "of", "is", "was", "it's", "it"]
        return (i..<k).allSatisfy { q in
            longest(Lexicon.vitals, at: q) != nil || (q > i && longest(Lexicon.vitals, at: q - 1).map { $0.end > q } ?? false)
                || tokens[q].isNumber || numbers.isNumberWord(q) || allowed.contains(keys[q]) || isPunct(q, "-")
        }
    }

    /// "BP at 13:50 was 100/65", "pulse at fourteen ten was eighty-eight": a reading with its own time, the way a
    /// monitor's printout is read out line by line. The time goes to the set the reading joins (a new set when the
    /// current one has readings and another time), and the reading is read from after "was". Only a time written
    /// with a colon or four digits, or said as a time, and "was", "were", "is" or "of" straight after it ("pulse at
    /// 120 was regular" has no time: three digits alone are read as a reading).
    private mutating func timedReadingStart(after end: Int, kind: Lexicon.VitalKind) -> Int? {
        guard key(end) == "at", !namesSomeoneElseBefore(end), end + 1 < tokens.count, !(tokens[end + 1].isNumber && tokens[end + 1].text.count == 3),
              let c = clock(at: end + 1), ["was", "were", "is", "of"].contains(key(c.end) ?? ""),
              reading(after: c.end, kind: kind) != nil || kind == .bp || kind == .systolic else { return nil }
        if kind == .bp || kind == .systolic {
            // (A pressure is read by its own rule; it needs a number straight after the connecting word.)
            guard c.end + 1 < tokens.count, numbers.parse(at: c.end + 1) != nil else { return nil }
        }
        pendingTime = c.time
        if let last = setSpans.last, !last.isEmpty, sets.last?.time != c.time { newSetRequested = true }
        return kind == .bp || kind == .systolic ? c.end + 1 : c.end
    }

    /// The timed reading at `i` is someone else's: another person named earlier in the sentence with no "our" / "we"
    /// after them ("Carers said her BP at 08:00 was 90/50", "The GP said BP at 13:50 was 100/65"), a person, place
    /// or earlier time named after it in the sentence ("…, mum says", "… on the nursing chart"), or "now" opening the
    /// next sentence.
    private func namesSomeoneElseBefore(_ i: Int) -> Bool {
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        // ("Sugar at 0700 was 2.1 per the carers", "Temp at 18:00 was 40.1, mum says. Now 38.9", "GCS at 06:00 was
        // 15 on the nursing chart, now 12": anywhere in its sentence, and a "now" or "earlier" after it.)
        var last = i
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        if last < tokens.count, last + 1 < tokens.count, key(last + 1) == "now" { return true }
        let elsewhere: Set<String> = ["per", "says", "said", "according", "told", "chart", "surgery", "home", "ward",
                                      "watch", "now", "earlier", "before", "previously", "mum", "dad", "carer",
                                      "carers", "nurse", "gp", "husband", "wife", "minute", "practitioner"]
        if (i..<last).contains(where: { elsewhere.contains(keys[$0]) || isOtherGiverWord(keys[$0]) }) { return true }
        let others: Set<String> = ["nurse", "nurses", "doctor", "gp", "carer", "carers", "staff", "ward", "home",
                                   "practice", "mum", "dad", "mother", "father", "wife", "husband", "daughter", "son",
                                   "says", "said", "per", "told", "parent", "parents", "partner", "family",
                                   "practitioner"]
        guard let o = (first..<i).last(where: { others.contains(keys[$0]) || isOtherGiverWord(keys[$0]) }) else {
            return false
        }
        return !(o..<i).contains { ["our", "we", "we've", "we'd"].contains(keys[$0]) }
    }

    /// Not a reading the crew took now:
    /// - a usual value: "her usual BP", "baseline GCS", "her normal sats are 92" (with "normal" only after "his",
    ///   "her", "their": "obs normal BP 120 over 80" reads), "BP normally runs about", "sats are usually 92";
    /// - a reading from the patient's own gadget earlier in the sentence: "Her smartwatch showed a heart rate of
    ///   171 during the swim".
    private func isHabitualOrForeign(_ i: Int, _ end: Int, kind: Lexicon.VitalKind) -> Bool {
        // Not "regular" ("pulse 92 regular resps 20") and "baseline" only as "her baseline", or straight before
        // "GCS": "baseline obs BP 150 over 90" is the crew's first set.
        let habitual: Set<String> = ["usual", "typical", "normally", "usually", "typically", "habitual"]
        // Straight before the name, and not "than usual" ("more drowsy than usual bp now 90 over 60").
        if let p = Optional(i - 1), p >= 0, key(p - 1) != "than",
           habitual.contains(keys[p])
            || (["normal", "baseline"].contains(keys[p]) && Lexicon.possessives.contains(key(p - 1) ?? ""))
            || (keys[p] == "baseline" && kind == .gcs)
            || (["normal", "baseline"].contains(keys[p]) && isInListOfUsualValues(p)) {
            return true
        }
        var a = end
        if ["is", "are", "was"].contains(key(a) ?? "") { a += 1 }
        if ["normally", "usually", "typically", "runs", "run", "tends"].contains(key(a) ?? "") { return true }
        /// Only the words of a list of readings between a verb at `r` and this reading's name.
        func onlyReadingsBetween(_ r: Int) -> Bool {
            (r + 1..<i).allSatisfy { q in
                ["a", "an", "the", "his", "her", "their", "of", "reading", "readings", "and", "over", "/", ":",
                 "observations", "obs", "vitals", "earlier", "today", "this", "morning", ","].contains(keys[q])
                    || tokens[q].isNumber || numbers.isNumberWord(q) || isPunct(q, "-")
                    || longest(Lexicon.vitals, at: q) != nil
                    || (q > 0 && longest(Lexicon.vitals, at: q - 1).map { $0.end > q } ?? false)
            }
        }
        // Someone else's reading: "The GP measured sats of 85%", "The first responder had a BP of 80/50", "the
        // nursing home recorded temp 39.4", "The carers recorded sats of 82%", "His libre showed glucose 2.1", "The
        // physio got a pulse of about forty".
        var r = i - 1
        while r >= 0, i - r <= 12, !isSentenceEnd(r) {
            // The verb straight before the reading's name (past "a", "of", "the"…), not "carer found him on the
            // floor heart rate 40".
            if ["measured", "recorded", "had", "got", "took", "documented", "noted", "showed", "checked", "found"].contains(keys[r]),
               onlyReadingsBetween(r),
               !isCrewsRepeat(i, kind: kind, after: r),
               let who = key(r - 1),
               Lexicon.thirdPartyGivers.contains(who) || ["responder", "responders", "home", "hospital", "nurse", "nurses",
                                                           "doctor", "libre", "dexcom", "sensor", "cgm", "gp", "carers", "car",
                                                           "team"].contains(who)
                || (["physio", "physiotherapist", "dentist"].contains(who) && !repeatsAKind(from: r + 1, through: i))
                || (who == "and" && ["got", "took", "recorded", "measured", "checked"].contains(keys[r])
                    && isOpenedBySomeoneElse(before: r)) {
                return true
            }
            r -= 1
        }
        if isThirdPartysSet(i) { return true }
        // The gadget as the subject of a verb of showing, the name within three words after that verb or after a
        // list of its readings ("The app showed sats of seventy-eight and a heart rate of forty"), nothing of the
        // crew's between ("alerted by his apple watch on arrival heart rate 150", "She wears a smartwatch, HR 88 on
        // our ECG" read).
        var b = i - 1
        while b >= 0, i - b <= 12, !isSentenceEnd(b), !isPunct(b, ",") {
            if ["showed", "shows", "said", "says", "read", "reads", "recorded", "reading", "measured", "gave"].contains(keys[b]),
               i - b <= 4 || onlyReadingsBetween(b), let d = key(b - 1),
               ["smartwatch", "fitbit", "tracker", "smartphone", "watch", "app", "phone"].contains(d)
                || (key(b - 2).map { ["smartwatch", "fitbit", "watch"].contains($0) } ?? false),
               !(b..<i).contains(where: { ["arrival", "our", "we", "now"].contains(keys[$0]) }) {
                return true
            }
            b -= 1
        }
        return isFromPatientsDevice(i) || isOtherPersonsReading(i) || isReportedPastReading(i, end, kind: kind)
    }

    /// "School nurse gave his own diazepam nasal 10 mg at 10:03 and got a temp of 103.1 °F" (HeldOut18): the verb
    /// after "and" at `r` shares the subject that opens its sentence, someone else (a nurse, carer, relative…) in its
    /// first three words, with no crew word or pronoun of a new subject on the way.
    private func isOpenedBySomeoneElse(before r: Int) -> Bool {
        var s = r
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        // (The subject itself: only "the", "her", "school"… before it, and not a possessive: not "Seen with mum and
        // got…", "Called by GP and got…", "GP's referral letter read and got…"; review 72.)
        let people: Set<String> = ["nurse", "nurses", "doctor", "gp", "physio", "dentist"]
        let leads: Set<String> = ["the", "her", "his", "their", "a", "an", "school", "care", "home", "practice",
                                  "nursing"]
        guard let p = (s..<min(s + 3, r)).first(where: { Lexicon.thirdPartyGivers.contains(keys[$0]) || people.contains(keys[$0]) }),
              (s..<p).allSatisfy({ leads.contains(keys[$0]) || tokens[$0].text.hasSuffix("'s") }),
              !tokens[p].text.hasSuffix("'s") else { return false }
        return !(s..<r).contains { q in
            ["we", "our", "us", "i", "my", "crew", "we've", "i've", "she", "he", "they", "then", "present", "arrived",
             "arrival", "handover"].contains(keys[q])
                || Self.crewNouns.contains(keys[q]) || isPunct(q, ",") || isPunct(q, ";") || isPunct(q, "-")
                || (isPunct(q, ":") && !(q > 0 && tokens[q - 1].isNumber && q + 1 < tokens.count && tokens[q + 1].isNumber))
        }
    }

    /// A vital's name said twice from `from` through the name at `i`: "the physio got a pulse of forty pulse sixty b p
    /// one ten over seventy" (the crew's list starts at the second pulse; review 66).
    private func repeatsAKind(from: Int, through i: Int) -> Bool {
        var seen: [Lexicon.VitalKind] = []
        var q = from
        while q <= i {
            if let m = longest(Lexicon.vitals, at: q) {
                if seen.contains(m.value) { return true }
                seen.append(m.value)
                q = m.end
            } else {
                q += 1
            }
        }
        return false
    }

    /// A past reading said as someone else's words: "Her cousin's a retired GP and he says her pulse was a hundred and
    /// forty at the start", "The dentist's note says his blood pressure was one thirty-eight over eighty before the
    /// extraction", "the carers told us her BP was 90/50". A verb of reporting, "us" or "me" after it, then the
    /// patient's possessive, the reading's name and "was" or "were". The speaker, straight before the verb, is someone
    /// else by a word of a list (a relative, carer, GP, nurse, cleaner, the patient), a written record ("note",
    /// "letter", "chart"), or "he", "she", "they" after someone else named in this sentence or the one before ("Dad's
    /// sister's a nurse. She says his sats were 82"); never a crew word anywhere before the reading.
    /// Not (reviews 65, 66, 68): a crew recap with no speaker ("As mentioned his BP was 90/50"); a crewmate or a name
    /// ("My colleague says…", "Mike said…", "The trainee reckons…", "The driver said…"); a device ("The monitor
    /// says…", "The thermometer said…"); the crew passing readings on ("told them his GCS was 8"); "No allergies
    /// reported his BP was…"; pain, which the patient reports; a crew word later in the sentence ("Wife says his
    /// sugar was 2.1 when we arrived").
    private func isReportedPastReading(_ i: Int, _ end: Int, kind: Lexicon.VitalKind) -> Bool {
        guard kind != .pain, i >= 3, ["his", "her", "their"].contains(keys[i - 1]),
              ["was", "were"].contains(key(end) ?? "") else { return false }
        var v = i - 2
        if ["us", "me"].contains(keys[v]) { v -= 1 }
        let reporting: Set<String> = ["says", "said", "reckons", "reckoned", "told", "tells", "reports", "reported",
                                      "states", "stated", "thinks", "thought", "mentioned"]
        guard v >= 1, reporting.contains(keys[v]), tokens[v - 1].isWord else { return false }
        var first = v
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        let crewWords: Set<String> = ["we", "our", "us", "i", "my", "me", "crew", "we've", "i've", "ours"]
        // (A HEMS doctor is on the crew's side: "The HEMS doctor said his BP was 85/50 after the RSI", review 66.)
        if (first..<i).contains(where: { (crewWords.contains(keys[$0]) && $0 != v + 1) || keys[$0] == "hems" }) { return false }
        let speaker = keys[v - 1]
        // (Not "summary", "record": "Handover summary states…", "The monitor record says…" are the crew's, review 66.)
        let records: Set<String> = ["note", "notes", "letter", "chart", "paperwork"]
        // (Not the crew's own: a driver, an attendant…, nor its devices: review 68.)
        let crewsOwn: Set<String> = ["monitor", "machine", "printout", "lifepak", "corpuls", "zoll", "screen", "readout",
                                     "ecg", "strip", "meter", "glucometer", "oximeter", "probe", "cuff", "summary",
                                     "record", "records", "driver", "crew", "clinician", "clinicians", "attendant",
                                     "trainee", "apprentice", "mentor", "practitioner", "associate", "nqp", "ccp", "para",
                                     "lead", "responder", "responders", "supervisor"]
        func isSomeoneElse(_ w: String) -> Bool {
            (Self.otherPeople.contains(w) || isOtherGiverWord(w)
             || ["patient", "pt", "cleaner", "cleaners", "lady", "gentleman", "man", "woman", "hca", "housekeeper",
                 "janitor", "bystander", "passer"].contains(w))
                && !Self.crewNouns.contains(w) && !crewsOwn.contains(w) && !(w == "doctor" && isCrewsOwnDoctorSaid)
        }
        // "He", "she", "they" after someone else named in this sentence or the one before, and no crew in that one
        // ("Dad's sister's a nurse. She says his sats were 82 on her finger probe").
        var previous = first - 1
        while previous > 0, !isSentenceEnd(previous - 1) { previous -= 1 }
        let before = first >= 1 ? max(0, previous)..<(first - 1) : first..<first
        let pronoun = ["he", "she", "they"].contains(speaker)
            && ((first..<(v - 1)).contains { isSomeoneElse(keys[$0]) }
                || (before.contains { isSomeoneElse(keys[$0]) }
                    && !before.contains { crewWords.contains(keys[$0]) || Self.crewNouns.contains(keys[$0]) || keys[$0] == "hems" }))
        guard isSomeoneElse(speaker) || records.contains(speaker) || pronoun else { return false }
        var k = end
        while k < tokens.count, !isSentenceEnd(k) {
            if ["we", "our", "us", "arrival", "crew", "we've", "now"].contains(keys[k]) { return false }
            k += 1
        }
        return true
    }

    /// Someone else took the set, said earlier in the sentence: "The staff did a set at about three, they got a
    /// NEWS of six, their sats were ninety, temperature 38.1", "The carers took obs before we came: BP 90/60".
    /// "The mountain rescue team carried him down. They gave him morphine … Their obs on the hill were BP 160/90":
    /// a sentence opening "Their obs", "Their observations", "Their set" (up to the reading at `i`, with no word of
    /// the crew's), when one of the two sentences before names a group of other people (a team, staff, carers,
    /// nurses, a first aid post, responders; a nursing station, clinic or surgery with someone doing something there:
    /// "The NP at the station did a 12-lead … Their last set at 06:35: BP 142/88") or opens with "They". Not the
    /// patient's "their" alone.
    private func isTheirSet(_ i: Int, sentenceStart s: Int) -> Bool {
        let w = ["last", "first", "latest", "initial", "own"].contains(key(s + 1) ?? "") ? s + 2 : s + 1
        guard s < i, keys[s] == "their", Self.setWords.contains(key(w) ?? ""),
              !(s..<i).contains(where: { ["we", "our", "us", "i", "we've", "my", "crew"].contains(keys[$0]) }) else { return false }
        let groups: Set<String> = ["team", "staff", "carers", "nurses", "post", "responders", "rescue", "paramedics",
                                   "doctors", "home", "ward", "lifeguards", "stewards", "medics", "aiders"]
        // (A place, only with someone there doing something in its sentence: not "Picked up from the clinic at 09:00.
        // Obs done en route. Their last set…", review 79.)
        let places: Set<String> = ["station", "clinic", "surgery", "practice"]
        let doing: Set<String> = ["did", "gave", "took", "recorded", "measured", "checked", "started", "done"]
        func placeWithSomeoneDoing(_ q: Int) -> Bool {
            guard places.contains(keys[q]) else { return false }
            var a = q
            while a > 0, !isSentenceEnd(a - 1) { a -= 1 }
            var b = q
            while b < s, !isSentenceEnd(b) { b += 1 }
            return (a..<b).contains { doing.contains(keys[$0]) }
                && !(a..<b).contains { ["we", "our", "us", "i", "picked", "collected", "crew"].contains(keys[$0]) }
        }
        // The two sentences before: where each opens.
        var openings: [Int] = []
        var k = s - 1
        while k > 0, openings.count < 2 {
            var o = k - 1
            while o >= 0, !isSentenceEnd(o) { o -= 1 }
            openings.append(o + 1)
            k = o
        }
        guard let earliest = openings.last else { return false }
        return openings.contains { key($0) == "they" }
            || (earliest..<s).contains { groups.contains(keys[$0]) || (Lexicon.thirdPartyGivers.contains(keys[$0]) && keys[$0].hasSuffix("s"))
                || placeWithSomeoneDoing($0) }
    }

    private func isThirdPartysSet(_ i: Int) -> Bool {
        // - A third party, then within three words a verb of measuring whose object is a set ("did a set", "had done
        //   obs") or, after "took", "recorded", "measured", "checked", a reading ("recorded her sats"): not "at home,
        //   had chest pain", "the carers had sat her up", "checked on him".
        // - Nothing of the crew's after it ("we", "our", "you"; not "before we came"), and no turn to later ("which
        //   was normal, she's since deteriorated", "then", "now", "on examination"; "which showed sats of 90" is theirs).
        var f = i - 1
        while f >= 0, i - f <= 30, !isSentenceEnd(f) { f -= 1 }
        let obsWords = Self.setWords
        if isTheirSet(i, sentenceStart: f + 1) { return true }
        // ("At his home we did a set", "At the care home I took her obs": a place, and the crew.)
        for s in (f + 1)..<i where Lexicon.thirdPartyGivers.contains(keys[s])
            || ["responder", "responders", "nurse", "nurses", "doctor"].contains(keys[s])
            || (keys[s] == "home" && (!(max(0, s - 3)..<s).contains(where: { ["at", "from", "in", "to"].contains(keys[$0]) })
                                      || key(s + 1) == "who" || (isPunct(s + 1, ",") && key(s + 2) == "who"))) {
            let verb = (s + 1..<min(s + 5, i)).first { v in
                let measuring = ["took", "recorded", "measured", "checked", "documented", "did"].contains(keys[v])
                guard measuring || ["had", "got", "done"].contains(keys[v]) else { return false }
                return (v + 1..<min(v + 4, tokens.count)).contains { o in
                    obsWords.contains(keys[o]) || (measuring && startsVital(o))
                }
            }
            // "Tent B doctor's obs at 1400: BP 132/84", "the GP's observations": their set by the possessive alone.
            // Not a relative's: "Mum's obs at 14:25" after a birth are the patient's.
            // Not the crew's own doctor: "Our HEMS doctor's obs", "Doctor's obs, that's me".
            let possessiveSet = tokens[s].text.hasSuffix("'s") && obsWords.contains(key(s + 1) ?? "")
                && ["doctor", "dr", "nurse", "gp", "responder", "carer", "carers", "staff", "midwife", "dentist",
                    "home", "hospital", "surgery", "practice", "team", "paramedic"].contains(keys[s])
                && !((f + 1)..<i).contains(where: { ["our", "my", "me", "hems", "we"].contains(keys[$0]) })
                && !isCrewsOwnDoctorSaid
            guard let v = verb ?? (possessiveSet ? s + 1 : nil) else { continue }
            // (A crew word after the third party; "told us", "called us" are theirs.)
            let crewSpeaks = (s + 1..<i).contains { q in
                ["we", "our", "us", "i", "we've", "we'd", "crew", "my", "i've", "you", "medic", "ours"].contains(keys[q])
                    && !["before", "until", "till", "told", "called", "asked", "rang", "phoned"].contains(key(q - 1) ?? "")
            }
            let turns = (v..<i).contains { q in
                ["arrival", "now", "repeat", "latest", "since", "then", "however", "deteriorated", "examination",
                 "apparently", "normal", "later", "subsequently"].contains(keys[q])
            }
            if !crewSpeaks, !turns, !isCrewsRepeat(i, kind: longest(Lexicon.vitals, at: i)?.value, after: v) { return true }
        }
        return isOtherSexsSet(i, before: f)
    }

    /// Words for a set of readings: "did a set", "her obs", "the GP's observations".
    private static let setWords: Set<String> = ["set", "sets", "obs", "observations", "vitals", "reading", "readings"]

    /// A set of someone of the other sex, in a handover about a patient whose sex was said:
    /// - "Night nurse rang 999 … She gave lorazepam at 03:00, and her obs at 03:00 were temp 39.2, HR 128" about a
    ///   man: that sex's possessive before a set's word, after that sex's pronoun or a third party earlier in the
    ///   sentence;
    /// - "She got a BP of ninety-six over sixty on her machine" about a man: that sex's pronoun as the subject of a
    ///   verb of measuring, a reading or a set straight after it;
    /// with neither the patient's own pronoun nor the crew between. Not when a crewmate is named in the sentence,
    /// the one before ("My colleague Emma repeated obs. She got a BP…") or, by a crewmate's own word, the one after
    /// ("She got a BP of 150/95. That was my colleague"; not "Our BP 150/90", which follows someone else's reading
    /// as often, nor "Her partner was worried" or "The student is with her": a spouse, a bystander). `f` is the end
    /// of the sentence before (or -1).
    private func isOtherSexsSet(_ i: Int, before f: Int) -> Bool {
        let obsWords = Self.setWords
        var previous = max(0, f)
        while previous > 0, !isSentenceEnd(previous - 1) { previous -= 1 }
        var sentenceEnd = i
        while sentenceEnd < tokens.count, !isSentenceEnd(sentenceEnd) { sentenceEnd += 1 }
        var nextEnd = min(sentenceEnd + 1, tokens.count)
        while nextEnd < tokens.count, !isSentenceEnd(nextEnd) { nextEnd += 1 }
        let mates: Set<String> = ["crewmate", "colleague", "trainee", "mentor"]
        let crewmateNamed = (previous..<sentenceEnd).contains { q in
            Self.crewNouns.contains(keys[q]) || mates.contains(keys[q]) || ["my", "our", "ours"].contains(keys[q])
        } || (sentenceEnd..<nextEnd).contains { q in
            mates.contains(keys[q]) || (Self.crewNouns.contains(keys[q]) && ["my", "our"].contains(key(q - 1) ?? ""))
        }
        guard !crewmateNamed, let gender = patient.gender, gender == "male" || gender == "female" else { return false }
        let other = gender == "male" ? "her" : "his"
        let otherSubjects: Set<String> = gender == "male" ? ["she", "she'd", "she's"] : ["he", "he'd", "he's"]
        let own: Set<String> = gender == "male" ? ["his", "him", "he", "he's", "he'd"] : ["her", "hers", "she", "she's", "she'd"]
        func nothingOfOwnOrCrew(after p: Int) -> Bool {
            !(p + 1..<i).contains { own.contains(keys[$0]) || ["we", "our", "us", "i", "crew", "now", "then", "arrival"].contains(keys[$0]) }
        }
        if let p = (f + 1..<i).last(where: { keys[$0] == other && obsWords.contains(key($0 + 1) ?? "") }),
           (f + 1..<p).contains(where: { otherSubjects.contains(keys[$0]) || Self.otherPeople.contains(keys[$0]) }),
           nothingOfOwnOrCrew(after: p) {
            return true
        }
        if let p = (f + 1..<i).last(where: { otherSubjects.contains(keys[$0]) }),
           let v = (p + 1..<min(p + 3, i)).first(where: { ["got", "took", "did", "had", "recorded", "measured", "checked"].contains(keys[$0]) }),
           (v + 1..<min(v + 4, i + 1)).contains(where: { obsWords.contains(keys[$0]) || startsVital($0) }),
           nothingOfOwnOrCrew(after: p) {
            return true
        }
        return false
    }

    /// The crew says it has a doctor of its own anywhere ("I'm the doctor, Dr Shah, HEMS", "HEMS doctor"): "Doctor's
    /// obs" are then the crew's.
    var isCrewsOwnDoctorSaid: Bool {
        keys.indices.contains { k in
            keys[k] == "hems" || (["i'm", "i"].contains(keys[k]) && (key(k + 1) == "am" ? key(k + 2) : key(k + 1)) == "the"
                                   && ["doctor", "medic"].contains((key(k + 1) == "am" ? key(k + 3) : key(k + 2)) ?? ""))
        }
    }

    /// The reading at `i` is said again after someone else's reading of the same kind (after `from`), with a word of
    /// the crew in its part of the sentence: "The nurse had a BP of 180/100 earlier, BP 150/90 now", "Care staff had
    /// a BP of 90 over 50, BP 100 over 60 on our arrival". Without one, a repeat stays theirs: "Carers had a glucose
    /// of 2.1, glucose 2.4 when they rechecked", "The GP had a BP of 180/100, BP 175/100 on his second reading".
    private func isCrewsRepeat(_ i: Int, kind: Lexicon.VitalKind?, after from: Int) -> Bool {
        guard let kind, (from + 1..<i).contains(where: { longest(Lexicon.vitals, at: $0)?.value == kind }) else { return false }
        // ("…, temp 38.9 when she rechecked as we arrived": theirs.)
        var r = i
        while r < tokens.count, !isSentenceEnd(r), r < i + 12 {
            if ["she", "he", "they"].contains(keys[r]), key(r - 1) != "we",
               ["rechecked", "repeated", "retook"].contains(key(r + 1) ?? "") {
                return false
            }
            r += 1
        }
        var k = i
        while k < tokens.count, !isSentenceEnd(k), !(isPunct(k, ",") && k > i + 1) {
            // (Not "before we arrived", "prior to our arrival".)
            if ["now", "our", "we", "us", "arrival", "crew", "we've"].contains(keys[k]),
               ![key(k - 1), key(k - 2)].contains(where: { ["before", "until", "till", "prior"].contains($0 ?? "") }) {
                return true
            }
            k += 1
        }
        return false
    }

    /// The next reading of a set someone else took (`isThirdPartysSet`), past the words that rule looks back over:
    /// "The custody nurse did obs on him at midnight and got a BP of one forty-eight over ninety-two, a pulse of one
    /// hundred and four, sats of ninety-six and a GCS of fourteen" (the GCS is 38 words after the nurse). Only when
    /// nothing but the readings' own words lie between (numbers, "over", "%", commas, "and", "a", "of", a vital's
    /// name) and the reading is not one the set already has: any other word, a crew word, a reading said again or a
    /// new sentence ends the list.
    private func continuesForeignList(_ i: Int, kind: Lexicon.VitalKind) -> Bool {
        // A reading said again is another set: the crew's ("Nurse had BP 180/100, pulse 110, BP 150/90…").
        guard let p = lastForeignVital, p < i, !foreignListKinds.contains(kind) else { return false }
        // (No possessive: "her BP was 90 over 60, his pulse 76" turns back to the patient.)
        let listWords: Set<String> = ["and", "a", "an", "of", "over", "/", "%", "percent", ",", "on", "air", "room",
                                      "regular", "irregular", "bpm", "was", "were", "sats", "point"]
        var k = p
        while k < i {
            if isSentenceEnd(k) { return false }
            if let v = longest(Lexicon.vitals, at: k) {
                k = v.end
                continue
            }
            guard tokens[k].isNumber || numbers.isNumberWord(k) || listWords.contains(keys[k]) || isPunct(k, "-") else {
                return false
            }
            k += 1
        }
        return true
    }

    /// A reading named as someone else's ("his wife's BP", "the driver's sats"), or another person's set said in a
    /// handover about a patient whose gender was said: "this is the driver, Tom, fifty-six-year-old man … His wife
    /// was the passenger, she's coming in with the second crew: her BP was 94 over 60, pulse 120, sats 93". In the
    /// same sentence: a relative or other person named, then the other gender's possessive straight before a
    /// reading, and this reading at most twenty words after that, with neither the patient's own pronoun nor the
    /// crew between ("…, his pulse 76", "temp 39.2 for us"). Nothing when the gender is unknown, or when no other
    /// person is named in the sentence (the gender may be a caller's or a crewmate's: "Female caller reports her
    /// husband collapsed. His BP 80 over 40").
    private func isOtherPersonsReading(_ i: Int) -> Bool {
        let others = Self.otherPeople
        if i > 0, tokens[i - 1].text.lowercased().hasSuffix("'s"), others.contains(keys[i - 1])
            || (Self.animals.contains(keys[i - 1]) && tokens[i - 1].raw.first?.isLowercase == true)
            || (["baby", "newborn", "infant"].contains(keys[i - 1]) && isPatientAdolescentOrAdult) {
            return true
        }
        guard let gender = patient.gender, gender == "male" || gender == "female" else { return false }
        let other = gender == "male" ? "her" : "his"
        let own: Set<String> = gender == "male" ? ["his", "him", "he", "he's"] : ["her", "hers", "she", "she's"]
        var q = i - 1
        while q >= 0, i - q <= 20, !isSentenceEnd(q) {
            if own.contains(tokens[q].text.lowercased()) || own.contains(keys[q])
                || ["we", "us", "our", "ours", "crew"].contains(keys[q]) {
                return false
            }
            if keys[q] == other, startsVitalReading(q + 1) {
                var r = q - 1
                while r >= 0, !isSentenceEnd(r) {
                    if others.contains(keys[r]) { return true }
                    r -= 1
                }
                return false
            }
            q -= 1
        }
        return false
    }

    /// The patient's age was said in years, twelve or more: "Baby's heart rate was one fifty" after a birth is the
    /// newborn's, not the mother's (HeldOut19); about a baby, "Baby's heart rate 160" is the patient's.
    private var isPatientAdolescentOrAdult: Bool {
        guard let age = patient.age, age >= 12 else { return false }
        return patient.ageUnit == nil || patient.ageUnit == "years"
    }

    /// People whose readings are not the patient's when named: relatives, carers, bystanders, another occupant.
    private static let otherPeople = Lexicon.thirdPartyGivers.union(["driver", "passenger", "partner"])
    /// An animal's reading, said with its possessive ("She says the dog's HR was 140 at the time"). Written in lower
    /// case only: "Cat's BP is 120 over 80" is a patient called Cat.
    private static let animals: Set<String> = ["dog", "horse", "pony", "animal"]

    /// A reading from a device the patient owns, said as what it showed: "her finger pulse oximeter from the chemist
    /// said 91% with a HR of 112", "his own BP machine read 198/112", "their home monitor showed sats of 88". The
    /// device is the subject of a verb of showing, the reading's name comes within six words of the verb, and
    /// nothing of the crew's stands between ("her BP machine said 180, our BP 150 over 90" reads the crew's).
    private func isFromPatientsDevice(_ i: Int) -> Bool {
        let showing: Set<String> = ["said", "says", "showed", "shows", "read", "reads", "gave", "recorded", "measured"]
        var v = i - 1
        while v >= 0, i - v <= 6, !isSentenceEnd(v) {
            if showing.contains(keys[v]),
               let d = (max(0, v - 4)..<v).last(where: { isPatientsDevice(at: $0) }),
               !(d..<i).contains(where: { ["our", "we", "us", "ours", "crew", "arrival", "now", "then"].contains(keys[$0]) }),
               !(d..<v).contains(where: { isSentenceEnd($0) }) {
                return true
            }
            v -= 1
        }
        return false
    }

    /// A device word at `d` owned by the patient: "her (own) (finger) (pulse) oximeter", "his BP machine", "his bike
    /// computer", "her phone app", "their home monitor" (a monitor only at home: "her up to the monitor", "his 12
    /// lead monitor" are the crew's). The
    /// possessive comes at most three words before, with only words of the device's name between (no article,
    /// preposition or number: "we hooked her up to the monitor"), and not "our own", "my own".
    private func isPatientsDevice(at d: Int) -> Bool {
        let devices: Set<String> = ["oximeter", "machine", "meter", "cuff", "smartwatch", "watch", "fitbit", "tracker",
                                    "glucometer", "monitor", "computer", "garmin", "phone", "app"]
        guard devices.contains(keys[d]), keys[d] != "monitor" || key(d - 1) == "home" else { return false }
        for p in stride(from: d - 1, through: max(0, d - 4), by: -1) {
            if ["his", "her", "their"].contains(keys[p]) { return true }
            if keys[p] == "own" { return ["his", "her", "their"].contains(key(p - 1) ?? "") }
            guard tokens[p].isWord, !numbers.isNumberWord(p),
                  !["to", "the", "a", "an", "on", "up", "with", "and", "it", "onto", "into", "at", "of", "lead", "ecg",
                    "our", "my", "we"].contains(keys[p]) else { return false }
        }
        return false
    }

    /// "his normal heart rate is about a hundred, normal sats ninety-four percent": "normal" straight after a comma
    /// or "and", in a sentence whose earlier words said whose usual values these are ("his normal", "her usual",
    /// "their baseline"). Not "obs normal, sats 94" (nothing said them usual) or "normal sats" opening a sentence.
    private func isInListOfUsualValues(_ p: Int) -> Bool {
        guard [",", "and"].contains(key(p - 1) ?? "") else { return false }
        var q = p - 2
        while q > 0, !isSentenceEnd(q) {
            // Nothing of the crew's between ("his normal sats are 90, we found him with sats 80, …, normal sats 94
            // after oxygen" is the crew's), and the earlier words are about a usual reading ("her normal self",
            // "his normal inhalers" are not).
            if ["we", "our", "us", "gave", "given", "now"].contains(keys[q]) { return false }
            if ["normal", "usual", "baseline", "typical"].contains(keys[q]), ["his", "her", "their"].contains(keys[q - 1]),
               startsVital(q + 1) || ["obs", "observations"].contains(key(q + 1) ?? "") {
                return true
            }
            q -= 1
        }
        return false
    }

    /// "on the repeat he's ninety-three percent on four litres nasal cannula": a saturation without its name, read
    /// only with a percent and an oxygen context straight after it, between 70 and 100, straight after "he's",
    /// "she's", "they're", so "FiO2 ninety percent on high flow" or a burn area is never read, nor "…, and 92% on
    /// air" (an engine that lost "sats" earlier may have lost the later reading too, and the stale one would be
    /// reported as the latest).
    mutating func matchBareSaturation(at i: Int) -> Int? {
        guard let n = numbers.parse(at: i), n.isInteger, (70...100).contains(n.value), i > 0,
              ["he's", "she's", "they're"].contains(tokens[i - 1].text) else { return nil }
        // Only in a repeat set said as such, and never about a usual, target or home value ("normally she's 88
        // percent on 2 litres", "his target is…", "when well she's 90 percent on air", "at home").
        var first = i - 1
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        var last = i
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        guard (first..<i).contains(where: { ["repeat", "repeated", "later", "second", "after"].contains(keys[$0]) }),
              !(first..<last).contains(where: { ["usual", "usually", "normally", "normal", "baseline", "target", "aim",
                                                  "aiming", "well", "home", "typically", "fio2"].contains(keys[$0]) })
        else { return nil }
        var j = n.end
        if isPunct(j, "%") || key(j) == "percent" {
            j += 1
        } else if key(j) == "per", key(j + 1) == "cent" {
            j += 2
        } else {
            return nil
        }
        let valueEnd = j
        guard let context = oxygenContext(at: j), !isDisowned(after: context.end),
              let v = plausibleInt(n, key: "spo2", from: i) else { return nil }
        storeSaturation(v, span: scalarSpan(i, valueEnd), on: context)
        return context.end
    }

    /// "sats were ninety-three on air, so we've got him on fifteen litres non-rebreather, … and he's now
    /// ninety-seven": in the sentence of a saturation reading, oxygen put on after it, then "he's now" / "she's now"
    /// (/ "up to") and a number from 70 to 100 with nothing after it but a percent and the clause's end. A new
    /// reading on that oxygen. No other vital named between the saturation and the number.
    mutating func matchSaturationNow(at i: Int) -> Int? {
        guard let n = numbers.parse(at: i), n.isInteger, (70...100).contains(n.value), i >= 2 else { return nil }
        var p = i - 1
        if keys[p] == "to", key(p - 1) == "up" { p -= 2 }
        guard key(p) == "now", p >= 1, ["he's", "she's", "they're"].contains(tokens[p - 1].text) else { return nil }
        var j = n.end
        if isPunct(j, "%") || key(j) == "percent" { j += 1 }
        guard j >= tokens.count || isSentenceEnd(j) || isPunct(j, ",") || key(j) == "and" else { return nil }
        var first = p - 1
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        // The saturation's name, the last vital named in the sentence before it.
        guard let named = (first..<p - 1).last(where: { longest(Lexicon.vitals, at: $0) != nil }),
              longest(Lexicon.vitals, at: named)?.value == .spo2 else { return nil }
        // The oxygen put on after the reading: a context after "put", "got", "placed", "started" (him, her) — not
        // the reading's own ("Sats 86 on 2 litres at home, we increased to 4 litres and she's now 92" names no
        // context it can read, so nothing is read).
        var context: (value: String, first: Int, end: Int)?
        var q = named + 1
        while q < p - 1 {
            if let c = oxygenContext(at: q), c.value != "room air",
               (max(named, q - 3)..<q).contains(where: { ["put", "got", "placed", "started", "popped", "stuck"].contains(keys[$0]) }) {
                context = c
                q = c.end
            } else {
                q += 1
            }
        }
        guard let context, let v = plausibleInt(n, key: "spo2", from: i) else { return nil }
        // Changed after it ("so we increased it to 4 litres and he's now 92", "took it off after ten minutes"): the
        // oxygen now is not the one read.
        let changed: Set<String> = ["increased", "decreased", "reduced", "took", "off", "weaned", "turned", "titrated",
                                    "changed", "upped", "lowered", "stopped", "removed"]
        // (The change must be of the oxygen: "increased it", "took it off", "turned the oxygen down" — not "she stopped
        // coughing", "lowered the stretcher".)
        guard !(context.end..<p).contains(where: { k in
            changed.contains(keys[k]) && (k + 1..<min(p, k + 4)).contains { q in
                ["it", "oxygen", "o2", "flow", "to", "off", "down", "up", "litres", "liters"].contains(keys[q])
            }
        }) else { return nil }
        storeSaturation(v, span: scalarSpan(i, j), on: context)
        return j
    }

    /// A saturation read without its name, with the oxygen it was on (`matchBareSaturation`, `matchSaturationNow`).
    private mutating func storeSaturation(_ v: Int, span: Range<Int>, on context: (value: String, first: Int, end: Int)) {
        let index = setIndex(for: "spo2") { $0.spo2 == v && $0.spo2On == context.value }
        store("spo2", in: index, span: span, approximate: false) { $0.spo2 = v }
        store("spo2_on", in: index, span: scalarSpan(context.first, context.end), approximate: false) {
            $0.spo2On = context.value
        }
    }

    private mutating func simple(_ i: Int, _ end: Int, _ kind: Lexicon.VitalKind, key: String,
                                 _ path: WritableKeyPath<Vitals, Int?>, trailing: [[String]]) -> Int? {
        guard let (n, approx) = reading(after: end, kind: kind) else { return nil }
        if kind == .pain, n.form == .clock || n.form == .hundreds { return nil }
        var j = n.end
        if let t = longest(trailing, at: j) { j = t }
        guard var v = plausibleInt(n, key: key, from: i) else { return j }
        var (readingEnd, approximate) = (n.end, approx)
        if approx, let m = monitorReading(after: j, estimate: v, key: key) {
            (v, readingEnd, approximate) = (m.value, m.number.end, false)
            j = longest(trailing, at: m.end) ?? m.end
        }
        let index = setIndex(for: key) { $0[keyPath: path] == v }
        store(key, in: index, span: scalarSpan(i, readingEnd), approximate: approximate) { $0[keyPath: path] = v }
        // "Pain eight out of ten, down to three after the fentanyl", "HR 40, up to 60 after the atropine": the
        // same vital again, later, without its name. It is a new set, so the later value is the latest.
        for n in 0..<3 {
            guard let (start, next) = changedReading(after: j, kind: kind, chained: n > 0), let v2 = next.intValue,
                  kind != .pain || (next.form != .clock && next.form != .hundreds),
                  let range = Self.plausible[key], range.contains(Double(v2)) else { break }
            let from = sets.count - 1
            let index = setIndex(for: key) { $0[keyPath: path] == v2 }
            // A change within a set taken earlier ("On arrival HR 130, came down to 110 after fluids") is earlier too.
            if earlierSets.contains(from) { earlierSets.insert(index) }
            store(key, in: index, span: scalarSpan(start, next.end), approximate: false) { $0[keyPath: path] = v2 }
            j = longest(trailing, at: next.end) ?? next.end
        }
        return j
    }

    /// "Pulse about a hundred, a hundred and four on the monitor": an estimate, then straight after it the monitor's
    /// reading of the same vital, which replaces it. Only a reading said with the device it was read on ("on the
    /// monitor", "on the machine"), within 15 % of the estimate, and ending its sentence or followed by the next
    /// vital ("pulse about a hundred, ninety-six on the sats probe" says no device of the list; "pulse about a
    /// hundred, resps twenty" has no number after the comma).
    private func monitorReading(after j: Int, estimate v: Int, key: String) -> (value: Int, number: SpokenNumber, end: Int)? {
        guard isPunct(j, ","), let n = numbers.parse(at: j + 1), n.isInteger, let v2 = n.intValue, v2 != v,
              abs(v2 - v) * 100 <= 15 * v, let range = Self.plausible[key], range.contains(Double(v2)),
              let device = longest(Lexicon.monitorPhrases, at: n.end) else { return nil }
        // Nothing may follow it but the end of the sentence or, after a comma, the next vital's name: "98 on the
        // monitor on air", ", that's her sats", "when we arrived", "earlier, now 80" make it another reading.
        guard device == tokens.count || isSentenceEnd(device) || (isPunct(device, ",") && startsVital(device + 1)) else {
            return nil
        }
        return (v2, n, device)
    }

    /// A second reading of the vital whose reading ends at `j`, taken later, without the vital's name: ", came down to
    /// three", "dropped to 80", "down to 4 after the morphine", "up to 60 following the atropine". Returns where the
    /// change words start and the number, which passed `reading(after:kind:)`'s checks (no unit, duration,
    /// percentage, range or rejection after it).
    /// - The change must be said as past ("came down to", "dropped to", "improved to") or be followed by "after",
    ///   "following", "post", "now": "pain 6, up to 9 on movement", "HR 120, up to 150 at times", "dropping to 30
    ///   intermittently" are a peak or a condition, not a later reading.
    /// - Nothing that makes the number another vital's may follow it: "Pulse 110, down to 80 over 50" (a pressure),
    ///   "dropping to 85 on room air" (a saturation), "up to 90 systolic", "down to 100 mmHg".
    /// - Not after "then" or "now" alone ("pain 8, then 5 mg of morphine"), except in a chain after a first change,
    ///   where the number must end its reading ("Pain 8, came down to 3, then 2"; not "then 2 more puffs").
    func changedReading(after j: Int, kind: Lexicon.VitalKind, chained: Bool = false) -> (start: Int, number: SpokenNumber)? {
        var c = j
        // In a chain, past what made the last value later: "down to three after the fentanyl, then back up to six".
        if chained, ["after", "following", "post"].contains(key(c) ?? "") {
            var d = c + 1
            if ["the", "his", "her", "their"].contains(key(d) ?? "") { d += 1 }
            if let drug = longest(Lexicon.drugs, at: d) { c = drug.end }
        }
        if isPunct(c, ",") { c += 1 }
        // "then" in a chain says the value is later: "came down to 3, then 2", "…, then back up to six".
        var then = false
        if chained, ["then", "but", "and"].contains(key(c) ?? "") {
            then = key(c) == "then" || key(c + 1) == "then"
            if key(c) == "then", let n = numbers.parse(at: c + 1), !startsVital(c + 1) {
                // The number must end its reading: "then 2." or "then 2 after the morphine"; not "then 2 more puffs",
                // "then 4 on movement", "then 5 when we moved him".
                guard let r = reading(after: c + 1, kind: kind), r.number.first == n.first else { return nil }
                var e = r.number.end
                if let t = longest(Lexicon.vitalTrailers, at: e) { e = t }
                guard e >= tokens.count || !tokens[e].isWord
                        || ["after", "following", "post", "now", "since", "again", "and"].contains(keys[e]) else { return nil }
                return (c, r.number)
            }
            c += 1
            if key(c) == "then" { c += 1 }
        }
        // "…, but went back up to 180", "then came back down to 90".
        if chained, ["went", "came", "is", "was", "has", "gone", "come"].contains(key(c) ?? ""), key(c + 1) == "back" || longest(Lexicon.continuations, at: c + 1) != nil {
            then = then || ["went", "came", "gone", "come"].contains(keys[c])
            c += 1
        }
        if chained, key(c) == "back" {
            then = true
            c += 1
        }
        guard let cEnd = longest(Lexicon.continuations, at: c), cEnd > c + 1 || !["then", "now"].contains(keys[c]),
              let (next, _) = reading(after: c, kind: kind) else { return nil }
        let past: Set<String> = ["came", "dropped", "fell", "rose", "improved", "settled", "decreased", "increased",
                                 "climbed", "went", "reduced", "recovered"]
        var a = next.end
        if let t = longest(Lexicon.vitalTrailers, at: a) { a = t }
        // A pressure's diastolic is part of its reading.
        if kind == .bp, isPunct(a, "/") || key(a) == "over", let d = numbers.parse(at: a + 1) { a = d.end }
        let after = key(a) ?? ""
        if ["over", "/", "systolic", "diastolic", "mmhg", "mm", "on", "in", "with", "when", "whilst", "while", "during",
            "at", "before", "intermittently", "earlier", "if", "percent", "%", "bpm", "for", "briefly", "hopefully",
            "momentarily", "transiently"].contains(after), kind != .hr || after != "bpm" {
            return nil
        }
        let later = ["after", "following", "post", "now", "since", "again", "afterwards", "once"].contains(after)
        guard later || then || (c..<cEnd).contains(where: { past.contains(keys[$0]) }) else { return nil }
        return (c, next)
    }

    // MARK: Blood pressure

    private func palpation(at j: Int) -> Int? {
        longest([["by", "palp"], ["by", "palpation"], ["palp"], ["palpated"], ["palpation"], ["by", "palpitation"]], at: j)
    }

    private mutating func bloodPressure(_ i: Int, _ end: Int, systolicOnly: Bool) -> Int? {
        guard let (sys, approx) = reading(after: end, kind: .bp) else { return nil }
        var j = sys.end
        var dia: SpokenNumber?
        let separated = isPunct(j, "/") || key(j) == "over" || key(j) == "on" || (key(j) == "by" && palpation(at: j) == nil)
        if !systolicOnly, separated, let d = numbers.parse(at: j + 1) {
            dia = d
            j = d.end
        }
        if dia == nil, sys.form == .digits, tokens[sys.first].text.count >= 4, !tokens[sys.first].text.contains(".") {
            // Split only a clean token: digits with letters written onto them were misheard as a whole.
            guard !numbers.isGluedToLetters(sys.first) else {
                flags.append(Flag(code: "bp_ambiguous", rule: "run-together digits with letters attached",
                                  level: .info, message: "Blood pressure digits run together; no single reading, left out.",
                                  path: "vitals.bp_systolic", text: text(i, sys.end + 1)))
                return sys.end + 1
            }
            return runTogether(i, sys)
        }
        var palpated = false
        if let p = palpation(at: j) {
            palpated = true
            j = p
        }
        if dia == nil, !palpated, !systolicOnly {
            // A pressure is two numbers; one number after "BP" is most often a reading cut short or misheard.
            flags.append(Flag(code: "bp_incomplete", rule: "bp needs systolic and diastolic, or by palpation",
                              level: .info, message: "Blood pressure with one number and no \"by palp\"; left out.",
                              path: "vitals.bp_systolic", text: text(i, j)))
            return j
        }
        guard let s = plausibleInt(sys, key: "bp_systolic", from: i) else { return j }
        var d: Int?
        if let dn = dia {
            guard let dv = plausibleInt(dn, key: "bp_diastolic", from: i) else { return j }
            guard dv < s else {
                flags.append(Flag(code: "implausible_value", rule: "bp_diastolic < bp_systolic", level: .info,
                                  message: "Diastolic not below systolic; blood pressure left out.",
                                  path: "vitals.bp_systolic", text: text(i, j)))
                return j
            }
            d = dv
        }
        putBloodPressure(s, d, palpated: palpated, span: scalarSpan(i, max(sys.end, dia?.end ?? sys.end)),
                         approximate: approx)
        // "BP ninety-four over sixty, we repeated it straight away, ninety over fifty-eight": the same pressure taken
        // again at once. The repeat replaces it in the same set (the words "repeated it" open no set of their own).
        if d != nil, let r = pressureRepeatedAtOnce(after: j), abs(r.systolic - s) <= 30 {
            let index = sets.count - 1
            store("bp_systolic", in: index, span: scalarSpan(r.start, r.end), approximate: false) { $0.bpSystolic = r.systolic }
            store("bp_diastolic", in: index, span: scalarSpan(r.start, r.end), approximate: false) { $0.bpDiastolic = r.diastolic }
            sets[index].bpPalpated = false
            return r.end
        }
        // "BP 80 over 50, up to 100 over 60 after the fluids": a later pressure without its name, a new set. Both
        // numbers must be said, and plausible.
        if d != nil, let (start, s2) = changedReading(after: j, kind: .bp), let sv = s2.intValue,
           isPunct(s2.end, "/") || key(s2.end) == "over", let d2 = numbers.parse(at: s2.end + 1), let dv = d2.intValue,
           !(d2.end < tokens.count && tokens[d2.end].isNumber),
           Self.plausible["bp_systolic"]!.contains(Double(sv)), Self.plausible["bp_diastolic"]!.contains(Double(dv)),
           dv < sv {
            let from = sets.count - 1
            putBloodPressure(sv, dv, palpated: false, span: scalarSpan(start, d2.end), approximate: false)
            if earlierSets.contains(from) { earlierSets.insert(sets.count - 1) }
            return d2.end
        }
        return j
    }

    /// After a pressure ending at `j`: ", we repeated it straight away, 90 over 58", ", rechecked it manually: 90/58".
    /// "It" or "that" must name the pressure just said; only words of how it was repeated may follow, then both
    /// numbers, plausible, ending the reading, with no time after them. Nil otherwise ("BP 94/60, repeat obs at 15:40:
    /// BP 96/62" is a new set). The caller keeps the first pressure when the systolic moved more than 30 ("repeated it
    /// on the right, 140/80" after 94/60 is no same reading).
    private func pressureRepeatedAtOnce(after j: Int) -> (start: Int, systolic: Int, diastolic: Int, end: Int)? {
        var c = j
        if isPunct(c, ",") || isPunct(c, "-") || isPunct(c, ";") { c += 1 }
        if ["we", "i"].contains(key(c) ?? "") { c += 1 }
        guard ["repeated", "rechecked", "retook", "redid"].contains(key(c) ?? ""), ["it", "that"].contains(key(c + 1) ?? "") else {
            return nil
        }
        c += 2
        // (Not on another arm or in another position: "repeated it on the other arm, 120/80" is a reading of its own.)
        let how: Set<String> = ["straight", "away", "immediately", "manually", "again", "with", "a", "manual", "cuff",
                                "and", "got", "it", "was", "it's"]
        var words = 0
        while c < tokens.count, words < 7, how.contains(keys[c]) {
            c += 1
            words += 1
        }
        if isPunct(c, ",") || isPunct(c, ":") { c += 1 }
        guard let sys = numbers.parse(at: c), let sv = sys.intValue, isPunct(sys.end, "/") || key(sys.end) == "over",
              let dia = numbers.parse(at: sys.end + 1), let dv = dia.intValue,
              dia.end >= tokens.count || tokens[dia.end].isSentenceEnd || isPunct(dia.end, ",") || isPunct(dia.end, ";"),
              // ("retook it, 90 over 58, 14:20": a later reading.)
              !(isPunct(dia.end, ",") && clock(at: dia.end + 1) != nil),
              Self.plausible["bp_systolic"]!.contains(Double(sv)), Self.plausible["bp_diastolic"]!.contains(Double(dv)),
              dv < sv else { return nil }
        return (c, sv, dv, dia.end)
    }

    private mutating func putBloodPressure(_ s: Int, _ d: Int?, palpated: Bool, span: Range<Int>, approximate: Bool) {
        let index = setIndex(for: "bp_systolic") { $0.bpSystolic == s && $0.bpDiastolic == d }
        store("bp_systolic", in: index, span: span, approximate: approximate) { $0.bpSystolic = s }
        if d != nil {
            store("bp_diastolic", in: index, span: span, approximate: approximate) { $0.bpDiastolic = d }
        } else {
            sets[index].values.bpDiastolic = nil
            setSpans[index]["bp_diastolic"] = nil
        }
        sets[index].bpPalpated = palpated
    }

    /// Whisper sometimes writes "160894" for a pressure. Accept it only when exactly one split into systolic and
    /// diastolic is plausible; otherwise flag it and leave the pressure out.
    /// Digits straight after the run-together number ("BP 11270 4th's" for 112 over 74) mean the engine garbled
    /// the pressure further: no split is read.
    private mutating func runTogether(_ i: Int, _ n: SpokenNumber) -> Int {
        let digits = Array(tokens[n.first].text)
        var candidates: [(Int, Int)] = []
        let garbled = n.end < tokens.count && tokens[n.end].isNumber
        for cut in 2...(digits.count - 2) where !garbled {
            let a = String(digits[..<cut]), b = String(digits[cut...])
            guard a.count <= 3, b.count <= 3, b.first != "0", a.first != "0",
                  let s = Int(a), let d = Int(b) else { continue }
            guard Self.plausible["bp_systolic"]!.contains(Double(s)), Self.plausible["bp_diastolic"]!.contains(Double(d)),
                  s > d, (10...150).contains(s - d) else { continue }
            candidates.append((s, d))
        }
        if candidates.count == 1 {
            putBloodPressure(candidates[0].0, candidates[0].1, palpated: false, span: scalarSpan(i, n.end),
                             approximate: false)
        } else {
            flags.append(Flag(code: "bp_ambiguous", rule: "run-together digits split \(candidates.count) ways",
                              level: .info, message: "Blood pressure digits run together; no single reading, left out.",
                              path: "vitals.bp_systolic", text: text(i, n.end)))
        }
        return n.end
    }

    // MARK: SpO2

    private mutating func oxygenSaturation(_ i: Int, _ end: Int) -> Int? {
        guard let (first, approx) = reading(after: end, kind: .spo2) else { return nil }
        var n = first
        // Whisper glues SpO2's "2" to the reading ("SpO297%", "SpO 294%": CLINICAL.md). Right after the bare
        // keyword "spo", digits 250–299 (or 2100) can only be "2" + a saturation; any other number is left as is.
        if end == i + 1, key(i) == "spo", n.form == .digits, n.first == end, let v = n.intValue,
           (250...299).contains(v) || v == 2100 {
            n.value = Double(v == 2100 ? 100 : v - 200)
            flags.append(Flag(code: "spo2_digit_joined", rule: "spo + 2NN read as SpO2 NN",
                              level: .info, message: "SpO2's \"2\" was joined to the reading by the speech engine.",
                              path: "vitals.spo2", text: text(i, n.end)))
        }
        var start = i
        var approximate = approx
        var j = n.end
        // The set the reading before went into, when the next one corrects it ("ninety-one on the probe, ninety-three
        // on room air after we repositioned it").
        var correcting: Int?
        var stored: Int?
        for _ in 0..<3 {
            j = n.end
            if isPunct(j, "%") || key(j) == "percent" {
                j += 1
            } else if key(j) == "per", key(j + 1) == "cent" {
                j += 2
            }
            let valueEnd = j
            let context = oxygenContext(at: j)
            if let context { j = context.end }
            if let v = plausibleInt(n, key: "spo2", from: start) {
                let index = correcting ?? setIndex(for: "spo2") { $0.spo2 == v && $0.spo2On == context?.value }
                stored = index
                store("spo2", in: index, span: scalarSpan(start, valueEnd), approximate: approximate) { $0.spo2 = v }
                if let context {
                    store("spo2_on", in: index, span: scalarSpan(context.first, context.end), approximate: false) {
                        $0.spo2On = context.value
                    }
                } else {
                    sets[index].values.spo2On = nil
                    setSpans[index]["spo2_on"] = nil
                }
            }
            // "sats 88, up to 95 on fifteen litres": a second reading without the name again.
            var c = j
            if isPunct(c, ",") { c += 1 }
            // "Sats 91 on air, 96 on 2 litres", "Sats ninety-one on the probe, ninety-three on room air after we
            // repositioned it": after a comma, a saturation with an oxygen context of its own is a second reading.
            if let (next, overSite) = contrastedSaturation(after: j) {
                start = next.first
                n = next
                approximate = false
                correcting = overSite ? stored : nil
                continue
            }
            guard let cEnd = longest(Lexicon.continuations, at: c), let next = numbers.parse(at: cEnd),
                  !startsVital(cEnd) else { break }
            // "…, down to 60% venturi", "down to fifty litres", "up to sixty percent oxygen": a device's setting, not
            // a saturation. A flow or venturi always; a mask, NRB or oxygen when the number is below 85 ("up to 94
            // NRB" is a reading on it).
            var after = next.end
            if isPunct(after, "%") || key(after) == "percent" { after += 1 }
            // Past "on", "via", "the", "face", "high", "humidified" ("then 60 percent via venturi").
            var looked = 0
            while let w = key(after), looked < 3,
                  ["on", "via", "with", "the", "a", "face", "high", "humidified", "through", "by"].contains(w) {
                after += 1
                looked += 1
            }
            if let w = key(after) {
                if ["venturi", "fio2", "litres", "liters", "litre", "liter", "l", "lpm", "flow"].contains(w) { break }
                if ["mask", "nrb", "non", "oxygen", "o2"].contains(w), next.value < 85 { break }
            }
            start = c
            n = next
            approximate = false
        }
        return j
    }

    /// "T 102.6 °F", "T 38.9 °C": a US record's capital T for temperature, only with a number and its scale straight
    /// after it (HeldOut18).
    private func shorthandTemperature(at i: Int) -> (Int, Lexicon.VitalKind)? {
        guard tokens[i].raw == "T", let n = numbers.parse(at: i + 1), n.first == i + 1, n.form == .digits else { return nil }
        // Without its unit, only a Celsius reading with its decimal in a typed set, after another reading of the
        // sentence: "11:09: HR 176, RR 48, SpO2 97% RA, T 38.6, BGL 3.6" (HeldOut22).
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        // Review 91: only a reading of now that ends there (a comma, a full stop, or the site in brackets), in a
        // sentence of the crew's own ("T 37.5 yesterday per GP letter", "T 38.6 ng/L", "T 34.2 (room)", "Mother
        // reports at home: HR 150, T 38.9", "…, T 38.6, BGL 3.6 were GP obs at 08:00" are not).
        var last = i
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        let sites: Set<String> = ["tympanic", "oral", "axillary", "aural", "rectal", "temporal", "ear", "core"]
        let ends = n.end >= tokens.count || (isSentenceEnd(n.end) && !isPunct(n.end, "?")) || isPunct(n.end, ",") || isPunct(n.end, ";")
            || (isPunct(n.end, "(") && sites.contains(key(n.end + 1) ?? "") && isPunct(n.end + 2, ")"))
        let notNow: Set<String> = ["yesterday", "ago", "per", "reports", "reported", "says", "said", "home", "were",
                                   "gp", "earlier", "previous", "previously", "prior", "before", "ed", "hospital",
                                   "room", "ambient", "outside", "target", "max", "maximum", "?"]
        let inASet = tokens[i + 1].text.contains(".") && (34.0...42.9).contains(n.value) && isPunct(i - 1, ",") && ends
            && (first..<i).contains { startsVitalReading($0) } && !(first..<last).contains { notNow.contains(keys[$0]) }
        guard inASet || longest(Lexicon.fahrenheit, at: n.end) != nil || longest(Lexicon.celsius, at: n.end) != nil else {
            return nil
        }
        // Not the air's, a target's, a lab's, someone else's or an earlier one (review 72): "Outside T 40 C", "Cooled
        // to T 33 C", "Trop T 38 C", "Max T 39.5 C yesterday", "Mum says T 103 F", "Nurse's T 39 C".
        let before: Set<String> = ["outside", "ambient", "room", "water", "air", "target", "to", "trop", "troponin", "max",
                                   "maximum", "says", "said", "yesterday", "home"]
        if (max(0, i - 3)..<i).contains(where: { before.contains(keys[$0]) || tokens[$0].text.hasSuffix("'s") }) { return nil }
        return (i + 1, .temp)
    }

    /// The second of two saturations said side by side, each with its own oxygen: "sats 91 on air, 96 on 2 litres";
    /// the first may have a probe's site instead ("ninety-one on the probe, ninety-three on room air"). `j` is where
    /// the first reading (and its context) ends. The number is a whole saturation (80–100), straight after the
    /// comma, with "%" or not, and an oxygen context straight after it that ends its clause.
    /// `overSite` is true when the first had a site instead: the second corrects it, in the same set.
    private func contrastedSaturation(after j0: Int) -> (SpokenNumber, overSite: Bool)? {
        var j = j0
        // ("on the probe", "on his finger": where the probe was, not what he breathed.)
        if key(j) == "on", let w = key(j + 2), ["the", "his", "her", "their", "a"].contains(key(j + 1) ?? ""),
           ["probe", "finger", "ear", "earlobe", "toe"].contains(w) {
            j += 3
        }
        guard isPunct(j, ","), let next = numbers.parse(at: j + 1), [.digits, .cardinal].contains(next.form),
              let v = next.intValue, (80...100).contains(v) else { return nil }
        var after = next.end
        if isPunct(after, "%") || key(after) == "percent" { after += 1 }
        guard let context = oxygenContext(at: after) else { return nil }
        // Its clause ends with the context (or goes on "after …", "when …"): not a target, a usual value, someone
        // else's or an earlier one ("…, 80 on oxygen is her target", "…, 88 on air before", "…, 85 on room air at the
        // GP surgery yesterday", "…, 60% on venturi": review 67).
        let e = context.end
        guard e >= tokens.count || isSentenceEnd(e) || isPunct(e, ",") || startsVital(e)
                || ["after", "when", "following", "once"].contains(keys[e]) else { return nil }
        // After a probe's site, only a correction on air: "…, ninety-three on room air after we repositioned it" (not
        // "sats 91 on her finger, 95 on 2 litres", a reading on oxygen; review 68).
        if j != j0 {
            var c = e
            var corrected = false
            while c < tokens.count, !isSentenceEnd(c), !isPunct(c, ",") {
                if ["repositioned", "reposition", "repositioning", "moved", "warmed", "warmer", "warming", "varnish",
                    "trace", "waveform", "resited", "re-sited"].contains(keys[c]) { corrected = true }
                c += 1
            }
            guard context.value == "room air", corrected else { return nil }
        }
        return (next, j != j0)
    }

    /// "on room air", "on fifteen litres non-rebreather", "on 2 L via nasal cannula", "on oxygen".
    func oxygenContext(at j0: Int) -> (value: String, first: Int, end: Int)? {
        var j = j0
        if isPunct(j, ","), ["on", "with", "via"].contains(key(j + 1) ?? "") { j += 1 }
        // "99% RA": room air written straight after the reading.
        if let e = longest([["ra"], ["room", "air"]], at: j) { return ("room air", j, e) }
        // "sats ninety-nine percent in air" (UK), ending its clause (not "in air entry", "in air ambulance").
        if key(j) == "in", let e = longest(Lexicon.roomAir, at: j + 1), e >= tokens.count || !tokens[e].isWord || startsVital(e) {
            return ("room air", j, e)
        }
        guard let k0 = key(j), ["on", "with", "via", "breathing", "receiving"].contains(k0) else { return nil }
        let first = j
        var k = j + 1
        // After "with", only at the clause's end or before another vital ("with air entry reduced", "with air hunger").
        if let e = longest(Lexicon.roomAir, at: k), key(e) != "entry",
           k0 != "with" || e >= tokens.count || !tokens[e].isWord || startsVital(e) {
            return ("room air", first, e)
        }
        if let n = numbers.parse(at: k), n.value > 0, n.value <= 60, let unit = key(n.end), Lexicon.litres.contains(unit) {
            k = n.end + 1
            if let e = longest([["per", "minute"], ["a", "minute"], ["per", "min"], ["/", "min"], ["a", "min"]], at: k) {
                k = e
            }
            if let e = longest([["of", "oxygen"], ["oxygen"], ["o", "2"], ["of", "o", "2"]], at: k) { k = e }
            var device: String?
            var d = k
            if let w = key(d), ["via", "by", "through", "on", "with", "using", "a"].contains(w) { d += 1 }
            if let dv = longest(Lexicon.devices, at: d) {
                device = dv.value
                k = dv.end
                if device == "high-flow", let e = longest(Lexicon.oxygenWords, at: k) { k = e }
            }
            let amount = n.isInteger ? String(Int(n.value)) : String(n.value)
            return ("\(amount) L/min" + (device.map { " " + $0 } ?? ""), first, k)
        }
        if let dv = longest(Lexicon.devices, at: k) {
            if dv.value == "high-flow", let e = longest(Lexicon.oxygenWords, at: dv.end) {
                return ("high-flow oxygen", first, e)
            }
            return (dv.value, first, dv.end)
        }
        if let e = longest(Lexicon.oxygenWords, at: k) { return ("oxygen", first, e) }
        return nil
    }

    // MARK: Temperature

    private mutating func temperature(_ i: Int, _ end: Int) -> Int? {
        guard let (n, approx) = reading(after: end, kind: .temp) else { return nil }
        var j = n.end
        var unit: String?
        if let e = longest(Lexicon.fahrenheit, at: j) {
            unit = "F"
            j = e
        } else if let e = longest(Lexicon.celsius, at: j) {
            unit = "C"
            j = e
        } else if key(j) == "degrees" {
            j += 1
        }
        let v = n.value
        var celsius: Double?
        switch unit {
        case "F": celsius = (v - 32) * 5 / 9
        case "C": celsius = v
        default: celsius = Self.fahrenheitRange.contains(v) ? (v - 32) * 5 / 9 : v
        }
        guard let c = celsius, Self.plausible["temp"]!.contains(Self.round1(c)) else {
            flagImplausible("vitals.temp", i, j, rule: "plausible range temp 28...44 °C (°F converted)")
            return j
        }
        let t = Self.round1(c)
        let index = setIndex(for: "temp") { $0.temp == t }
        store("temp", in: index, span: scalarSpan(i, j), approximate: approx) { $0.temp = t }
        return j
    }

    // MARK: GCS

    private mutating func glasgow(_ i: Int, _ end: Int) -> Int? {
        guard let (n, approx) = reading(after: end, kind: .gcs) else {
            // "GCS E3 V3 M5" without a total
            return gcsComponentsStandalone(end)
        }
        var j = n.end
        if let e = longest([["out", "of"], ["/"], ["over"]], at: j), let f = numbers.parse(at: e), f.value == 15 {
            j = f.end
        }
        guard let v = plausibleInt(n, key: "gcs", from: i) else { return j }
        let index = setIndex(for: "gcs") { $0.gcs == v }
        store("gcs", in: index, span: scalarSpan(i, j), approximate: approx) { $0.gcs = v }
        let comps = gcsComponents(at: j)
        for c in comps.items {
            store(c.key, in: index, span: c.span, approximate: false) { $0[keyPath: c.path] = c.value }
        }
        return max(j, comps.end)
    }

    struct GCSComponent {
        var key: String
        var path: WritableKeyPath<Vitals, Int?>
        var value: Int
        var span: Range<Int>
    }

    /// "E3 V3 M5", "eyes three, verbal four, motor six", "e three v three m five".
    func gcsComponents(at j0: Int) -> (items: [GCSComponent], end: Int) {
        var items: [GCSComponent] = []
        var j = j0
        var end = j0
        var seen = Set<String>()
        while j < tokens.count, items.count < 3 {
            if isPunct(j, ",") || key(j) == "and" || isPunct(j, "-") || key(j) == "so" {
                j += 1
                continue
            }
            let which: (String, WritableKeyPath<Vitals, Int?>, Bool)?
            switch key(j) {
            case "e": which = ("gcs_eye", \.gcsEye, true)
            case "eyes", "eye": which = ("gcs_eye", \.gcsEye, false)
            case "v": which = ("gcs_verbal", \.gcsVerbal, true)
            case "verbal": which = ("gcs_verbal", \.gcsVerbal, false)
            case "m": which = ("gcs_motor", \.gcsMotor, true)
            case "motor": which = ("gcs_motor", \.gcsMotor, false)
            default: which = nil
            }
            guard let (k, path, letter) = which, !seen.contains(k) else { break }
            var at = j + 1
            if !letter, key(at) == "is" || key(at) == "of" || isPunct(at, ":") { at += 1 }
            guard let n = numbers.parse(at: at), n.form == .digits || n.form == .cardinal,
                  let v = n.intValue else { break }
            guard Self.plausible[k]!.contains(Double(v)) else { break }
            items.append(GCSComponent(key: k, path: path, value: v, span: scalarSpan(j, n.end)))
            seen.insert(k)
            j = n.end
            end = j
        }
        return (items, end)
    }

    /// Components said on their own; the letter form needs all three (a lone "e 3" is too weak to read).
    mutating func gcsComponentsStandalone(_ i: Int) -> Int? {
        let comps = gcsComponents(at: i)
        guard !comps.items.isEmpty else { return nil }
        if comps.items.count < 3, key(i).map({ $0.count == 1 }) ?? false { return nil }
        let first = comps.items[0]
        let index = setIndex(for: first.key) { $0[keyPath: first.path] == first.value }
        for c in comps.items {
            store(c.key, in: index, span: c.span, approximate: false) { $0[keyPath: c.path] = c.value }
        }
        return comps.end
    }

    mutating func matchGCSLetters(at i: Int) -> Int? {
        guard key(i) == "e" else { return nil }
        return gcsComponentsStandalone(i)
    }

    // MARK: Glucose

    private mutating func glucose(_ i: Int, _ end: Int, meter: Bool) -> Int? {
        // "glucometer reads HI" / "BM reading LO"
        var j = end
        var readWord = meter
        while let k = key(j), ["reads", "reading", "read", "is", "was", "of", ":"].contains(k) || isPunct(j, ":") {
            if k.hasPrefix("read") { readWord = true }
            j += 1
        }
        if readWord, let k = key(j) {
            if k == "hi" || k == "high" {
                flags.append(Flag(code: "glucose_meter_high", rule: "glucometer reads HI", level: .warning,
                                  message: "Glucometer above its range (HI): severe hyperglycaemia; no number recorded.",
                                  path: "vitals.glucose_mmol_l", text: text(i, j + 1)))
                return j + 1
            }
            if k == "lo" || k == "low" {
                flags.append(Flag(code: "glucose_meter_low", rule: "glucometer reads LO", level: .critical,
                                  message: "Glucometer below its range (LO): severe hypoglycaemia; no number recorded.",
                                  path: "vitals.glucose_mmol_l", text: text(i, j + 1)))
                return j + 1
            }
        }
        guard let (n, approx) = reading(after: end, kind: .glucose) else { return nil }
        // "BM six-two": two digits one by one are 6.2 mmol/L as often as 62 mg/dL, so neither is read.
        // ("BM four-oh", "seven-nought" too; and three digits, "BM one-two-four" being 12.4 as often as 124.)
        // ("Sugar one-oh-eight", a zero in the middle, is the usual way to say 108.)
        let digitSpan = n.first..<n.end
        if digitSpan.count >= 3, isPunct(n.first + 1, "-"), NumberParser.units[keys[n.first]] != nil,
           digitSpan.allSatisfy({ k in isPunct(k, "-") || NumberParser.units[keys[k]] != nil || NumberParser.zeros.contains(keys[k]) }),
           !(digitSpan.count == 5 && NumberParser.zeros.contains(keys[n.first + 2])) {
            return n.end
        }
        j = n.end
        var unit: String?
        if let e = longest(Lexicon.mmolUnits, at: j) {
            unit = "mmol"
            j = e
        } else if let e = longest(Lexicon.mgdlUnits, at: j) {
            unit = "mg"
            j = e
        }
        let v = n.value
        if unit == nil {
            if v < 20 {
                unit = "mmol"
            } else if v > 35 {
                unit = "mg"
            } else {
                flags.append(Flag(code: "glucose_ambiguous_unit", rule: "glucose 20...35 without a unit", level: .warning,
                                  message: "Glucose said without a unit and between 20 and 35: mmol/L (severe hyperglycaemia) or mg/dL (severe hypoglycaemia); left out, confirm.",
                                  path: "vitals.glucose_mmol_l", text: text(i, j)))
                return j
            }
        }
        let mmol: Double
        let mg: Int
        if unit == "mmol" {
            mmol = Self.round1(v)
            mg = Int((v * 18).rounded())
        } else {
            mg = Int(v.rounded())
            mmol = Self.round1(v / 18)
        }
        guard Self.plausible["glucose_mmol_l"]!.contains(mmol), Self.plausible["glucose_mg_dl"]!.contains(Double(mg)),
              unit == "mmol" || n.isInteger else {
            flagImplausible("vitals.glucose_mmol_l", i, j, rule: Self.rangeRule("glucose_mmol_l"))
            return j
        }
        let index = setIndex(for: "glucose_mmol_l") { $0.glucoseMmolL == mmol }
        let span = scalarSpan(i, j)
        store("glucose_mmol_l", in: index, span: span, approximate: approx) { $0.glucoseMmolL = mmol }
        store("glucose_mg_dl", in: index, span: span, approximate: approx) { $0.glucoseMgDl = mg }
        return j
    }

    // MARK: AVPU

    mutating func matchAVPU(at i: Int) -> Int? {
        var value: String?
        var end = i
        if let letter = key(i), letter.count == 1, let v = Lexicon.avpuLetters[letter], key(i + 1) == "on",
           key(i + 2) == "avpu" || key(i + 2) == "acvpu" {
            // "P on AVPU", "he's A on AVPU", "C on ACVPU": the letter said before the scale; not "not P on AVPU".
            if let prev = key(i - 1), ["not", "no", "isn't", "wasn't", "never", "non", "longer"].contains(prev) {
                return i + 3
            }
            value = v
            end = i + 3
        } else if key(i) == "avpu" || key(i) == "acvpu" {
            var j = i + 1
            while isPunct(j, ":") || isPunct(j, "-") || key(j) == "is" || key(j) == "of" { j += 1 }
            guard let k = key(j), let v = Lexicon.avpuLetters[k] else { return nil }
            value = v
            end = j + 1
        } else if let m = longest(Lexicon.avpuPhrases, at: i) {
            // "Stroke alert", "medic alert bracelet", "an alert card": no level of consciousness.
            if m.value == "A", m.end == i + 1,
               Lexicon.alertNotAVPUBefore.contains(key(i - 1) ?? "") || Lexicon.alertNotAVPUAfter.contains(key(i + 1) ?? "") {
                return m.end
            }
            // "34-year-old found unresponsive in the bathroom": how a bystander found him, not the crew's AVPU ("we
            // found him unresponsive", "on arrival found him responding to pain" are the crew's).
            if let f = (max(0, i - 4)..<i).last(where: { keys[$0] == "found" }),
               !(max(0, f - 5)..<f).contains(where: { ["we", "i", "crew", "we've", "arrival", "arrived"].contains(keys[$0]) }),
               !(f..<i).contains(where: { isPunct($0, ",") || isSentenceEnd($0) }) {
                return m.end
            }
            if m.value == "A" || m.value == "U" {
                if key(i - 1) == "not" || key(i - 1) == "pre" || isPunct(i - 1, "-") { return nil }
            }
            // "not responding to voice (but responds to pain)": the negated level is not the patient's.
            if let prev = key(i - 1), ["not", "no", "isn't", "wasn't", "never", "non"].contains(prev) { return m.end }
            value = m.value
            end = m.end
            if m.value == "A", let e = longest([["times"], ["x"]], at: end), let n = numbers.parse(at: e),
               n.form == .digits || n.form == .cardinal, (1...4).contains(n.value) {
                end = n.end
            }
        }
        guard let v = value else { return nil }
        let index = setIndex(for: "avpu") { $0.avpu == v }
        store("avpu", in: index, span: scalarSpan(i, end), approximate: false) { $0.avpu = v }
        return end
    }

    // MARK: Set markers and set times

    mutating func matchSetMarker(at i: Int) -> Int? {
        guard let e = longest(Lexicon.setMarkers, at: i) else { return nil }
        if let last = setSpans.last, !last.isEmpty {
            newSetRequested = true
            // (In a recap only: "Quick recap for you, latest BP …"; "Latest at 14:30: BP …" is a set.)
            var first = i
            while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
            markerIsLatest = keys[i] == "latest"
                && (first..<i).contains { Lexicon.recapWords.contains(keys[$0]) }
        }
        return e
    }

    /// "BP 120/80 now. On arrival his BP was 90/60": a set said after another but taken before it. Only when a set
    /// was already said, and:
    /// - the marker opens its clause, or a new subject follows it ("heart rate ninety on arrival his obs were…" in
    ///   unpunctuated engine text); "HR 130 on arrival, after fluids HR 100" says when the 130 was taken;
    /// - a vital's name follows within a few words of nothing but "his obs were", "he was", "at 13:02" ("Initially
    ///   he was pale", "the initial 250 ml bolus", "When we got to the ambulance", "On arrival to ED" mark nothing).
    /// The marker starts a set of its own only after words that made the set before it the current one ("now",
    /// "latest", "repeat"…); otherwise only a value said again starts one ("GCS 15 on our arrival, E4 V5 M6. Initial
    /// obs heart rate 112…" is one set). Reads nothing (the words stay for the other matchers: "when we
    /// arrived at 14:10").
    mutating func noteEarlierSet(at i: Int) {
        guard let e = longest(Lexicon.earlierSetMarkers, at: i), let last = setSpans.last, !last.isEmpty else { return }
        var p = i
        while p > 0, ["our", "the", "his", "her", "their"].contains(keys[p - 1]) { p -= 1 }
        var k = e
        // "…at scene", "…on scene", "When we arrived on scene his sats were…".
        if ["at", "on"].contains(key(k) ?? ""), key(k + 1) == "scene" { k += 2 }
        if key(k) == "at", key(k + 1) == "the", key(k + 2) == "scene" { k += 3 }
        // Unpunctuated, a new subject after the marker opens a new clause: "heart rate ninety on arrival his obs were…"
        // ("HR 130 on arrival, after fluids HR 100" has none).
        // ("when we got to him his sats were…": past the person reached.)
        let s0 = isPunct(k, ",") || ["him", "them"].contains(key(k) ?? "")
            || (key(k) == "her" && ["his", "her", "she", "sats", "obs"].contains(key(k + 1) ?? "")) ? k + 1 : k
        let subject = ["his", "her", "their", "he", "she", "they", "the"].contains(key(s0) ?? "")
        guard p == 0 || isSentenceEnd(p - 1) || isPunct(p - 1, ",") || isPunct(p - 1, ";") || isPunct(p - 1, ":")
                || ["and", "but", "then", "so", "whereas"].contains(keys[p - 1]) || subject else { return }
        let fillers: Set<String> = ["his", "her", "their", "the", "obs", "observations", "vitals", "vital", "signs", "vs",
                                    "set", "of", "were", "was", "he", "she", "they", "him", "them", "had", "patient", "pt"]
        while k < tokens.count, k < e + 12, !startsVital(k) {
            // "at 13:02", "at thirteen-oh-two", and Whisper's "at 30-02".
            if key(k) == "at", let end = clock(at: k + 1)?.end ?? numbers.parse(at: k + 1)?.end {
                k = end
                while isPunct(k, "-") || (k < tokens.count && tokens[k].isNumber) { k += 1 }
                continue
            }
            // (A pressure said without its name may come first: "the first set at 14:50 she was ninety-eight over
            // sixty, heart rate one eighteen".)
            if let n = numbers.parse(at: k), isPunct(n.end, "/") || key(n.end) == "over", let d = numbers.parse(at: n.end + 1) {
                k = d.end
                continue
            }
            guard fillers.contains(keys[k]) || isPunct(k, ",") || isPunct(k, ":") else { return }
            k += 1
        }
        guard k < tokens.count, startsVital(k) else { return }
        // After a set said to be the current one ("Latest set … Our first set, she was GCS 15"), the earlier set's
        // values do not join it, even those it lacks.
        if (max(0, i - 40)..<i).contains(where: { ["now", "current", "currently", "latest", "repeat", "last"].contains(keys[$0]) }) {
            newSetRequested = true
        }
        pendingEarlier = true
        // Only the reading that starts there: unpunctuated engine text has no sentence end to clear it.
        pendingEarlierUntil = k + 2
    }

    /// "Initial vitals at fourteen forty: BP …", "Repeat at fourteen fifty-five: …" — the time of the next set.
    mutating func matchVitalsTime(at i: Int) -> Int? {
        if let e = matchBareVitalsTime(at: i) { return e }
        if let e = matchOpeningSetTime(at: i) { return e }
        guard key(i) == "at", let c = clock(at: i + 1) else { return nil }
        // "Pulse sitting at one twenty, BP …": a reading after a vital's name, not a time (a twelve-hour reading
        // of its words would be a guess).
        if bareTwelveHourClock(at: i + 1) != nil,
           let v = (max(0, i - 3)..<i).last(where: { startsVital($0) }),
           !(v..<i).contains(where: { tokens[$0].isNumber || numbers.isNumberWord($0) }) {
            return nil
        }
        // "His wife rang us at twenty two twenty bp eighty four over sixty": in unpunctuated engine text, the time of
        // the call for the ambulance runs into the set; it is when the call came, not when the set was taken. Only
        // a call to the ambulance, by someone not of the crew ("we called the GP at 14:25, BP …" keeps its time).
        var clause = i
        while clause > 0, i - clause < 5, !isSentenceEnd(clause - 1) { clause -= 1 }
        if let v = (clause..<i).first(where: { ["rang", "rung", "called", "phoned", "dialled", "dialed"].contains(keys[$0]) }),
           ["us", "999", "911", "111", "000", "nine", "triple", "ambulance", "an", "for"].contains(key(v + 1) ?? ""),
           key(v + 1) != "for" || ["an", "the"].contains(key(v + 2) ?? "") && key(v + 3) == "ambulance",
           key(v + 1) != "an" || key(v + 2) == "ambulance",
           !(max(0, v - 3)..<v).contains(where: { Lexicon.crewPronouns.contains(keys[$0]) }) {
            return nil
        }
        // "Smartwatch said HR 180 at 10:05, RR 22, SpO2 95%", "… sugar was three point one at ten oh five resp rate
        // twenty two": a time straight after a reading is that reading's time, not the next set's (the crew's
        // readings after it stay in their set). When that reading opened the set, the time is the set's: "BP 98/60
        // at 22:02, pulse 64". (A number not read as a reading leaves the time to the next set: "nebulised at six
        // forty-five at seven oh five bp …", "Ninety-eight over sixty at ten oh two, pulse sixty-four".)
        let trailer: Set<String> = ["%", "bpm", "mmhg", "ra", "percent", "on", "room", "air", "regular", "reg",
                                    "irregular", "degrees", "°", "c", "f", "mmol", "/", "l"]
        if let n = sets.indices.last, let spans = setSpans.last, let end = spans.values.map(\.upperBound).max(),
           let q = tokens.firstIndex(where: { $0.start >= end }), q <= i, (q..<i).allSatisfy({ trailer.contains(keys[$0]) }) {
            if sets[n].time == nil, Extractor.groups.filter({ $0.contains(where: { spans[$0] != nil }) }).count == 1 {
                sets[n].time = c.time
                timedAfterItsReading.insert(n)
                return c.end
            }
            return nil
        }
        let before = (max(0, i - 3)..<i).contains { Lexicon.vitalsContextWords.contains(keys[$0]) }
        var after = c.end
        while isPunct(after, ":") || isPunct(after, ",") || isPunct(after, "-") { after += 1 }
        guard before || startsVital(after) else { return nil }
        // ("Carer's BM 3.1 at 10:05, RR 22": after a number, the time may be that number's; the set it opens is not
        // taken for someone else's by it. After a reading not read as the crew's, named just before — "smartwatch
        // said HR 180 at 10:05, RR 22" — it is that reading's, and no set's.)
        let afterTime = (max(0, i - 6)..<i).contains { keys[$0] == "at" && clock(at: $0 + 1)?.end == i }
        let afterNumber = i > 0 && !afterTime && (tokens[i - 1].isNumber || numbers.isNumberWord(i - 1))
        if afterNumber, (max(0, i - 5)..<(i - 1)).contains(where: { startsVital($0) }) { return nil }
        pendingTime = c.time
        pendingTimeAfterNumber = afterNumber
        if let last = setSpans.last, !last.isEmpty, sets.last?.time != c.time { newSetRequested = true }
        return c.end
    }

    /// Words that make a time opening its sentence a year's or someone else's, not the set's (`matchOpeningSetTime`).
    static let notTheSetsTime: Set<String> = [
        "gp", "clinic", "diagnosed", "diagnosis", "pmh", "hx", "history", "letter", "ago", "started", "since", "per",
        "yesterday", "reading", "admitted", "admission", "stroke", "tia", "party", "friends", "says", "said",
        "according", "notes", "chart", "year", "years",
    ]

    /// "10:18: HR 128, BP 104/66", "Fifteen hundred: BP one fifty-two over ninety-eight", "1540, BP 96 over 62",
    /// "Fifteen twenty, on the A six: BP …": a time that opens its sentence and is followed straight away by the
    /// set's readings, the way a run sheet is read out. Only a time written as one ("10:18", "2205") or said the
    /// 24-hour way ("fifteen hundred", "fourteen twenty", "oh nine forty"), then a colon, comma, full stop or dash and
    /// a vital's name; or a comma, up to six words of where the set was taken and a colon. Not "120, pulse 88" (three
    /// digits) nor "Ten: BP" (an hour alone).
    private mutating func matchOpeningSetTime(at i: Int) -> Int? {
        guard i == 0 || isSentenceEnd(i - 1), let c = clock(at: i) else { return nil }
        let t = tokens[i]
        let written: Bool
        if t.isNumber {
            written = !t.text.contains(".") && (t.text.count == 4 || (t.text.count <= 2 && isPunct(i + 1, ":")))
        } else if let n = numbers.parse(at: i), n.end == c.end {
            written = n.form == .clock || n.form == .hundreds
        } else {
            written = false
        }
        guard written, !isPunct(c.end, "/"), key(c.end) != "over" else { return nil }
        // Not a year or someone else's time: "2019: BP 190/110, had a TIA", "14:02: BP 150/90 was the reading the GP
        // got this morning", "09:00: BP 150/90 per GP letter", "2300: HR 140 at the party per friends".
        var last = i
        while last < tokens.count, !isSentenceEnd(last) { last += 1 }
        if (i..<last).contains(where: { Self.notTheSetsTime.contains(keys[$0]) }) { return nil }
        var after = c.end
        if isPunct(after, ","), !startsVital(after + 1) {
            // "Fifteen twenty, on the A six: BP …": the place said between the time and a colon.
            guard let colon = (after + 1..<min(tokens.count, after + 8)).first(where: { isPunct($0, ":") || isSentenceEnd($0) }),
                  isPunct(colon, ":") else { return nil }
            after = colon
        }
        guard isPunct(after, ":") || isPunct(after, ",") || isPunct(after, ".") || isPunct(after, "-") else { return nil }
        after += 1
        // A reading must follow: "14:10: BP was unrecordable. … After fluids BP 90/50" gives the later set no time.
        // Past the patient's pronoun, only a level of response: "Ten fifty-eight: he's responding to voice, so a V".
        // (Keys drop "'s": "he's" is "he".) Not when this or the next sentence moves to another time: "10:58: he's
        // alert and orientated, this was before our arrival; we found him GCS 10", "14:20: he's alert. Two hours
        // later he was confused. Now GCS 13" (review 89).
        if ["he", "she", "they're"].contains(key(after) ?? ""), longest(Lexicon.avpuPhrases, at: after + 1) != nil {
            var e = after
            var ends = 0
            while e < tokens.count, ends < 2 {
                if isSentenceEnd(e) { ends += 1 }
                e += 1
            }
            let shifts: Set<String> = ["before", "later", "earlier", "ago", "arrival", "arrived", "found", "previously",
                                       "prior", "initially", "originally", "since", "yesterday", "then"]
            if (after..<e).contains(where: { shifts.contains(keys[$0]) }) { return nil }
            after += 1
        }
        guard after < tokens.count, startsVitalReading(after) else { return nil }
        pendingTime = c.time
        if let last = setSpans.last, !last.isEmpty, sets.last?.time != c.time { newSetRequested = true }
        return c.end
    }

    /// "Obs 18:10: RR 32, …", "Obs 19:20. BP 124/78.", "Repeat 0635: HR 110": a set's word straight before a time
    /// written as one ("18:10", "1920", "fourteen twenty"), then the set's readings. Not "Repeat 120/80" or "obs
    /// 1 2 0" (a three-digit number is read as a time only with its colon).
    private mutating func matchBareVitalsTime(at i: Int) -> Int? {
        guard ["obs", "observations", "vitals", "repeat", "recheck", "reassessment"].contains(keys[i]),
              i + 1 < tokens.count, let c = clock(at: i + 1) else { return nil }
        let t = tokens[i + 1]
        let written = t.isNumber ? (t.text.count == 4 || (t.text.count <= 2 && isPunct(i + 2, ":"))) : t.isWord
        guard written, !isPunct(c.end, "/"), key(c.end) != "over" else { return nil }
        var after = c.end
        while isPunct(after, ":") || isPunct(after, ",") || isPunct(after, "-") || isPunct(after, ".") { after += 1 }
        guard after - c.end <= 1, startsVital(after) else { return nil }
        pendingTime = c.time
        if let last = setSpans.last, !last.isEmpty, sets.last?.time != c.time { newSetRequested = true }
        return c.end
    }
}
