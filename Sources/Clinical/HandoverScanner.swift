/// Reads one transcript left to right and collects what was said, with the words it was said in.
///
/// At each token the scanner tries, in order: times, allergies, free-text sections, AVPU phrases, drugs, vital
/// signs, ages and genders, set markers, interventions. A matcher returns the index after the words it used, or
/// nil to let the next one try. Nothing is filled in unless words in the transcript say it.
struct HandoverScanner {
    let transcript: [Unicode.Scalar]
    let tokens: [Token]
    let numbers: NumberParser
    /// Token text with a trailing "'s" removed ("pressure's" → "pressure"), the form phrases are matched against.
    let keys: [String]

    var sets: [VitalsSet] = []
    /// Keys assigned in each set, and the transcript span behind each.
    var setSpans: [[String: Range<Int>]] = []
    var pendingTime: String? {
        didSet { pendingTimeAfterNumber = false }
    }
    /// The name of the last reading of a set someone else took, and the readings of that set so far
    /// (`continuesForeignList`).
    var lastForeignVital: Int?
    var foreignListKinds: Set<Lexicon.VitalKind> = []
    var newSetRequested = false
    /// The set marker was "latest": a reading equal to the current set's restates it ("Quick recap, latest BP
    /// 136/82" after "BP 136/82") and opens no set.
    var markerIsLatest = false
    /// Set by "on arrival", "initially", "when we got there"… said after a set: the next set was taken before the
    /// sets said before it. Cleared by the first reading after the marker, at the end of its sentence, or past the
    /// vital's name that followed the marker.
    var pendingEarlier = false
    var pendingEarlierUntil = 0
    /// Sets said after others but taken before them ("Obs now … On arrival his obs were …"). They stay in
    /// `vitals_series` in the order said; the latest values come from the other sets first.
    var earlierSets: Set<Int> = []
    /// Sets whose time was said straight after a number ("BP 98/60 at 22:02, pulse 64", "carer's BM 3.1 at 10:05,
    /// RR 22"): the time may be that number's alone, so `dropReadingsBeforeArrival` does not take the set for
    /// someone else's by it.
    var timedAfterItsReading: Set<Int> = []
    /// `pendingTime` was said straight after a number (`timedAfterItsReading`); cleared whenever `pendingTime` is set.
    var pendingTimeAfterNumber = false

    var patient = Patient()
    /// The next age is said after a relative ("his wife aged 80"); the age kept came so, and a later one replaces it.
    var ageAfterRelative = false
    var weakAge = false
    /// The patient's own title with the age after the name ("Mr Okafor, 67"): the sex it says and where, used when
    /// no word of sex was said (`readSexFromTitle`).
    var titledSex: (sex: String, at: Int)?
    /// The sex the sentence introducing the patient by name and age gives by a possessive before someone close
    /// ("This is Brenda, eighty-one, …, her husband says"), used like `titledSex` after it.
    var possessiveSex: (sex: String, at: Int)?
    /// The onset read so far is an event's time ("fell at 18:05"), which an onset phrase said later replaces.
    var onsetFromEvent = false
    /// A sex word was set aside as someone else's against the patient's pronouns (`isAgainstPatientsPronouns`): the
    /// sex is then left unsaid, not read from pronouns, titles or possessives.
    var sexWordSetAside = false
    var patientEvidence: [Evidence] = []
    var history = History()
    var chiefComplaint: String?
    var mechanism: String?
    var examFindings: [String] = []
    var interventions: [String] = []
    var times = Times()
    var medicationsGiven: [MedicationGiven] = []
    /// For each dose in `medicationsGiven` without a time read: the words of a time said after "at" ("at
    /// nine-twenty"), which tell a dose said again from a new one.
    var givenSaidAt: [String?] = []
    /// The token index after the last medication given, so "X 10 mg IV and Y 200 mg IV, both at 14:35" can give
    /// the time to both.
    var lastGivenEnd: Int?
    /// The doses read as someone else's, in order, for the crew's "a further 500 micrograms" after the last
    /// (`HandoverScanner+OthersDose.swift`).
    var othersDoses: [OthersDose] = []
    /// The token index after the last medication read as the patient's own (its dose stepped over), so "on
    /// levetiracetam and lamotrigine" reads both.
    var lastHistoryMedicationEnd: Int?
    /// The token index after the last drug named but not given (negated, withheld, someone else's), so "No aspirin
    /// or GTN given" and "We did not give him any morphine or ketamine" keep the second one back too.
    var lastWithheldEnd: Int?
    /// Whether that medication was newly appended (an "or" after it takes back only a new item) and said with a
    /// dose (a dose after an "and"-joined drug then reads as a list of home medicines with their doses).
    var lastHistoryMedicationAppended = false
    var lastHistoryMedicationHadDose = false
    /// The token index after the last condition read as past history, so "he's got prostate cancer and type two
    /// diabetes" reads both.
    var lastConditionEnd: Int?
    var lastConditionAppended = false
    var flags: [Flag] = []
    var evidence: [Evidence] = []
    /// The times said so that the half of the day is not in doubt, which a later twelve-hour time ("on scene at four
    /// twenty-six") is read against (`HandoverScanner+DayAnchor.swift`). Found once, before the scan.
    var clockAnchors: [ClockAnchor] = []

    init(_ text: String) {
        transcript = Array(text.unicodeScalars)
        tokens = Self.droppingCorrections(Tokenizer.tokenize(text))
        numbers = NumberParser(tokens: tokens)
        keys = tokens.map { t in
            guard t.isWord else { return t.text }
            if t.text.hasSuffix("'s"), t.text.count > 2 { return String(t.text.dropLast(2)) }
            return t.text
        }
        clockAnchors = findClockAnchors()
    }

    /// "pulse one ten, sorry, one hundred", "one twenty-six over eighty, no wait, one twenty-six over seventy-eight",
    /// "10 milligrams, sorry, 5 milligrams", "at 14:20, sorry, 14:25": the crew corrected a number. The corrected
    /// number and the correcting words are not scanned (their text stays in the transcript and inside the evidence
    /// span of the reading). A correction applies only when both numbers have the same shape: the same unit after
    /// them, both clock times or neither, both the second half of an "A over B" or neither, sizes within a factor
    /// of two, and nothing but the end of the reading after the new number. Otherwise neither number is read
    /// ("resps eighteen, sorry, two puffs of her inhaler").
    static func droppingCorrections(_ tokens: [Token]) -> [Token] {
        let numbers = NumberParser(tokens: tokens)
        let keys = tokens.map(\.text)
        func isPunct(_ i: Int, _ s: String) -> Bool {
            i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && tokens[i].text == s
        }
        func isPairSeparator(_ i: Int) -> Bool { i >= 0 && i < keys.count && (keys[i] == "over" || keys[i] == "/") }
        /// "milligrams" and "mg" are one unit; "%" and "percent" another.
        func unitOf(_ word: String) -> String? {
            if word == "%" || word == "percent" { return "%" }
            if let u = Lexicon.doseUnits.candidates(word).first(where: { $0.0.count == 1 }) { return u.1 }
            return Lexicon.doseUnitsWords.contains(word) ? word : nil
        }
        /// "Lisa's correcting me", "my partner's correcting me", "she's correcting me" at `p`: where those words end.
        func crewmateCorrecting(at p: Int) -> Int? {
            let who = p < keys.count && keys[p] == "my" ? p + 1 : p
            guard who + 2 < tokens.count, ["correcting", "corrects"].contains(keys[who + 1]), keys[who + 2] == "me" else {
                return nil
            }
            let person = keys[who].replacingOccurrences(of: "'s", with: "")
            guard tokens[who].raw.first?.isUppercase == true
                    || ["she", "he", "partner", "mentor", "crewmate", "colleague"].contains(person) else { return nil }
            return who + 3
        }
        /// The end of the longest phrase of `table` starting at `p`.
        func phraseEnd(_ table: PhraseTable<Bool>, at p: Int) -> Int? {
            guard p < keys.count else { return nil }
            return table.candidates(keys[p]).compactMap { entry -> Int? in
                guard p + entry.0.count <= keys.count, Array(keys[p..<(p + entry.0.count)]) == entry.0 else { return nil }
                return p + entry.0.count
            }.max()
        }
        /// The end of the reading whose number ends at `r`: past ":MM", "over 90", its unit ("mg", "mg per kilo",
        /// "%"), one route word, "on air". Not "at 14:10": that is a reading at another time.
        func readingEnd(_ r: Int) -> Int {
            var r = r
            if isPunct(r, ":"), r + 1 < tokens.count, tokens[r + 1].isNumber { r += 2 }
            if isPairSeparator(r), let second = numbers.parse(at: r + 1) { r = second.end }
            if r < keys.count, unitOf(keys[r]) != nil { r += 1 }
            if r + 1 < keys.count, keys[r] == "per", ["kilo", "kg", "kilogram"].contains(keys[r + 1]) { r += 2 }
            if r < keys.count, Lexicon.routes.candidates(keys[r]).contains(where: { $0.0.count == 1 }) { r += 1 }
            if r + 1 < keys.count, keys[r] == "on", ["air", "oxygen"].contains(keys[r + 1]) { r += 2 }
            return r
        }
        /// Where "on air" / "on room air" starts when it ends at `e`.
        func airContextStart(endingAt e: Int) -> Int? {
            guard e >= 2, keys[e - 1] == "air" else { return nil }
            if keys[e - 2] == "on" { return e - 2 }
            if e >= 3, keys[e - 2] == "room", keys[e - 3] == "on" { return e - 3 }
            return nil
        }
        /// Where an oxygen context starts at `p`, past "that was", "it was", "it's", "that's": "on his home oxygen",
        /// "on 2 litres", "2 litres nasal cannula", "on a non-rebreather".
        func oxygenContextStart(from p: Int) -> Int? {
            var q = p
            if q + 1 < keys.count, ["that", "it"].contains(keys[q]), keys[q + 1] == "was" || keys[q + 1] == "is" {
                q += 2
            } else if q < keys.count, ["that's", "it's"].contains(keys[q]) {
                q += 1
            }
            guard q < keys.count else { return nil }
            let words = keys[q..<min(keys.count, q + 5)]
            let oxygen = ["oxygen", "o2", "litres", "liters", "litre", "liter", "l", "cannula", "non-rebreather",
                          "nonrebreather", "rebreather", "mask", "nrb"]
            // "on …" or a flow straight away ("2 litres"); not a number of its own ("sorry, 91 on 2 litres" corrects
            // the saturation too, and is left to the number rules).
            let flow = numbers.parse(at: q).map { n in
                n.end < keys.count && ["litres", "liters", "litre", "liter", "l", "lpm"].contains(keys[n.end])
            } ?? false
            guard keys[q] == "on" || flow, words.contains(where: oxygen.contains), !words.contains("air") else {
                return nil
            }
            return q
        }
        /// Where the number that ends at `end` starts (it begins at most six tokens back), or nil.
        func numberStart(endingAt end: Int) -> Int? {
            (max(0, end - 6)..<end).first(where: { numbers.parse(at: $0)?.end == end })
        }
        /// The first token of the reading that ends at `numberEnd`: its number, the whole "A over B", or the whole
        /// clock time. Nil when no number ends there.
        func readingStart(endingAt numberEnd: Int) -> Int? {
            guard var start = numberStart(endingAt: numberEnd) else { return nil }
            if isPunct(start - 1, ":"), start >= 2, tokens[start - 2].isNumber {
                start -= 2
            } else if isPairSeparator(start - 1), let first = numberStart(endingAt: start - 1) {
                start = first
            }
            return start
        }
        /// Every token of a number in the words before `before` (up to 8, within the sentence), whole numbers only
        /// ("one sixty over ninety eight" is not cut by the window).
        func numberTokens(before: Int) -> [Int] {
            var sentenceStart = before
            while sentenceStart > 0, !tokens[sentenceStart - 1].isSentenceEnd {
                sentenceStart -= 1
            }
            var windowStart = max(sentenceStart, before - 8)
            if let s = (max(sentenceStart, windowStart - 6)..<windowStart).first(where: { (numbers.parse(at: $0)?.end ?? 0) > windowStart }) {
                windowStart = s
            }
            let window = windowStart..<before
            return window.filter { j in
                tokens[j].isNumber || window.contains { s in numbers.parse(at: s).map { $0.end > j && s <= j } ?? false }
            }
        }
        /// The longest vital's name at `v` that ends by `limit`: its length in words and its kind.
        func vitalName(at v: Int, before limit: Int) -> (count: Int, kind: Lexicon.VitalKind)? {
            Lexicon.vitals.candidates(keys[v]).filter { v + $0.0.count <= limit && Array(keys[v..<(v + $0.0.count)]) == $0.0 }
                .max { $0.0.count < $1.0.count }.map { ($0.0.count, $0.1) }
        }
        /// The vitals named from `first` to `limit`, in order.
        func vitalNames(from first: Int, to limit: Int) -> [Lexicon.VitalKind] {
            var found: [Lexicon.VitalKind] = []
            var v = first
            while v < limit {
                if let m = vitalName(at: v, before: limit) {
                    found.append(m.kind)
                    v += m.count
                } else {
                    v += 1
                }
            }
            return found
        }
        /// The vital named in the four words before `p` (within the sentence), if any.
        func vitalKind(before p: Int) -> Lexicon.VitalKind? {
            var found: Lexicon.VitalKind?
            var q = max(0, p - 4)
            while q < p {
                if tokens[q].isSentenceEnd { found = nil }
                if let m = vitalName(at: q, before: p) { found = m.kind; q += m.count } else { q += 1 }
            }
            return found
        }
        /// "Pulse forty-eight on the monitor, I didn't believe it with her shivering, so I checked it manually,
        /// seventy-two and regular", "Our forehead thermometer said ninety-one, which is just her cold forehead, so we
        /// did an oral temp, one hundred point eight": the crew doubted a reading and took it again. From `k`, straight
        /// after the doubted number, to the new number (where the marker ends), in one sentence of at most 30 words:
        /// - the only reading of the sentence so far, and not one of a pair ("BP 180/100, unreliable cuff, so we did a
        ///   manual, 170");
        /// - the crew's doubt of the reading itself: not believing or trusting "it", "that", "the reading", "the
        ///   probe"… ("she couldn't believe her husband had left", "she doesn't trust doctors" are not), a word of a
        ///   faulty reading ("artefact", "unreliable"…), or "which is just" (the reading explained away);
        /// - then "so", "then" or "instead", and a word of taking it again ("checked", "rechecked", "manually",
        ///   "oral"…) right before the new number, or the vital's own name ("so we did an oral temp, 100.8");
        /// - no treatment, drug or other vital between ("cold hands, so we put her on oxygen and rechecked, 94" is a
        ///   second reading), and no time, plan or hope ("rechecked at 10", "I'll recheck, I expect around 70").
        /// Corrected as cautiously as "actually" (HeldOut17, HeldOut22; review 92).
        func recheckEnd(at k: Int) -> Int? {
            guard k > 0, k < tokens.count, let oldStart = numberStart(endingAt: k), !isPairSeparator(oldStart - 1),
                  !isPairSeparator(k), let kind = vitalKind(before: oldStart) else { return nil }
            var sentenceStart = oldStart
            while sentenceStart > 0, !tokens[sentenceStart - 1].isSentenceEnd { sentenceStart -= 1 }
            // (The only vital named in the sentence before it: "Pulse 48, sats 96, didn't believe the first one".)
            guard vitalNames(from: sentenceStart, to: oldStart).count == 1 else { return nil }
            let negations: Set<String> = ["didn't", "not", "don't", "wasn't", "couldn't", "never", "dont", "didnt"]
            // (Of the reading: "it", "that", "this", or "the" and what gave it; not "didn't believe the story".)
            let objects: Set<String> = ["it", "that", "this", "them", "those"]
            let readers: Set<String> = ["reading", "readings", "probe", "monitor", "machine", "meter", "number", "figure",
                                        "result", "trace", "value", "thermometer", "cuff", "sats", "pulse", "obs"]
            let faults: Set<String> = ["artefact", "artifact", "spurious", "faulty", "unreliable", "inaccurate", "erroneous",
                                       "dodgy"]
            let others: Set<String> = ["she", "he", "they", "she's", "he's", "patient", "pt", "wife", "husband", "mum", "mom",
                                       "dad", "daughter", "son", "family"]
            let consequence: Set<String> = ["so", "then", "instead"]
            let again: Set<String> = ["manually", "manual", "rechecked", "recheck", "re-checked", "repeated", "checked",
                                      "oral", "orally", "retook", "retaken"]
            let treatment: Set<String> = ["gave", "given", "give", "put", "oxygen", "o2", "neb", "nebs", "nebuliser",
                                          "nebulizer", "warmed", "blankets", "moved", "bagged", "bagging", "assisted",
                                          "ventilations", "glucose", "gel", "sugar", "fluids", "drip", "at", "will", "i'll",
                                          "we'll", "expect", "expected", "hoping", "hope", "around", "about", "for", "after",
                                          "later", "minutes", "mins", "own", "my"]
            var doubted: Int?
            var so: Int?
            var q = k
            while q < tokens.count, q - k <= 30, !tokens[q].isSentenceEnd {
                if doubted == nil {
                    let w = keys[q]
                    if ["believe", "trust", "convinced"].contains(w), q >= 1, negations.contains(keys[q - 1]) || (q >= 2 && negations.contains(keys[q - 2])),
                       !(max(k, q - 3)..<q).contains(where: { others.contains(keys[$0]) }),
                       w == "convinced" || objects.contains(q + 1 < keys.count ? keys[q + 1] : "")
                        || (q + 2 < keys.count && keys[q + 1] == "the" && readers.contains(keys[q + 2])),
                       // (Not what someone said: "he said he felt fine but I didn't believe that".)
                       !(k..<q).contains(where: { ["said", "says", "told", "claimed", "claims", "reckoned", "felt"].contains(keys[$0]) }) {
                        doubted = q
                    } else if faults.contains(w) || (w == "which" && q + 2 < keys.count && keys[q + 1] == "is" && keys[q + 2] == "just") {
                        doubted = q
                    }
                }
                if doubted != nil, so == nil, consequence.contains(keys[q]) { so = q }
                if let s = so, q > s, treatment.contains(keys[q]) || Lexicon.drugs.candidates(keys[q]).contains(where: {
                    q + $0.0.count <= keys.count && Array(keys[q..<(q + $0.0.count)]) == $0.0 }) {
                    return nil
                }
                if let s = so, q > s + 1, tokens[q].isNumber || numbers.isNumberWord(q), let n = numbers.parse(at: q), n.first == q {
                    // Right before the new number (past a comma): a word of taking it again, or the vital's own name.
                    let b = isPunct(q - 1, ",") ? q - 2 : q - 1
                    let named = (max(0, b - 2)...b).contains { p in vitalName(at: p, before: b + 1).map { p + $0.count == b + 1 && $0.kind == kind } ?? false }
                    // (A saturation or a sugar is never taken "manually": "Sats 82, didn't trust the probe, so I
                    // checked manually, 88" is a pulse. Review 93.)
                    let byHand = ["manually", "manual"].contains(keys[b])
                    guard (again.contains(keys[b]) && !(byHand && [.spo2, .glucose, .glucometer, .etco2].contains(kind))) || named
                    else { return nil }
                    // (Only the same vital's name on the way: "…, so I checked it manually, BP 120/80" is another reading.)
                    return vitalNames(from: k, to: q).allSatisfy { $0 == kind } ? q : nil
                }
                q += 1
            }
            return nil
        }
        var drop = [Bool](repeating: false, count: tokens.count)
        var k = 0
        while k < tokens.count {
            let recheckMarkerEnd = recheckEnd(at: k)
            let recheck = recheckMarkerEnd != nil
            guard let markerEnd = recheckMarkerEnd ?? phraseEnd(Lexicon.corrections, at: k) else {
                k += 1
                continue
            }
            // ", no, sorry, …": the marker that starts at "no" ("PR, no, sorry, IV, it was IV").
            // (", no, wait", ", no, hang on": the marker at "no".)
            if !recheck, keys[k] == ",", k + 1 < keys.count, keys[k + 1] == "no",
               phraseEnd(Lexicon.corrections, at: markerEnd) != nil || (phraseEnd(Lexicon.corrections, at: k + 1) ?? 0) > k + 3 {
                k += 1
                continue
            }
            // "actually" alone is the weakest marker. "actually no", "no, actually" need no comma before them and may
            // take "it's" after them, but like "actually" they correct only a number straight before them with the
            // same shape ("BP 140 over 90 pulse 88 actually no 150 over 90" must not cost the pulse, "Sats 94 on
            // air, actually no, 2 litres" not the saturation).
            // A false start ("twenty, uh, twenty-two") and a checked reading ("one-fifty over ninety? No, one-forty over
            // ninety") correct as cautiously.
            let actuallyFamily = keys[k..<markerEnd].contains("actually") || Lexicon.falseStarts.contains(keys[k])
                || keys[k] == "?" || keys[k] == "," || keys[k] == "."
            let bareActually = actuallyFamily && markerEnd == k + 1
            // Markers that take back the reading just before them ("no wait", "no hang on", "my mistake", "I misread
            // that", "scratch that"): when a new number follows but cannot be read as the correction, the old one
            // still goes ("On scene at 1338, no hang on, it was 13 42 signs" must not report 13:38). Not when words
            // follow instead ("Sats 86, my mistake, that was on his home oxygen"; "i misspoke earlier, …").
            let takesBack = !recheck && !actuallyFamily && ["no", "my", "i", "scratch"].contains(keys[k])
            // "actually" corrects only after a comma ("10 mg, actually 5 mg"), not as emphasis ("actually quite well").
            if bareActually, !recheck, !isPunct(k - 1, ",") {
                k = markerEnd
                continue
            }
            let before = isPunct(k - 1, ",") || isPunct(k - 1, ".") ? k - 1 : k
            // ("Dep scene 06:55, correction: 06:50": a typed report's colon after "correction", which corrects only a
            // number of the same shape, as cautiously as "actually": "Left scene 06:55, correction: 2 mg not 5 mg of
            // morphine" corrects the dose, not the time. Review 89.)
            let correctionColon = keys[k] == "correction" && isPunct(markerEnd, ":")
            var after = isPunct(markerEnd, ",") || correctionColon ? markerEnd + 1 : markerEnd
            // "sorry, I mean 5 mg": the lead-in words go with the marker. "it's", "it was", "that's" only after
            // "sorry"/"no wait" ("Resps 28, sorry, it's 18"), never after "actually" ("Sats 91%, actually it was 96%
            // on arrival" is an earlier reading); with them the correction must have the same shape, or nothing is
            // dropped ("Pulse 110. Sorry, it was 20 minutes before we got to him").
            var weakLeadIn = false
            var pastTense = false
            var takenBack = false
            var crewmateCorrects = false
            // "We arrived at four fourteen, sorry, Bev says four forty": a crewmate's word is the correction.
            if !actuallyFamily, after + 1 < tokens.count, ["says", "said", "reckons"].contains(keys[after + 1]),
               tokens[after].raw.first?.isUppercase == true || ["she", "he", "partner", "mentor", "crewmate",
                                                               "colleague"].contains(keys[after]) {
                after += isPunct(after + 2, ",") ? 3 : 2
            } else if !actuallyFamily, let e = crewmateCorrecting(at: after) {
                // "Benadryl fifty milligrams, sorry, Lisa's correcting me, twenty-five milligrams": cautious, only a
                // number of the same shape ("sorry, Dave's correcting me, 10:40" after "pulse 88" drops nothing).
                after = isPunct(e, ",") ? e + 1 : e
                crewmateCorrects = true
            }
            if let end = phraseEnd(Lexicon.correctionLeadIns, at: after) {
                after = isPunct(end, ",") ? end + 1 : end
            } else if !bareActually, let end = phraseEnd(Lexicon.weakCorrectionLeadIns, at: after) {
                // After "no hang on", "no, sorry", "my mistake" the crew takes the number back: "it was" is the
                // right value, not an earlier one.
                let itWas = keys[after] == "it" && keys[after + 1] == "was"
                takenBack = itWas && (keys[k] == "no" || keys[k] == "my")
                pastTense = itWas && !takenBack
                after = isPunct(end, ",") ? end + 1 : end
                weakLeadIn = true
            }
            // Like a weak lead-in, ", actually" corrects only what is clearly the same reading; otherwise nothing is
            // dropped ("BP 140 over 90, pulse 88, actually 150 over 90" must not cost the pulse).
            // "hang on" is also a pause ("BP 148 over 92, hang on one second, pulse 88"): like "actually".
            let cautious = weakLeadIn || actuallyFamily || crewmateCorrects || correctionColon || recheck
                || keys[k..<markerEnd].contains("hang")
            var numberEnd = before
            var unit: String?
            if numberEnd > 0, let u = unitOf(keys[numberEnd - 1]) {
                unit = u
                numberEnd -= 1
            } else if numberEnd > 0, ["bpm", "degrees", "celsius", "centigrade", "mmhg"].contains(keys[numberEnd - 1]) {
                // "Pulse 130 bpm, no wait, it's 103", "Temp 39.4 degrees, sorry, 38.9": words that end the reading
                // without being a unit the new number must repeat.
                numberEnd -= 1
            } else if numberEnd > 1, ["minute", "min"].contains(keys[numberEnd - 1]), ["a", "per"].contains(keys[numberEnd - 2]) {
                numberEnd -= 2   // "Resps 28 a minute, sorry, 18"
            }
            /// Gives up on reading a correction here; a taken-back reading is still not read when a number follows
            /// the marker (past "it was", "it's", "that's", "I mean"…).
            func giveUp() {
                if takesBack, numbers.parse(at: after) != nil, let s = readingStart(endingAt: numberEnd) {
                    for j in s..<numberEnd { drop[j] = true }
                }
                k = markerEnd
            }
            // "Sats 88 on air, scratch that, the probe had slipped off": "scratch that" takes back everything said
            // in the part of the sentence before it; no number there is read, whatever follows.
            // Only right after a comma or full stop: "a scratch that was bleeding" is a wound.
            if keys[k] == "scratch", before < k {
                var s = before
                while s > 0, !tokens[s - 1].isSentenceEnd, !isPunct(s - 1, ",") { s -= 1 }
                for j in s..<before where tokens[j].isNumber || numbers.isNumberWord(j) { drop[j] = true }
            }
            // "Sats 86 on room air, my mistake, that was on his home oxygen, two litres": the oxygen context was
            // corrected, not the number. "on (room) air" and the correcting words go.
            // (Not after ", I mean": "Sats 88 on air, I mean on 15 litres it's 94" is two readings.)
            if ![",", "."].contains(keys[k]), let airStart = airContextStart(endingAt: before),
               let oxygen = oxygenContextStart(from: after) {
                for j in airStart..<oxygen { drop[j] = true }
                k = oxygen
                continue
            }
            // "RR 30, correction RR 28", "pulse 110, sorry, pulse 100": the same vital's name said again before the
            // new number (HeldOut23's typed report). Only the name of the vital the old number was read for, in the
            // four words before it, and only straight before a number.
            // (Only after a comma, and a new reading that ends its clause: "hr 124 rr 30 correction rr 28 spo2 85",
            // "RR 30, correction RR 28 at 1420" are left as they were; review 99.)
            if isPunct(k - 1, ","), let old = numberStart(endingAt: numberEnd), let kind = vitalKind(before: old),
               after < tokens.count, let named = vitalName(at: after, before: min(tokens.count, after + 4)),
               named.kind == kind, let new = numbers.parse(at: after + named.count) {
                let r = readingEnd(new.end)
                if r >= tokens.count || tokens[r].isSentenceEnd || isPunct(r, ",") { after += named.count }
            }
            guard let replacement = numbers.parse(at: after) else {
                giveUp()
                continue
            }
            // ("On scene 06:20, correction: 06:25 was when we got to the patient": after "correction:", only a number
            // that ends its clause corrects. Review 90.)
            if correctionColon {
                let e = readingEnd(replacement.end)
                if e < tokens.count, !tokens[e].isSentenceEnd, !isPunct(e, ",") {
                    k = markerEnd
                    continue
                }
            }
            // "Sats 88, uh, 92, uh, 95 as the oxygen went on": a trend, not a false start.
            if Lexicon.falseStarts.contains(keys[k]), isPunct(replacement.end, ","),
               replacement.end + 1 < keys.count, Lexicon.falseStarts.contains(keys[replacement.end + 1]) {
                k = markerEnd
                continue
            }
            // ", actually" is also how an earlier reading is added ("BP 95 over 60, actually 120 over 80 when we
            // arrived"): it corrects only a lone number (with its unit) that ends the clause, and otherwise nothing is
            // dropped.
            // "BP 95 over 60, actually 120 over 80 at 14:10" is a reading at another time.
            // ", I mean" too: "BP 100/60, I mean 120/80 is his normal" and "Onset at 14:00. I mean 14:30 is when
            // she called" correct nothing.
            if bareActually || [",", "."].contains(keys[k]) {
                let r = readingEnd(replacement.end)
                guard r >= tokens.count || tokens[r].isSentenceEnd || isPunct(r, ",") else {
                    k = markerEnd
                    continue
                }
            }
            guard var start = numberStart(endingAt: numberEnd) else {
                if cautious {
                    k = markerEnd
                    continue
                }
                // "Pulse 140 bpm, sorry, 104", "Sats ninety-four on air, sorry, ninety-two": a number a few words back
                // was corrected; which words belong to which reading is unclear, so no number there is read.
                // Every number in the words before (up to 8, within the sentence) goes, whole.
                let earlier = numberTokens(before: before)
                if earlier.isEmpty {
                    k = markerEnd
                } else {
                    for j in earlier { drop[j] = true }
                    for j in after..<replacement.end { drop[j] = true }
                    k = replacement.end
                }
                continue
            }
            // "Pain 9 out of 10, sorry, 4": the correction is of the 9.
            if start >= 3, keys[start - 1] == "of", keys[start - 2] == "out", let first = numberStart(endingAt: start - 2) {
                start = first
            }
            guard let corrected = numbers.parse(at: start) else {
                giveUp()
                continue
            }
            let unitAfter = replacement.end < keys.count ? unitOf(keys[replacement.end]) : nil
            let clockBefore = isPunct(start - 1, ":") && start >= 2 && tokens[start - 2].isNumber
            let clockAfter = isPunct(replacement.end, ":")
            let pairAfter = isPairSeparator(replacement.end)
            let pairBefore = isPairSeparator(start - 1)
            // What may follow the replacement: the end of the reading (a sentence end, a comma, the end of the text),
            // its unit, the rest of a clock time or of an "A over B" ("Sats 94, sorry, 88 is the pulse" is not a
            // correction of the saturation).
            let r = replacement.end
            // "she's a seventy-one, no, sorry, seventy-two-year-old lady": an age, corrected as it is said.
            func word(_ p: Int) -> String? { p >= 0 && p < keys.count ? keys[p] : nil }
            var y = r
            if isPunct(y, "-") { y += 1 }
            let yearsOld = ["year", "years"].contains(word(y) ?? "")
                && (word(y + 1) == "old" || (isPunct(y + 1, "-") && word(y + 2) == "old"))
            // (A reading taken again may end with what it was like: "seventy-two and regular.")
            let describedAfter = recheck && word(r) == "and" && (r + 2 >= tokens.count || tokens[r + 2].isSentenceEnd
                                                                 || isPunct(r + 2, ","))
            let endsReading = r >= tokens.count || tokens[r].isSentenceEnd || isPunct(r, ",") || unitAfter != nil || yearsOld
                || describedAfter
                || clockAfter || pairAfter || (r + 1 < keys.count && keys[r] == "out" && keys[r + 1] == "of")
                || ["bpm", "degrees", "a", "per"].contains(keys[r])
                || { let e = readingEnd(r); return e > r && (e >= tokens.count || tokens[e].isSentenceEnd || isPunct(e, ",")) }()
            let small = min(corrected.value, replacement.value)
            let similar = clockBefore || (small > 0 && max(corrected.value, replacement.value) / small <= 2)
            // "morphine two point five, sorry, five milligrams IV": a dose said bare after the drug's name, corrected
            // with its unit.
            let doseAfterDrug = unit == nil && unitAfter != nil && (max(0, start - 4)..<start).contains { p in
                Lexicon.drugs.candidates(keys[p]).contains { p + $0.0.count == start && Array(keys[p..<start]) == $0.0 }
            }
            let sameShape = (unit == unitAfter || doseAfterDrug) && clockBefore == clockAfter && pairAfter == pairBefore
                && endsReading && similar
            if !sameShape, cautious {
                giveUp()
                continue
            }
            // A weak lead-in needs the new reading (its number and the rest: "over 90", ":15", its unit) to end the
            // clause: "Sats 91, sorry, it's 96 a minute ago" is no correction, "BP 140 over 90, sorry, it's 150 over
            // 90." is. "it was" is also how an earlier reading is given ("sorry, it was 96, now 91"): with it, a
            // same-shape pair leaves neither number read.
            if weakLeadIn {
                let e = readingEnd(replacement.end)
                // After a marker that takes the number back, "it was N" corrects only when it ends the sentence
                // ("no sorry, it was 96, now 91" is an earlier reading).
                let closes = e >= tokens.count || tokens[e].isSentenceEnd || (isPunct(e, ",") && !pastTense && !takenBack)
                if !closes || pastTense {
                    if closes {
                        for j in start..<numberEnd where tokens[j].isNumber || numbers.parse(at: j) != nil { drop[j] = true }
                        for j in after..<replacement.end { drop[j] = true }
                        k = replacement.end
                    } else {
                        giveUp()
                    }
                    continue
                }
            }
            // "Morphine two milligrams IV at sixteen twenty, sorry, two point five": the dose before the time was
            // corrected, not the time. The time stays; the old dose is not read, nor the new one (said away from its
            // drug). Only a dose with its unit, in the same clause, within a factor of two of the new number, which
            // has no unit or the same one.
            let timeStart = clockBefore ? start - 2 : start
            let correctedIsTime = timeStart > 0 && keys[timeStart - 1] == "at" && (clockBefore || corrected.form == .clock
                || corrected.form == .hundreds || (tokens[start].isNumber && tokens[start].text.count == 4))
            let replacementIsTime = clockAfter || replacement.form == .clock || replacement.form == .hundreds
            // Not when the new number restates the dose, may be the time's minutes ("Fentanyl 25 mcg at 14:20, sorry,
            // 25"), or is something else ("sorry, 4 out of 10", "6 year old", a drug after it, a time after it).
            let minutes = clockBefore ? Int(tokens[start].text) : corrected.intValue.map { $0 % 100 }
            let mayBeMinutes = unitAfter == nil && replacement.isInteger && replacement.value <= 59
                && minutes.map { abs($0 - Int(replacement.value)) <= 15 } ?? true
            let r1 = word(replacement.end) ?? "", r2 = word(replacement.end + 1) ?? ""
            let drugAt = replacement.end + (unitAfter == nil ? 0 : 1)
            let somethingElse = ["out", "/", "year", "years", "yo", "old", "of"].contains(r1)
                || (isPunct(replacement.end, "-") && ["year", "years"].contains(r2))
                || (drugAt < keys.count && Lexicon.drugs.candidates(keys[drugAt]).contains { entry in
                    drugAt + entry.0.count <= keys.count && Array(keys[drugAt..<(drugAt + entry.0.count)]) == entry.0 })
                || (replacement.end..<min(tokens.count, replacement.end + 4)).contains { keys[$0] == "at" }
            if !sameShape, correctedIsTime, !replacementIsTime, !pairAfter, endsReading, !mayBeMinutes, !somethingElse,
               let dose = (max(0, timeStart - 8)..<(timeStart - 1)).reversed().lazy.compactMap({ numbers.parse(at: $0) })
                   .first(where: { n in
                       n.end < timeStart - 1 && unitOf(keys[n.end]) != nil
                           && (unitAfter == nil || unitAfter == unitOf(keys[n.end]))
                           && !(n.end..<timeStart).contains { tokens[$0].isSentenceEnd || isPunct($0, ",") }
                   }),
               dose.value != replacement.value, min(dose.value, replacement.value) > 0,
               max(dose.value, replacement.value) / min(dose.value, replacement.value) <= 2 {
                for j in dose.first..<dose.end { drop[j] = true }
                for j in after..<replacement.end { drop[j] = true }
                k = replacement.end
                continue
            }
            if !sameShape {
                // Neither number is read; the correcting words stay, so the vital's name does not meet whatever
                // follows ("Pulse 110, sorry, 1 20" must not become "Pulse 20").
                // A new "A over B" after a lone number: "BP one twenty, sorry, one oh six over seventy" corrects the
                // systolic (the new pair is read); "BP 140 over 90, pulse 88, sorry, 150 over 90" corrects an earlier
                // pair, so every number in the words before goes, as when no number ends at the marker.
                if pairAfter, !pairBefore {
                    var name = start - 1
                    while name > 0, ["is", "was", "of", "now"].contains(keys[name]) { name -= 1 }
                    if name >= 0, ["bp", "pressure", "systolic"].contains(keys[name]) {
                        for j in start..<after { drop[j] = true }
                        k = after
                        continue
                    }
                    for j in numberTokens(before: before) { drop[j] = true }
                }
                for j in start..<numberEnd where tokens[j].isNumber || numbers.parse(at: j) != nil { drop[j] = true }
                for j in after..<replacement.end { drop[j] = true }
                k = replacement.end
                continue
            }
            if clockBefore {
                start -= 2
            } else if pairAfter {
                guard let first = numberStart(endingAt: start - 1) else {
                    for j in start..<replacement.end { drop[j] = true }
                    k = replacement.end
                    continue
                }
                start = first
            }
            // (A reading taken again and said with its own name, "so we did an oral temp 100.8": only the doubted
            // number goes; the new reading is read as said.)
            if recheck, (max(0, after - 3)..<after).contains(where: { q in
                Lexicon.vitals.candidates(keys[q]).contains { q + $0.0.count == after && Array(keys[q..<after]) == $0.0 }
            }) {
                for j in start..<numberEnd { drop[j] = true }
                k = after
                continue
            }
            for j in start..<after { drop[j] = true }
            k = after
        }
        return tokens.indices.filter { !drop[$0] }.map { tokens[$0] }
    }

    mutating func run() {
        var i = 0
        while i < tokens.count {
            if isSentenceEnd(i) || i > pendingEarlierUntil { pendingEarlier = false }
            noteEarlierSet(at: i)
            if let next = step(at: i), next > i {
                i = next
            } else {
                i += 1
            }
        }
        if patient.gender == nil, !sexWordSetAside { readSexFromTitle() }
        if patient.gender == nil, !sexWordSetAside { readSexFromPronouns() }
        if patient.gender == nil, !sexWordSetAside { readSexFromPossessive() }
    }

    /// Tries each matcher at `i` in order; the first that reads something decides where scanning continues.
    private mutating func step(at i: Int) -> Int? {
        if let n = matchTime(at: i) { return n }
        if let n = matchAllergies(at: i) { return n }
        if let n = matchNoMedicines(at: i) { return n }
        if let n = matchReactsTo(at: i) { return n }
        if let n = matchText(at: i) { return n }
        if let n = matchCondition(at: i) { return n }
        if let n = matchAVPU(at: i) { return n }
        if let n = matchDrug(at: i) { return n }
        if let n = matchFurtherDose(at: i) { return n }
        if let n = matchVital(at: i) { return n }
        if let n = matchBareSaturation(at: i) { return n }
        if let n = matchSaturationNow(at: i) { return n }
        if let n = matchGCSLetters(at: i) { return n }
        if let n = matchAge(at: i) { return n }
        if let n = matchGender(at: i) { return n }
        if let n = matchSetMarker(at: i) { return n }
        if let n = matchIntervention(at: i) { return n }
        return matchVitalsTime(at: i)
    }

    // MARK: - Token helpers

    func key(_ i: Int) -> String? { i < keys.count && i >= 0 ? keys[i] : nil }

    func isPunct(_ i: Int, _ s: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && tokens[i].text == s
    }

    func isSentenceEnd(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].isSentenceEnd }

    /// Matches `phrase` at `i`, ignoring hyphens between its words; returns the index after it.
    func match(_ phrase: [String], at i: Int) -> Int? {
        var k = i
        for (n, word) in phrase.enumerated() {
            if n > 0, word != "-" { while isPunct(k, "-") { k += 1 } }
            guard k < keys.count, keys[k] == word else { return nil }
            k += 1
        }
        return k
    }

    /// The longest of `table`'s phrases that matches at `i`.
    func longest<T>(_ table: PhraseTable<T>, at i: Int) -> (end: Int, value: T)? {
        guard i >= 0, i < keys.count else { return nil }
        var best: (Int, T)?
        for (phrase, value) in table.candidates(keys[i]) {
            if let e = match(phrase, at: i), e > (best?.0 ?? i) { best = (e, value) }
        }
        return best.map { (end: $0.0, value: $0.1) }
    }

    func longest(_ table: PhraseTable<Bool>, at i: Int) -> Int? {
        longest(table, at: i)?.end
    }

    /// The longest of a few phrases written in place.
    func longest(_ phrases: [[String]], at i: Int) -> Int? {
        guard i >= 0, i < keys.count else { return nil }
        var best: Int?
        for phrase in phrases where phrase.first == keys[i] {
            if let e = match(phrase, at: i), e > (best ?? i) { best = e }
        }
        return best
    }

    /// Transcript text from the start of token `first` to the end of token `end - 1`.
    func text(_ first: Int, _ end: Int) -> String {
        let span = scalarSpan(first, end)
        return String(String.UnicodeScalarView(transcript[span]))
    }

    func scalarSpan(_ first: Int, _ end: Int) -> Range<Int> {
        tokens[first].start..<tokens[max(first, end - 1)].end
    }

    /// Removes the last item of a history list and its evidence ("path[N]"): an "or" made it one of two.
    mutating func takeBackLast(_ list: WritableKeyPath<History, [String]?>, evidencePath: String) {
        guard var items = history[keyPath: list], !items.isEmpty else { return }
        let index = items.count - 1
        items.removeLast()
        history[keyPath: list] = items.isEmpty ? nil : items
        evidence.removeAll { $0.path == "\(evidencePath)[\(index)]" }
    }

    /// Takes back the last medication given and its evidence ("paracetamol or ibuprofen", "both declined").
    mutating func takeBackLastGiven() {
        guard !medicationsGiven.isEmpty else { return }
        let prefix = "medications_given[\(medicationsGiven.count - 1)]."
        medicationsGiven.removeLast()
        givenSaidAt.removeLast()
        evidence.removeAll { $0.path.hasPrefix(prefix) }
        lastGivenEnd = nil
    }

    mutating func addEvidence(_ path: String, _ span: Range<Int>, nemsis: String? = nil) {
        evidence.append(Evidence(path: path, text: String(String.UnicodeScalarView(transcript[span])),
                                 start: span.lowerBound, end: span.upperBound, nemsis: nemsis))
    }

    /// Reads a clock time at `j`: "1432", "14:32", "14-O5", "fourteen thirty-two", "oh seven hundred",
    /// "fourteen hundred", "2:30 pm", and 12-hour times that a part of the day makes unambiguous ("twenty past two
    /// this morning", "quarter to five this afternoon", "four this morning", "eight forty this evening"). Returns nil
    /// for readings that are not an unambiguous 24-hour time ("half past seven" alone could be either).
    ///
    /// 12-hour readings only with `twelveHour` (scene and onset times): after a drug or before a set of vitals, "at
    /// six this morning" is more often another event of the day ("his last dose was at six this morning") than the
    /// time of the dose or the set. A 24-hour reading followed by a part of the day it does not fit ("twelve forty
    /// this morning", "04:30 this afternoon") is nil everywhere; digits with no leading zero that the part of the day
    /// puts after noon ("1:40 this afternoon", "10:30 tonight") are read so.
    ///
    /// A twelve-hour time said with neither ("at four twenty-six", "five o'clock", "ten after four", "at 4:26",
    /// "at 426") is read against the times said around it (`dayAnchored`); `onset` says the time is when the
    /// complaint began, which comes before the times it is read against.
    func clock(at j: Int, twelveHour: Bool = false, onset: Bool = false, lastWell: Bool = false) -> (time: String, end: Int)? {
        guard j >= 0, j < tokens.count else { return nil }
        if twelveHour, let r = twelveHourClock(at: j) {
            return SpokenNumber.clockString(r.hour, r.minute).map { ($0, r.end) }
        }
        // ("Called at 03:10. Pain since 10:30": a two-digit hour may well be written the 24-hour way, and a
        // complaint may have begun sixteen hours before the call; an onset keeps it as written.)
        let twoDigitHour = tokens[j].isNumber && (tokens[j].text.count == 2 || tokens[j].text.count == 4)
            && relativeClock(at: j) == nil
        if let bare = bareTwelveHourClock(at: j), !(twoDigitHour && (onset || lastWell)) {
            switch dayAnchored(hour: bare.hour, minute: bare.minute, at: j, onset: onset, lastWell: lastWell) {
            case .read(let hour, let minute):
                return SpokenNumber.clockString(hour, minute).map { ($0, bare.end) }
            case .doubtful, .unanchored:
                // With nothing to read it against, or when neither half fits, a time keeps its reading as written
                // or said ("at 4:26" is 04:26, "eleven twenty" 11:20); "four twenty-six" and "ten after four" stay
                // unread.
                return plainClock(at: j)
            }
        }
        return plainClock(at: j)
    }

    /// `clock(at:)` without the twelve-hour readings: a 24-hour time, or a 12-hour one with am/pm or a part of the day
    /// that fits it.
    func plainClock(at j: Int) -> (time: String, end: Int)? {
        guard j >= 0, j < tokens.count else { return nil }
        var result: (hour: Int, minute: Int, end: Int)?
        let t = tokens[j]
        if t.isNumber, t.text.contains("."), key(j + 1) == "am" || key(j + 1) == "pm" {
            // "3.15 pm", "4.30pm": the British stop between hours and minutes, which only am/pm makes a time.
            let parts = t.text.split(separator: ".")
            if parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
               m < 60 {
                result = (h, m, j + 1)
            }
        } else if t.isNumber, !t.text.contains(".") {
            let digits = t.text
            if (digits.count == 3 || digits.count == 4), let v = Int(digits) {
                result = (v / 100, v % 100, j + 1)
            } else if digits.count <= 2, let h = Int(digits) {
                if isPunct(j + 1, ":") || isPunct(j + 1, "-"), j + 2 < tokens.count {
                    if tokens[j + 2].isNumber, tokens[j + 2].text.count == 2, let m = Int(tokens[j + 2].text) {
                        result = (h, m, j + 3)
                    } else if key(j + 2) == "o" || key(j + 2) == "oh", j + 3 < tokens.count, tokens[j + 3].isNumber,
                              tokens[j + 3].text.count == 1, let m = Int(tokens[j + 3].text) {
                        result = (h, m, j + 4)
                    }
                }
                if result == nil, key(j + 1) == "hundred" { result = (h, 0, j + 2) }
            }
        } else if let n = numbers.parse(at: j), let v = n.intValue {
            switch n.form {
            case .clock, .hundreds:
                result = (v / 100, v % 100, n.end)
            case .colloquial, .cardinal:
                // "two thirty pm": only with am/pm is a 12-hour reading unambiguous.
                if key(n.end) == "am" || key(n.end) == "pm" {
                    result = n.form == .colloquial ? (v / 100, v % 100, n.end) : (v, 0, n.end)
                }
            case .digits:
                break
            }
        }
        guard var r = result else { return nil }
        if let part = longest(Lexicon.partsOfDay, at: r.end) {
            func fits(_ hour: Int) -> Bool {
                switch part.value {
                case .morning: return (0...11).contains(hour)
                case .afternoon: return (12...18).contains(hour)
                case .evening: return (16...23).contains(hour)
                case .night: return (18...23).contains(hour) || (0...5).contains(hour)
                }
            }
            // "1:40 this afternoon", "10:30 tonight": digits written the twelve-hour way (no leading zero), which the
            // part of the day puts in the afternoon or evening. ("04:30 this afternoon" stays unread.)
            let twelveHourDigits = t.isNumber && !t.text.hasPrefix("0") && (1...11).contains(r.hour)
            if !fits(r.hour), part.value != .morning, twelveHourDigits, fits(r.hour + 12) {
                r.hour += 12
            } else if !fits(r.hour) {
                return nil
            }
        }
        if key(r.end) == "pm" || key(r.end) == "am" {
            guard (1...12).contains(r.hour) else { return nil }
            if key(r.end) == "pm", r.hour < 12 { r.hour += 12 }
            if key(r.end) == "am", r.hour == 12 { r.hour = 0 }
            r.end += 1
        } else if key(r.end) == "hours" || key(r.end) == "hrs" {
            r.end += 1
        }
        guard let s = SpokenNumber.clockString(r.hour, r.minute) else { return nil }
        return (s, r.end)
    }

    /// A 12-hour time said in words and followed by am/pm or a part of the day: "twenty past two this morning",
    /// "(a) quarter to five this afternoon", "half past seven in the evening", "ten after six pm", "four this
    /// morning", "two twenty this morning", "eight forty this evening". A time said the 24-hour way ("oh eight
    /// forty", "fourteen thirty", digits) is left to `clock(at:)`'s other readings, and so is a part of the day
    /// that does not fit the hour ("ten past three this evening"): nil.
    func twelveHourClock(at j: Int) -> (hour: Int, minute: Int, end: Int)? {
        guard j >= 0, j < tokens.count else { return nil }
        var hour: Int
        var minute: Int
        var end: Int
        let relative = relativeClock(at: j)
        if relative == nil, tokens[j].isNumber {
            // An hour written alone ("since 2 pm", "left at 4 pm") is left unread: after "since" or "left" it is as
            // often someone else's time as the complaint's or the crew's (`dayAnchorHour` reads it as an anchor).
            return nil
        } else if ["oh", "o", "zero", "nought"].contains(keys[j]) {
            return nil
        } else if let relative {
            (hour, minute, end) = relative
        } else if let n = numbers.parse(at: j), let v = n.intValue {
            switch n.form {
            case .cardinal where (1...12).contains(v):
                (hour, minute, end) = (v, 0, n.end)
            case .colloquial where (1...12).contains(v / 100) && v % 100 < 60,
                 .clock where (1...12).contains(v / 100) && v % 100 < 60:
                (hour, minute, end) = (v / 100, v % 100, n.end)
            default:
                return nil
            }
        } else {
            return nil
        }
        if ["o'clock", "oclock"].contains(key(end) ?? "") { end += 1 }
        if key(end) == "am" || key(end) == "pm" {
            if key(end) == "pm", hour < 12 { hour += 12 }
            if key(end) == "am", hour == 12 { hour = 0 }
            return (hour, minute, end + 1)
        }
        guard let part = longest(Lexicon.partsOfDay, at: end) else { return nil }
        // Morning 1–11; afternoon 12 and 1–7; evening 4–11; tonight / at night / last night 6–11. Midnight and noon
        // said with a part of the day ("twelve this morning") stay unread. Said the relative way, minutes past twelve
        // in the morning or at night are after midnight ("ten to one this morning" is 00:50); "twelve forty this
        // morning" could be a 24-hour reading that the morning contradicts, and stays unread.
        if [.morning, .night].contains(part.value), hour == 12, minute > 0, relative != nil {
            return (0, minute, part.end)
        }
        guard let h = Self.hour(hour, in: part.value) else { return nil }
        return (h, minute, part.end)
    }

    /// The hour of the day a twelve-hour hour (1–12) is in a part of the day, or nil when it does not fit: morning
    /// 1–11; afternoon 12 and 1–7; evening 4–11; tonight / at night / last night 6–11.
    static func hour(_ hour: Int, in part: Lexicon.PartOfDay) -> Int? {
        switch part {
        case .morning where (1...11).contains(hour): return hour
        case .afternoon where hour == 12: return 12
        case .afternoon where (1...7).contains(hour): return hour + 12
        case .evening where (4...11).contains(hour): return hour + 12
        case .night where (6...11).contains(hour): return hour + 12
        default: return nil
        }
    }

    /// "4 pm", "2 p.m.", "12 am": an hour written in digits with am/pm.
    func digitHourClock(at j: Int) -> (time: String, end: Int)? {
        guard j >= 0, j < tokens.count, tokens[j].isNumber, tokens[j].text.count <= 2, !tokens[j].text.hasPrefix("0"),
              let h = Int(tokens[j].text), (1...12).contains(h), let half = key(j + 1), ["am", "pm"].contains(half) else {
            return nil
        }
        return SpokenNumber.clockString(h % 12 + (half == "pm" ? 12 : 0), 0).map { ($0, j + 2) }
    }

    /// "twenty past two", "(a) quarter to five", "half past seven", "half seven", "ten after six", "three minutes to
    /// twelve", and Whisper's "10 after 4": the hour (1–12) and minutes it names, before any am/pm or part of the day.
    func relativeClock(at j: Int) -> (hour: Int, minute: Int, end: Int)? {
        var k = j
        if key(k) == "a", key(k + 1) == "quarter" { k += 1 }
        var minutes: Int
        if key(k) == "quarter" {
            minutes = 15
            k += 1
        } else if key(k) == "half" {
            minutes = 30
            k += 1
            // "half seven" (British: half past seven).
            if let h = numbers.parse(at: k), h.form == .cardinal, let hour = h.intValue, (1...12).contains(hour) {
                return (hour, 30, h.end)
            }
        } else if let n = numbers.parse(at: k), n.form == .cardinal || n.form == .digits, let v = n.intValue, (1...29).contains(v) {
            // "five to seven", "twenty past two", "three minutes past four"; not "two to three" or "three to four"
            // (a range of hours): other minutes only with "minutes" said.
            minutes = v
            k = n.end
            if ["minutes", "mins", "minute"].contains(key(k) ?? "") {
                k += 1
            } else if ![5, 10, 20, 25].contains(v) {
                return nil
            }
        } else {
            return nil
        }
        guard let relation = key(k), ["past", "after", "to", "till"].contains(relation),
              minutes != 30 || relation == "past" || relation == "after",
              let h = numbers.parse(at: k + 1), h.form == .cardinal || h.form == .digits, let hour = h.intValue,
              (1...12).contains(hour), h.isInteger else {
            return nil
        }
        if relation == "past" || relation == "after" { return (hour, minutes, h.end) }
        return (hour == 1 ? 12 : hour - 1, 60 - minutes, h.end)
    }

    /// True when the words at `i` begin a vital sign's name.
    func startsVital(_ i: Int) -> Bool {
        longest(Lexicon.vitals, at: i) != nil || longest(Lexicon.avpuPhrases, at: i) != nil
    }

    /// True when the words at `i` are a vital's name followed by a reading ("pain eight", not "chest pain").
    func startsVitalReading(_ i: Int) -> Bool {
        if let m = longest(Lexicon.vitals, at: i) { return reading(after: m.end, kind: m.value) != nil }
        return longest(Lexicon.avpuPhrases, at: i) != nil
    }

    /// True when `i` starts another section that ends a list or free-text capture.
    func endsCapture(_ i: Int) -> Bool {
        guard i < tokens.count else { return true }
        if isSentenceEnd(i) { return true }
        if let k = key(i), Lexicon.sectionStarts.contains(k) { return true }
        return startsVitalReading(i) || longest(Lexicon.drugs, at: i) != nil || longest(Lexicon.times, at: i) != nil
    }

    mutating func flagImplausible(_ path: String, _ spokenFirst: Int, _ spokenEnd: Int, rule: String) {
        flags.append(Flag(code: "implausible_value", rule: rule, level: .info,
                          message: "Value outside the plausible range; left out, not guessed.",
                          path: path, text: text(spokenFirst, spokenEnd)))
    }
}
